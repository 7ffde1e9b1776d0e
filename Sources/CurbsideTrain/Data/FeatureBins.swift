/// How one feature's values map to bins: bin 0 holds missing values, bins 1… hold values.
///
/// A numeric feature's value bin `k` holds the values `x` with `upperBounds[k-2] < x ≤ upperBounds[k-1]`
/// (the first bin is open below, the last open above), so a split "bins ≤ k go left" is the test
/// `x ≤ upperBounds[k-1]` on the raw value. A categorical feature gives each known category its own
/// bin in ascending order of code; a category not in `categories` is treated as missing.
public struct FeatureBins: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case numeric
        case categorical
    }

    public let kind: Kind
    /// Numeric: ascending upper bounds of every value bin but the last (training values, exactly).
    public let upperBounds: [Float]
    /// Categorical: the known category codes, ascending.
    public let categories: [Float]

    /// A numeric feature's bins.
    public init(upperBounds: [Float]) {
        kind = .numeric
        self.upperBounds = upperBounds
        categories = []
    }

    /// A categorical feature's bins.
    public init(categories: [Float]) {
        kind = .categorical
        upperBounds = []
        self.categories = categories
    }

    /// Bins including the missing bin 0.
    public var binCount: Int {
        switch kind {
        case .numeric: return upperBounds.count + 2
        case .categorical: return categories.count + 1
        }
    }

    /// The bin of a value.
    public func bin(of value: Float) -> UInt8 {
        if value.isNaN { return 0 }
        switch kind {
        case .numeric:
            // The first bound ≥ value, by binary search.
            var low = 0
            var high = upperBounds.count
            while low < high {
                let mid = (low + high) >> 1
                if upperBounds[mid] < value { low = mid + 1 } else { high = mid }
            }
            return UInt8(truncatingIfNeeded: low + 1)
        case .categorical:
            var low = 0
            var high = categories.count
            while low < high {
                let mid = (low + high) >> 1
                if categories[mid] < value { low = mid + 1 } else { high = mid }
            }
            return low < categories.count && categories[low] == value ? UInt8(truncatingIfNeeded: low + 1) : 0
        }
    }

    /// The raw value a numeric split after value bin `bin` compares against (`x ≤ threshold` goes left).
    public func threshold(afterBin bin: Int) -> Float { upperBounds[bin - 1] }
}
