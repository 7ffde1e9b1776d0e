extension TreeGrower {
    /// Builds the histogram of each pair's first node from its rows and, when the pair has a
    /// second node (a sibling holding the parent's histogram), subtracts the first from it.
    ///
    /// Tasks split the work by node and by a contiguous range of the features; each (node, feature)
    /// histogram is summed by one task in row order, so the sums never depend on the thread count.
    func buildHistograms(_ pairs: [(OpenNode, OpenNode?)], features: [Int]) {
        let threads = pool.threads
        let chunks = pairs.count >= 2 * threads ? 1 : min(threads, features.count)
        let bounds = (0...chunks).map { $0 * features.count / chunks }
        let featureIndex = features
        let featureOffset = features.map { offsets[$0] }
        let featureBins = features.map { binCounts[$0] }
        let histograms = self.histograms.map { SharedPointer($0) }
        let rows = SharedReadPointer(UnsafePointer(rowIndex))
        let gradients = SharedReadPointer(UnsafePointer(self.gradients))
        let bins = SharedReadPointer(UnsafePointer(self.bins))
        let width = self.width
        featureIndex.withUnsafeBufferPointer { indexBuffer in
            featureOffset.withUnsafeBufferPointer { offsetBuffer in
                let index = SharedReadPointer(indexBuffer.baseAddress!)
                let offset = SharedReadPointer(offsetBuffer.baseAddress!)
                pool.run(tasks: pairs.count * chunks) { task in
                    let (small, large) = pairs[task / chunks]
                    let low = bounds[task % chunks]
                    let high = bounds[task % chunks + 1]
                    let hist = histograms[small.histogram].base
                    for k in low..<high { (hist + offset[k]).update(repeating: .zero, count: featureBins[k]) }
                    Self.accumulate(
                        rows: rows + small.begin, count: small.count, bins: bins.base, width: width,
                        gradients: gradients.base, features: (index.base, offset.base), range: low..<high, into: hist)
                    if let large {
                        let parent = histograms[large.histogram].base
                        for k in low..<high {
                            let start = offset[k]
                            for bin in start..<start + featureBins[k] { parent[bin] -= hist[bin] }
                        }
                    }
                }
            }
        }
    }

    /// The histogram kernel: adds each row's gradient pair to its bin of every feature in `range`.
    @inline(__always)
    static func accumulate(
        rows: UnsafePointer<UInt32>, count: Int, bins: UnsafePointer<UInt8>, width: Int,
        gradients: UnsafePointer<SIMD2<Float>>, features: (UnsafePointer<Int>, UnsafePointer<Int>),
        range: Range<Int>, into hist: UnsafeMutablePointer<SIMD2<Double>>
    ) {
        let (index, offset) = features
        let low = range.lowerBound
        let high = range.upperBound
        // Rows are ascending but sparse below the root: touch the row a few places ahead so its
        // bins and gradient are on their way to the cache when the loop reaches it.
        let ahead = 12
        var touched: UInt8 = 0
        for i in 0..<count {
            if i &+ ahead < count {
                let next = Int(rows[i &+ ahead])
                touched &+= bins[next &* width] &+ UInt8(truncatingIfNeeded: Int(gradients[next].x))
            }
            let row = Int(rows[i])
            let pair = gradients[row]
            let value = SIMD2<Double>(Double(pair.x), Double(pair.y))
            let rowBins = bins + row &* width
            var k = low
            while k < high {
                hist[offset[k] &+ Int(rowBins[index[k]])] += value
                k &+= 1
            }
        }
        if touched == 255 { hist[0].y += 0 }  // keeps the touches from being optimised away
    }
}
