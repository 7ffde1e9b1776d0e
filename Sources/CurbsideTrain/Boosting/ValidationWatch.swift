/// Margins of the validation rows, tree by tree, and their weighted mean log loss for early stopping.
struct ValidationWatch {
    let matrix: BinnedMatrix
    let labels: [UInt8]
    let weights: [Double]
    let pool: WorkerPool
    private(set) var margins: [Double]

    init(matrix: BinnedMatrix, labels: [UInt8], weights: [Double], baseMargin: Double, threads: Int) {
        self.matrix = matrix
        self.labels = labels
        self.weights = weights
        pool = WorkerPool(threads: threads)
        margins = Array(repeating: baseMargin, count: labels.count)
    }

    /// Adds a tree's leaves to the margins.
    /// - Returns: the weighted mean log loss after it (summed in fixed blocks, blocks in order).
    mutating func add(_ tree: DecisionTree) -> Double {
        let rowCount = labels.count
        let block = BoostingState.block
        let blocks = (rowCount + block - 1) / block
        let labels = self.labels
        let weights = self.weights
        var partial = [SIMD2<Double>](repeating: .zero, count: blocks)
        matrix.bins.withUnsafeBufferPointer { binBuffer in
            let bins = SharedReadPointer(binBuffer.baseAddress ?? UnsafePointer(bitPattern: 8)!)
            margins.withUnsafeMutableBufferPointer { marginBuffer in
                let margins = SharedPointer(marginBuffer.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!)
                partial.withUnsafeMutableBufferPointer { partialBuffer in
                    let out = SharedPointer(partialBuffer.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!)
                    pool.run(tasks: blocks) { index in
                        var total = SIMD2<Double>.zero
                        for row in index * block..<min(rowCount, (index + 1) * block) {
                            margins[row] += tree.leafValue(bins: bins + row, stride: rowCount)
                            let p = LogisticLoss.sigmoid(margins[row])
                            let loss = LogisticLoss.loss(probability: p, label: labels[row], weight: weights[row])
                            total += SIMD2(loss, weights[row])
                        }
                        out[index] = total
                    }
                }
            }
        }
        let total = partial.reduce(.zero, +)
        return total.y > 0 ? total.x / total.y : 0
    }
}
