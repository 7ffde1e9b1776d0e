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
        let featureOffset = features.map { offsets[$0] }
        let featureBins = features.map { binCounts[$0] }
        let histograms = self.histograms.map { SharedPointer($0) }
        let rows = SharedReadPointer(UnsafePointer(rowIndex))
        let gradients = SharedReadPointer(UnsafePointer(orderedGradients))
        let bins = SharedReadPointer(UnsafePointer(self.bins))
        let rowCount = self.rowCount
        pool.run(tasks: pairs.count * chunks) { task in
            let (small, large) = pairs[task / chunks]
            let low = bounds[task % chunks]
            let high = bounds[task % chunks + 1]
            let hist = histograms[small.histogram].base
            for k in low..<high { (hist + featureOffset[k]).update(repeating: .zero, count: featureBins[k]) }
            let kernel = HistogramKernel(
                rows: rows + small.begin, gradients: gradients + small.begin, count: small.count)
            let column = { (k: Int) in bins + features[k] * rowCount }
            let target = { (k: Int) in hist + featureOffset[k] }
            // Several features per pass share the row and gradient loads; 8 measured fastest.
            var k = low
            while k < high {
                if k + 8 <= high {
                    kernel.add(
                        (column(k), column(k + 1), column(k + 2), column(k + 3)),
                        (target(k), target(k + 1), target(k + 2), target(k + 3)),
                        (column(k + 4), column(k + 5), column(k + 6), column(k + 7)),
                        (target(k + 4), target(k + 5), target(k + 6), target(k + 7)))
                    k += 8
                } else if k + 4 <= high {
                    kernel.add(
                        (column(k), column(k + 1), column(k + 2), column(k + 3)),
                        (target(k), target(k + 1), target(k + 2), target(k + 3)))
                    k += 4
                } else if k + 2 <= high {
                    kernel.add((column(k), column(k + 1)), (target(k), target(k + 1)))
                    k += 2
                } else {
                    kernel.add(column(k), target(k))
                    k += 1
                }
            }
            if let large {
                let parent = histograms[large.histogram].base
                for k in low..<high {
                    let start = featureOffset[k]
                    for bin in start..<start + featureBins[k] { parent[bin] -= hist[bin] }
                }
            }
        }
    }
}
