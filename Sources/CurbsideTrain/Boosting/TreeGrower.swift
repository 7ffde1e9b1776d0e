/// Grows one tree level by level (XGBoost's `hist` with `grow_policy=depthwise`) on the gradient
/// pairs of the current round, and owns the buffers every round reuses.
///
/// Rows of a node sit in a contiguous, ascending run of `rowIndex`, their gradient pairs beside
/// them in `orderedGradients`; a split partitions both runs in place (stably), so histograms read
/// gradients sequentially. Of two siblings only the one with fewer rows gets a histogram built from its
/// rows; the other's is the parent's minus it, computed in the parent's buffer.
///
/// Determinism: every (node, feature) histogram is summed by one task in row order, split search
/// scans features in order, and partitions are stable, so thread count and timing never change a
/// bit of the result.
final class TreeGrower: @unchecked Sendable {
    // Safety: the pointers are allocated in init and freed in deinit; tasks of `pool` write disjoint parts.
    let rowCount: Int
    let width: Int
    let parameters: GBTParameters
    let finder: SplitFinder
    let pool: WorkerPool
    /// Histogram slots per feature, and the total.
    let binCounts: [Int]
    let offsets: [Int]
    let totalBins: Int

    /// Column-major bins (`BinnedMatrix`).
    let bins: UnsafeMutablePointer<UInt8>
    /// (gradient, hessian) of every training row, set by the booster before each tree.
    let gradients: UnsafeMutablePointer<SIMD2<Float>>
    /// `gradients[rowIndex[i]]` at position `i`, moved along with `rowIndex`.
    let orderedGradients: UnsafeMutablePointer<SIMD2<Float>>
    let leftGradients: UnsafeMutablePointer<SIMD2<Float>>
    let rightGradients: UnsafeMutablePointer<SIMD2<Float>>
    /// Row positions grouped by node; the first `sampledCount` are this tree's rows.
    let rowIndex: UnsafeMutablePointer<UInt32>
    let leftScratch: UnsafeMutablePointer<UInt32>
    let rightScratch: UnsafeMutablePointer<UInt32>
    var histograms: [UnsafeMutablePointer<SIMD2<Double>>] = []
    var freeHistograms: [Int] = []

    /// Rows per partition task.
    static let partitionBlock = 8192

    init(matrix: BinnedMatrix, bins featureBins: [FeatureBins], parameters: GBTParameters) {
        rowCount = matrix.rowCount
        width = matrix.featureCount
        self.parameters = parameters
        pool = WorkerPool(threads: parameters.threads)
        binCounts = featureBins.map(\.binCount)
        var offsets = [0]
        for count in binCounts { offsets.append(offsets[offsets.count - 1] + count) }
        self.offsets = offsets
        totalBins = offsets[offsets.count - 1]
        finder = SplitFinder(
            lambda: parameters.lambda, minChildWeight: parameters.minChildWeight,
            minSplitGain: parameters.minSplitGain, bins: featureBins, offsets: offsets)
        let bins = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, matrix.bins.count))
        matrix.bins.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { bins.initialize(from: base, count: source.count) }
        }
        self.bins = bins
        gradients = .allocate(capacity: max(1, rowCount))
        orderedGradients = .allocate(capacity: max(1, rowCount))
        leftGradients = .allocate(capacity: max(1, rowCount))
        rightGradients = .allocate(capacity: max(1, rowCount))
        rowIndex = .allocate(capacity: max(1, rowCount))
        leftScratch = .allocate(capacity: max(1, rowCount))
        rightScratch = .allocate(capacity: max(1, rowCount))
    }

    deinit {
        bins.deallocate()
        gradients.deallocate()
        orderedGradients.deallocate()
        leftGradients.deallocate()
        rightGradients.deallocate()
        rowIndex.deallocate()
        leftScratch.deallocate()
        rightScratch.deallocate()
        for histogram in histograms { histogram.deallocate() }
    }

    /// A histogram buffer from the free list, or a new one.
    func takeHistogram() -> Int {
        if let slot = freeHistograms.popLast() { return slot }
        histograms.append(.allocate(capacity: totalBins))
        return histograms.count - 1
    }

    func release(_ slot: Int) {
        if slot >= 0 { freeHistograms.append(slot) }
    }
}

/// A node being grown: its rows `rowIndex[begin..<end]`, gradient sums, histogram slot, and
/// position in the tree's node list.
struct OpenNode: Sendable {
    var begin: Int
    var end: Int
    var sum: SIMD2<Double>
    var histogram = -1
    var position: Int

    var count: Int { end - begin }
}
