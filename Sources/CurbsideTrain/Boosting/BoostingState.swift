import CurbsideModel

/// The training rows' margins between rounds, and one boosting round: gradients, sampling, a tree,
/// and the margin update.
struct BoostingState {
    let grower: TreeGrower
    let labels: [UInt8]
    /// Row weights with the positive-class weight applied.
    let weights: [Double]
    /// Current margin of every training row: the base margin plus the leaves so far, in tree order.
    private(set) var margins: [Double]

    /// Rows per task for gradients and sums; fixed, so partial sums are the same for any thread count.
    static let block = 8192

    init(grower: TreeGrower, labels: [UInt8], weights: [Double], baseMargin: Double) {
        self.grower = grower
        self.labels = labels
        self.weights = weights
        margins = Array(repeating: baseMargin, count: labels.count)
    }

    /// Grows the next tree and adds its leaves to the margins.
    mutating func round(random: inout SplitMix64) -> DecisionTree {
        let parameters = grower.parameters
        let rowCount = labels.count
        let blocks = (rowCount + Self.block - 1) / Self.block
        computeGradients(blocks: blocks)

        // Rows and features for this tree.
        var sampled = [Bool]()
        var sampledCount = rowCount
        if parameters.subsample < 1 {
            sampled = (0..<rowCount).map { _ in random.unit() < parameters.subsample }
            sampledCount = 0
            for row in 0..<rowCount where sampled[row] {
                grower.rowIndex[sampledCount] = UInt32(row)
                sampledCount += 1
            }
        } else {
            for row in 0..<rowCount { grower.rowIndex[row] = UInt32(row) }
        }
        let width = grower.width
        let featureCount = max(1, Int((parameters.colsampleByTree * Double(width)).rounded()))
        let features = featureCount < width ? random.choose(featureCount, of: width) : Array(0..<width)

        let (tree, leaves) = grower.grow(
            sampledCount: sampledCount, total: sum(count: sampledCount), features: features)

        let rows = SharedReadPointer(UnsafePointer(grower.rowIndex))
        let isSampled = sampled
        let bins = SharedReadPointer(UnsafePointer(grower.bins))
        margins.withUnsafeMutableBufferPointer { buffer in
            let margins = SharedPointer(buffer.baseAddress!)
            grower.pool.run(tasks: leaves.count) { task in
                let leaf = leaves[task]
                for position in leaf.begin..<leaf.end { margins[Int(rows[position])] += leaf.value }
            }
            guard sampledCount < rowCount else { return }
            grower.pool.run(tasks: blocks) { block in
                for row in block * Self.block..<min(rowCount, (block + 1) * Self.block) where !isSampled[row] {
                    margins[row] += tree.leafValue(bins: bins + row, stride: rowCount)
                }
            }
        }
        return tree
    }

    /// Gradient pairs of every row from the current margins.
    private func computeGradients(blocks: Int) {
        let rowCount = labels.count
        let gradients = SharedPointer(grower.gradients)
        let labels = self.labels
        let weights = self.weights
        let margins = self.margins
        grower.pool.run(tasks: blocks) { block in
            for row in block * Self.block..<min(rowCount, (block + 1) * Self.block) {
                let p = LogisticLoss.sigmoid(margins[row])
                let g = LogisticLoss.gradient(probability: p, label: labels[row], weight: weights[row])
                let h = LogisticLoss.hessian(probability: p, weight: weights[row])
                gradients[row] = SIMD2(Float(g), Float(h))
            }
        }
    }

    /// (G, H) of the first `count` rows of `rowIndex`, summed in fixed blocks, blocks in order.
    private func sum(count: Int) -> SIMD2<Double> {
        let blocks = (count + Self.block - 1) / Self.block
        var partial = [SIMD2<Double>](repeating: .zero, count: blocks)
        let rows = SharedReadPointer(UnsafePointer(grower.rowIndex))
        let gradients = SharedReadPointer(UnsafePointer(grower.gradients))
        partial.withUnsafeMutableBufferPointer { buffer in
            let out = SharedPointer(buffer.baseAddress!)
            grower.pool.run(tasks: blocks) { block in
                var total = SIMD2<Double>.zero
                for position in block * Self.block..<min(count, (block + 1) * Self.block) {
                    let pair = gradients[Int(rows[position])]
                    total += SIMD2(Double(pair.x), Double(pair.y))
                }
                out[block] = total
            }
        }
        return partial.reduce(.zero, +)
    }
}
