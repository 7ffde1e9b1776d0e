import NIOConcurrencyHelpers

/// Structures built on first use and kept, since a dataset never changes: row ranks per column and
/// whole-dataset orders for `$order`, and an equality index per column for `$where=field='value'`. Paging asks the same query again
/// and again, once per page, so each page costs its own rows, not the whole dataset. Each structure is
/// built once, under the lock: requests arriving together wait for the first one's work instead of
/// repeating it (four concurrent first pages used to sort 500,000 ids four times).
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
        state.withLockedValue { state in
            if let ranks = state.ranks[column] { return ranks }
            let values = dataset.values(of: column) ?? []
            var ranks = [Int32](repeating: Self.nullRank, count: values.count)
            if dataset.type(of: column) == .number {
                let keyed = values.indices.compactMap { row in
                    values[row]?.text.flatMap(Double.init).map { (row, $0) }
                }
                Self.assignDenseRanks(keyed.sorted { $0.1 < $1.1 }, into: &ranks)
            } else {
                let keyed = values.indices.compactMap { row in values[row]?.text.map { (row, $0) } }
                // Swift orders native strings by Unicode scalar values, which is UTF-8 byte order.
                Self.assignDenseRanks(keyed.sorted { $0.1 < $1.1 }, into: &ranks)
            }
            state.ranks[column] = ranks
            return ranks
        }
    }

    /// The rows holding each text value of `column`, in load order.
    func index(of column: String, in dataset: SimulatedDataset) -> [String: [Int]] {
        state.withLockedValue { state in
            if let index = state.indexes[column] { return index }
            var index: [String: [Int]] = [:]
            for (row, value) in (dataset.values(of: column) ?? []).enumerated() {
                if let text = value?.text { index[text, default: []].append(row) }
            }
            state.indexes[column] = index
            return index
        }
    }

    /// Every row in the order named by `key`, computed by `sort` the first time.
    func order(_ key: String, sort: () -> [Int]) -> [Int] {
        if let order = state.withLockedValue({ $0.orders[key] }) { return order }
        // `sort` reads ranks, which take the lock: sort outside it, and keep the first result stored.
        let order = sort()
        return state.withLockedValue { state in
            if let stored = state.orders[key] { return stored }
            state.orders[key] = order
            return order
        }
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
