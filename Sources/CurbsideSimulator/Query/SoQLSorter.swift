/// Orders rows by `$order` terms. NULLs sort last ascending and first descending (PostgreSQL's
/// default, which the portal inherits); rows that tie on every term keep their load order, so every
/// order is total and paging through it is stable.
struct SoQLSorter {
    let terms: [SoQLOrderTerm]
    let dataset: SimulatedDataset

    /// `rows` (indices into the dataset) in order.
    func sorted(_ rows: [Int]) -> [Int] {
        let total = dataset.rowCount
        guard rows.count * 8 >= total else { return sortedDirectly(rows) }
        // Many rows: filter the dataset's whole order (sorted once, then kept) instead of sorting.
        let key = terms.map { $0.column + ($0.descending ? " DESC" : "") }.joined(separator: ",")
        let all = dataset.cache.order(key) { sortedDirectly(Array(0..<total)) }
        if rows.count == total { return all }
        var member = [Bool](repeating: false, count: total)
        for row in rows { member[row] = true }
        return all.filter { member[$0] }
    }

    private func sortedDirectly(_ rows: [Int]) -> [Int] {
        let count = terms.count
        // One flat array of keys, row-major, so comparing two rows touches no reference counts.
        var keys = [Int32](repeating: 0, count: rows.count * count)
        for (termIndex, term) in terms.enumerated() {
            let ranks = dataset.cache.ranks(of: term.column, in: dataset)
            for (position, row) in rows.enumerated() {
                let rank = ranks[row]
                keys[position * count + termIndex] = term.descending ? -rank : rank
            }
        }
        let order = keys.withUnsafeBufferPointer { keys in
            Array(rows.indices).sorted { a, b in
                for termIndex in 0..<count {
                    let (x, y) = (keys[a * count + termIndex], keys[b * count + termIndex])
                    if x != y { return x < y }
                }
                return rows[a] < rows[b]
            }
        }
        return order.map { rows[$0] }
    }
}
