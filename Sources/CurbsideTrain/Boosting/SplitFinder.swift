/// The best split of a node: where, how much it gains, and the gradient sums of both sides.
struct SplitCandidate: Sendable {
    var gain = 0.0
    var feature = -1
    var kind = TreeNode.Kind.numeric
    var threshold: Float = 0
    var leftCategories: [Float] = []
    /// Bins that go left, bin 0 (missing) included when missing values go left.
    var leftBins = BinSet()
    /// (G, H) of each side.
    var left = SIMD2<Double>.zero
    var right = SIMD2<Double>.zero
}

/// Finds splits in a node's histogram: the XGBoost gain G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ),
/// trying missing values on both sides of every cut.
///
/// Ties keep the first candidate seen: lower feature, then lower cut, then missing right.
/// A split is kept when its gain exceeds 1e-6 and reaches `minSplitGain`, and both children hold at
/// least `minChildWeight` of hessian. When a node has no missing values, they default to the
/// heavier child.
struct SplitFinder: Sendable {
    let lambda: Double
    let minChildWeight: Double
    let minSplitGain: Double
    let bins: [FeatureBins]
    /// Where each feature's bins start in a histogram.
    let offsets: [Int]

    @inline(__always)
    func score(_ sum: SIMD2<Double>) -> Double { sum.x * sum.x / (sum.y + lambda) }

    /// The best split over `features` of a node with histogram `hist` and sums `total`, or nil.
    func best(in hist: UnsafePointer<SIMD2<Double>>, total: SIMD2<Double>, features: [Int]) -> SplitCandidate? {
        var best = SplitCandidate()
        let parent = score(total)
        for feature in features {
            let h = hist + offsets[feature]
            let missing = h[0]
            let hasMissing = missing != .zero
            // Value bins in scan order: ascending for numeric, by G/(H+λ) for categorical.
            let order: [Int]? = bins[feature].kind == .numeric ? nil : categoryOrder(h, count: bins[feature].binCount)
            let scanned = order?.count ?? (bins[feature].binCount - 1)
            var found = -1  // position in the scan order of the last bin on the left
            var foundMissingLeft = false
            var accumulated = SIMD2<Double>.zero
            var position = 0
            while position < scanned - 1 {
                accumulated += h[order?[position] ?? (position + 1)]
                var left = accumulated
                var missingLeft = false
                while true {
                    let right = total - left
                    if left.y >= minChildWeight && right.y >= minChildWeight {
                        let gain = score(left) + score(right) - parent
                        if gain > best.gain {
                            best.gain = gain
                            best.feature = feature
                            best.left = left
                            best.right = right
                            found = position
                            foundMissingLeft = missingLeft
                        }
                    }
                    if missingLeft || !hasMissing { break }
                    missingLeft = true
                    left = accumulated + missing
                }
                position += 1
            }
            if found >= 0 {
                let leftBins = order.map { Array($0[0...found]) } ?? Array(1...(found + 1))
                describe(
                    &best, feature: feature, leftBins: leftBins, missingLeft: foundMissingLeft, hasMissing: hasMissing)
            }
        }
        guard best.feature >= 0, best.gain > 1e-6, best.gain >= minSplitGain else { return nil }
        return best
    }

    /// A categorical feature's bins with rows, by G/(H+λ) ascending (LightGBM's order), ties by bin.
    private func categoryOrder(_ h: UnsafePointer<SIMD2<Double>>, count: Int) -> [Int] {
        (1..<count).filter { h[$0].y > 0 }.sorted { a, b in
            let ra = h[a].x / (h[a].y + lambda)
            let rb = h[b].x / (h[b].y + lambda)
            return ra != rb ? ra < rb : a < b
        }
    }

    /// Fills in the rule of the winning cut of `feature`.
    private func describe(
        _ best: inout SplitCandidate, feature: Int, leftBins: [Int], missingLeft: Bool, hasMissing: Bool
    ) {
        let binning = bins[feature]
        var set = BinSet()
        for bin in leftBins { set.insert(bin) }
        // No missing values here: send them (and unknown categories) to the heavier child.
        if missingLeft || (!hasMissing && best.left.y >= best.right.y) { set.insert(0) }
        best.leftBins = set
        if binning.kind == .numeric {
            best.kind = .numeric
            best.threshold = binning.threshold(afterBin: leftBins[leftBins.count - 1])
            best.leftCategories = []
        } else {
            best.kind = .categorical
            best.threshold = 0
            best.leftCategories = leftBins.map { binning.categories[$0 - 1] }.sorted()
        }
    }
}
