/// A leaf of a grown tree and the rows that reached it (`rowIndex[begin..<end]`).
struct GrownLeaf: Sendable {
    var begin: Int
    var end: Int
    var value: Double
}

extension TreeGrower {
    /// Grows a tree on the first `sampledCount` rows of `rowIndex`, splitting only on `features`.
    /// - Parameter total: the (G, H) sums of those rows.
    /// - Returns: the tree, and its leaves with their rows for updating the margins.
    func grow(sampledCount: Int, total: SIMD2<Double>, features: [Int]) -> (DecisionTree, [GrownLeaf]) {
        gatherGradients(count: sampledCount)
        var nodes = [TreeNode?](repeating: nil, count: 1)
        var leaves = [GrownLeaf]()
        var root = OpenNode(begin: 0, end: sampledCount, sum: total, position: 0)
        root.histogram = takeHistogram()
        buildHistograms([(root, nil)], features: features)
        var level = [root]
        var depth = 0
        while !level.isEmpty {
            let candidates: [SplitCandidate?] =
                depth == parameters.maxDepth ? Array(repeating: nil, count: level.count) : findSplits(level, features)
            var splits = [(OpenNode, SplitCandidate)]()
            for (node, candidate) in zip(level, candidates) {
                if let candidate {
                    splits.append((node, candidate))
                } else {
                    let denominator = node.sum.y + parameters.lambda
                    let value = denominator > 0 ? -node.sum.x / denominator * parameters.learningRate : 0
                    nodes[node.position] = TreeNode(leaf: value, cover: node.sum.y)
                    leaves.append(GrownLeaf(begin: node.begin, end: node.end, value: value))
                    release(node.histogram)
                }
            }
            if splits.isEmpty { break }
            let leftCounts = partition(splits)
            var next = [OpenNode]()
            var pairs = [(OpenNode, OpenNode?)]()
            let childrenNeedHistograms = depth + 1 < parameters.maxDepth
            for ((parent, split), leftCount) in zip(splits, leftCounts) {
                let position = nodes.count
                nodes.append(contentsOf: [nil, nil])
                nodes[parent.position] = TreeNode(
                    split: split.kind, feature: split.feature, threshold: split.threshold,
                    leftCategories: split.leftCategories, leftBins: split.leftBins, gain: split.gain,
                    cover: parent.sum.y, left: position, right: position + 1)
                var left = OpenNode(
                    begin: parent.begin, end: parent.begin + leftCount, sum: split.left, position: position)
                var right = OpenNode(
                    begin: parent.begin + leftCount, end: parent.end, sum: split.right, position: position + 1)
                if childrenNeedHistograms {
                    // The smaller child is built from its rows; the larger takes the parent's buffer.
                    if left.count <= right.count {
                        left.histogram = takeHistogram()
                        right.histogram = parent.histogram
                        pairs.append((left, right))
                    } else {
                        right.histogram = takeHistogram()
                        left.histogram = parent.histogram
                        pairs.append((right, left))
                    }
                } else {
                    release(parent.histogram)
                }
                next.append(left)
                next.append(right)
            }
            if childrenNeedHistograms { buildHistograms(pairs, features: features) }
            level = next
            depth += 1
        }
        return (DecisionTree(nodes: nodes.map { $0! }), leaves)
    }

    /// Lines the gradient pairs up with the first `count` positions of `rowIndex`.
    private func gatherGradients(count: Int) {
        let rows = SharedReadPointer(UnsafePointer(rowIndex))
        let gradients = SharedReadPointer(UnsafePointer(self.gradients))
        let ordered = SharedPointer(orderedGradients)
        let block = Self.partitionBlock
        pool.run(tasks: (count + block - 1) / block) { task in
            for position in task * block..<min(count, (task + 1) * block) {
                ordered[position] = gradients[Int(rows[position])]
            }
        }
    }

    /// The best split of every node of a level, one task per node.
    private func findSplits(_ level: [OpenNode], _ features: [Int]) -> [SplitCandidate?] {
        var result = [SplitCandidate?](repeating: nil, count: level.count)
        let histograms = self.histograms.map { SharedReadPointer(UnsafePointer($0)) }
        let finder = self.finder
        result.withUnsafeMutableBufferPointer { buffer in
            let out = SharedPointer(buffer.baseAddress!)
            pool.run(tasks: level.count) { task in
                let node = level[task]
                out[task] = finder.best(in: histograms[node.histogram].base, total: node.sum, features: features)
            }
        }
        return result
    }
}
