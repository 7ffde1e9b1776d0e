/// One node of a decision tree: a leaf with a value, or a split on one feature.
///
/// A numeric split sends a value `x` left when `x ≤ threshold`; a categorical split when `x` is one
/// of `leftCategories`. A missing value, and a category the model never saw, go the default way.
public struct TreeNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case leaf
        case numeric
        case categorical
    }

    public let kind: Kind
    /// The feature split on (−1 for a leaf).
    public let feature: Int
    /// Numeric split: values ≤ threshold go left.
    public let threshold: Float
    /// Categorical split: the category codes that go left, ascending.
    public let leftCategories: [Float]
    /// Where missing values (and unknown categories) go.
    public let defaultLeft: Bool
    /// Child positions in the tree's node list (−1 for a leaf).
    public let left: Int
    public let right: Int
    /// A leaf's contribution to the margin, learning rate applied.
    public let value: Double
    /// The split's loss reduction (0 for a leaf).
    public let gain: Double
    /// Hessian sum of the training rows that reached the node.
    public let cover: Double
    /// The bins that go left, bin 0 (missing) included: binned rows take the same path as raw ones.
    let leftBins: BinSet

    /// A leaf.
    init(leaf value: Double, cover: Double) {
        kind = .leaf
        feature = -1
        threshold = 0
        leftCategories = []
        defaultLeft = false
        left = -1
        right = -1
        self.value = value
        gain = 0
        self.cover = cover
        leftBins = BinSet()
    }

    /// A split; `left`/`right` are set with `withChildren` once the children have positions.
    init(
        split kind: Kind, feature: Int, threshold: Float, leftCategories: [Float], leftBins: BinSet, gain: Double,
        cover: Double, left: Int = -1, right: Int = -1
    ) {
        self.kind = kind
        self.feature = feature
        self.threshold = threshold
        self.leftCategories = leftCategories
        self.defaultLeft = leftBins.contains(0)
        self.left = left
        self.right = right
        value = 0
        self.gain = gain
        self.cover = cover
        self.leftBins = leftBins
    }

    func withChildren(left: Int, right: Int) -> TreeNode {
        TreeNode(
            split: kind, feature: feature, threshold: threshold, leftCategories: leftCategories, leftBins: leftBins,
            gain: gain, cover: cover, left: left, right: right)
    }
}

/// A set of bins 0…255 as four words.
struct BinSet: Sendable, Equatable {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static func == (a: BinSet, b: BinSet) -> Bool { a.words == b.words }

    @inline(__always)
    func contains(_ bin: UInt8) -> Bool {
        let word: UInt64
        switch bin >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return word & (1 << UInt64(bin & 63)) != 0
    }

    mutating func insert(_ bin: Int) {
        let bit: UInt64 = 1 << UInt64(bin & 63)
        switch bin >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }
}

extension Array where Element == Float {
    /// Binary search in an ascending array.
    func sortedContains(_ value: Float) -> Bool {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) >> 1
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low] == value
    }
}
