/// One tree of the ensemble; node 0 is the root, children follow their parents level by level.
public struct DecisionTree: Sendable, Equatable {
    public let nodes: [TreeNode]
    /// The nodes as flat arrays, for walking without copying nodes (their category lists).
    private let flat: FlatNodes

    init(nodes: [TreeNode]) {
        self.nodes = nodes
        flat = FlatNodes(nodes)
    }

    public static func == (a: DecisionTree, b: DecisionTree) -> Bool { a.nodes == b.nodes }

    /// The leaf value for a row of raw feature values.
    /// - Parameters:
    ///   - value: the row's value of a feature (NaN when missing).
    ///   - categories: the known categories of each feature (empty for numeric ones).
    @inline(__always)
    func leafValue(_ value: (Int) -> Float, categories: [[Float]]) -> Double {
        var index = 0
        while true {
            let feature = Int(flat.features[index])
            if feature < 0 { return flat.values[index] }
            let x = value(feature)
            let goesLeft: Bool
            if x.isNaN {
                goesLeft = flat.defaultLeft[index]
            } else if !flat.isCategorical[index] {
                goesLeft = x <= flat.thresholds[index]
            } else {
                goesLeft = nodes[index].goesLeft(x, known: categories[feature])
            }
            index = Int(goesLeft ? flat.lefts[index] : flat.rights[index])
        }
    }

    /// The leaf value for a binned row (the same leaf as the raw row's).
    @inline(__always)
    func leafValue(bins row: UnsafePointer<UInt8>) -> Double {
        var index = 0
        while true {
            let feature = Int(flat.features[index])
            if feature < 0 { return flat.values[index] }
            index = Int(flat.leftBins[index].contains(row[feature]) ? flat.lefts[index] : flat.rights[index])
        }
    }

    /// Leaves in the tree.
    public var leafCount: Int { nodes.count { $0.kind == .leaf } }
}

/// Struct-of-arrays copy of a tree's nodes.
private struct FlatNodes: Sendable {
    let features: [Int32]
    let thresholds: [Float]
    let isCategorical: [Bool]
    let defaultLeft: [Bool]
    let lefts: [Int32]
    let rights: [Int32]
    let values: [Double]
    let leftBins: [BinSet]

    init(_ nodes: [TreeNode]) {
        features = nodes.map { Int32($0.feature) }
        thresholds = nodes.map(\.threshold)
        isCategorical = nodes.map { $0.kind == .categorical }
        defaultLeft = nodes.map(\.defaultLeft)
        lefts = nodes.map { Int32($0.left) }
        rights = nodes.map { Int32($0.right) }
        values = nodes.map(\.value)
        leftBins = nodes.map(\.leftBins)
    }
}
