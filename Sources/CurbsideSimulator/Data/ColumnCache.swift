import NIOConcurrencyHelpers

/// Structures built on first use and kept, since a dataset never changes: row ranks per column and
/// whole-dataset orders for `$order`, and an equality index per column for `$where=field='value'`. Paging asks the same query again
/// and again, once per page, so each page costs its own rows, not the whole dataset.
final class ColumnCache: Sendable {
    /// The rank of a NULL: after every value, so it sorts last ascending and first descending.
    static let nullRank = Int32.max

    private struct State {
        var ranks: [String: [Int32]] = [:]
        var indexes: [String: [String: [Int]]] = [:]
        var orders: [String: [Int]] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// Every row's rank by `column`; equal values share a rank. Text ranks by byte order, `.number`
    /// columns numerically (a value that is not a number ranks as NULL).
    func ranks(of column: String, in dataset: SimulatedDataset) -> [Int32] {
        if let ranks = state.withLockedValue({ $0.ranks[column] }) { return ranks }
        let values = dataset.values(of: column) ?? []
        var ranks = [Int32](repeating: Self.nullRank, count: values.count)
        if dataset.type(of: column) == .number {
            let keyed = values.indices.compactMap { row in values[row]?.text.flatMap(Double.init).map { (row, $0) } }
            Self.assignDenseRanks(keyed.sorted { $0.1 < $1.1 }, into: &ranks)
        } else {
            let keyed = values.indices.compactMap { row in values[row]?.text.map { (row, $0) } }
            // Swift orders native strings by Unicode scalar values, which is UTF-8 byte order.
            Self.assignDenseRanks(keyed.sorted { $0.1 < $1.1 }, into: &ranks)
        }
        state.withLockedValue { $0.ranks[column] = ranks }
        return ranks
    }

    /// The rows holding each text value of `column`, in load order.
    func index(of column: String, in dataset: SimulatedDataset) -> [String: [Int]] {
        if let index = state.withLockedValue({ $0.indexes[column] }) { return index }
        var index: [String: [Int]] = [:]
        for (row, value) in (dataset.values(of: column) ?? []).enumerated() {
            if let text = value?.text { index[text, default: []].append(row) }
        }
        state.withLockedValue { $0.indexes[column] = index }
        return index
    }

    /// Every row in the order named by `key`, computed by `sort` the first time.
    func order(_ key: String, sort: () -> [Int]) -> [Int] {
        if let order = state.withLockedValue({ $0.orders[key] }) { return order }
        let order = sort()
        state.withLockedValue { $0.orders[key] = order }
        return order
    }

    private static func assignDenseRanks<Key: Equatable>(_ sorted: [(Int, Key)], into ranks: inout [Int32]) {
        var rank: Int32 = -1
        var previous: Key?
        for (row, key) in sorted {
            if previous != key {
                rank += 1
                previous = key
            }
            ranks[row] = rank
        }
    }
}
