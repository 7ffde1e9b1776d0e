/// Every tree of a model in flat arrays (struct of arrays, children as absolute positions), so
/// scoring many rows walks plain memory instead of copying trees and their nodes.
struct FlatForest: Sendable {
    let roots: [Int32]
    /// −1 for a leaf.
    let features: [Int32]
    let thresholds: [Float]
    let defaultLeft: [Bool]
    let lefts: [Int32]
    let rights: [Int32]
    let values: [Double]
    /// For a categorical split, its left categories; empty otherwise.
    let leftCategories: [[Float]]
    let isCategorical: [Bool]
    /// Each feature's known categories.
    let known: [[Float]]

    init(trees: [DecisionTree], known: [[Float]]) {
        var roots = [Int32]()
        var nodes = [TreeNode]()
        var lefts = [Int32]()
        var rights = [Int32]()
        for tree in trees {
            let base = Int32(nodes.count)
            roots.append(base)
            nodes += tree.nodes
            lefts += tree.nodes.map { $0.left < 0 ? -1 : base + Int32($0.left) }
            rights += tree.nodes.map { $0.right < 0 ? -1 : base + Int32($0.right) }
        }
        self.roots = roots
        features = nodes.map { Int32($0.feature) }
        thresholds = nodes.map(\.threshold)
        defaultLeft = nodes.map(\.defaultLeft)
        self.lefts = lefts
        self.rights = rights
        values = nodes.map(\.value)
        leftCategories = nodes.map(\.leftCategories)
        isCategorical = nodes.map { $0.kind == .categorical }
        self.known = known
    }

    /// `base` plus the leaf of each tree for the row `row` (raw values in feature order), added
    /// in tree order.
    func margin(base: Double, row: UnsafeBufferPointer<Float>) -> Double {
        features.withUnsafeBufferPointer { features in
            thresholds.withUnsafeBufferPointer { thresholds in
                lefts.withUnsafeBufferPointer { lefts in
                    rights.withUnsafeBufferPointer { rights in
                        var margin = base
                        for root in roots {
                            var index = Int(root)
                            while features[index] >= 0 {
                                let x = row[Int(features[index])]
                                let goesLeft: Bool
                                if x.isNaN {
                                    goesLeft = defaultLeft[index]
                                } else if !isCategorical[index] {
                                    goesLeft = x <= thresholds[index]
                                } else if known[Int(features[index])].sortedContains(x) {
                                    goesLeft = leftCategories[index].sortedContains(x)
                                } else {
                                    goesLeft = defaultLeft[index]
                                }
                                index = Int(goesLeft ? lefts[index] : rights[index])
                            }
                            margin += values[index]
                        }
                        return margin
                    }
                }
            }
        }
    }
}
