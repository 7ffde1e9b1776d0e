/// One tree of the ensemble; node 0 is the root, children follow their parents level by level.
public struct DecisionTree: Sendable, Equatable {
    public let nodes: [TreeNode]
    /// The nodes as flat arrays, for walking binned rows without copying nodes.
    private let flat: FlatNodes

    init(nodes: [TreeNode]) {
        self.nodes = nodes
        flat = FlatNodes(nodes)
    }

    public static func == (a: DecisionTree, b: DecisionTree) -> Bool { a.nodes == b.nodes }

    /// The leaf value for a binned row (the same leaf as the raw row's) whose bin of feature `f`
    /// is `row[f * stride]`.
    @inline(__always)
    func leafValue(bins row: UnsafePointer<UInt8>, stride: Int) -> Double {
        var index = 0
        while true {
            let feature = Int(flat.features[index])
            if feature < 0 { return flat.values[index] }
            let bin = row[feature &* stride]
            index = Int(flat.leftBins[index].contains(bin) ? flat.lefts[index] : flat.rights[index])
        }
    }

    /// Leaves in the tree.
    public var leafCount: Int { nodes.count { $0.kind == .leaf } }
}

/// Struct-of-arrays copy of a tree's nodes, for binned rows during training.
private struct FlatNodes: Sendable {
    let features: [Int32]
    let lefts: [Int32]
    let rights: [Int32]
    let values: [Double]
    let leftBins: [BinSet]

    init(_ nodes: [TreeNode]) {
        features = nodes.map { Int32($0.feature) }
        lefts = nodes.map { Int32($0.left) }
        rights = nodes.map { Int32($0.right) }
        values = nodes.map(\.value)
        leftBins = nodes.map(\.leftBins)
    }
}
