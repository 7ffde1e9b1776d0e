import Foundation

/// Splits record ids into `field in ('…','…')` filters whose URLs stay short: Chicago's
/// `crash_record_id`s are 128 hex characters, so a batch is bounded by URL length, not by count.
public enum IDBatches {
    /// - Parameters:
    ///   - ids: the ids, in the order to query them (duplicates are dropped).
    ///   - field: the field to filter on.
    ///   - maxEncodedLength: the longest percent-encoded `$where` value allowed.
    /// - Returns: one `$where` value per batch.
    public static func whereClauses(ids: [String], field: String, maxEncodedLength: Int = 3_000) -> [String] {
        var seen = Set<String>()
        var clauses: [String] = []
        var current: [String] = []
        var length = 0
        let overhead = SoQLQuery.encode("\(field) in ()").count
        for id in ids where seen.insert(id).inserted {
            let literal = "'" + id.replacingOccurrences(of: "'", with: "''") + "'"
            let cost = SoQLQuery.encode(literal).count + 3  // the comma, encoded
            if !current.isEmpty, overhead + length + cost > maxEncodedLength {
                clauses.append("\(field) in (\(current.joined(separator: ",")))")
                current = []
                length = 0
            }
            current.append(literal)
            length += cost
        }
        if !current.isEmpty { clauses.append("\(field) in (\(current.joined(separator: ",")))") }
        return clauses
    }
}
