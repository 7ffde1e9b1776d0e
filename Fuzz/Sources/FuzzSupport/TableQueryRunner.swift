import CurbsideModel
import Foundation

/// A `QueryRunner` that makes up the table a query asks for, so a page renders without a warehouse: its columns are
/// the names the `SELECT` list gives (an alias, or the last word of an item), and its rows are made from the names
/// (dates for date-like columns, labels for names and kinds, numbers otherwise). A line `-- rows: a,b;c,d` in the
/// SQL gives the rows instead, so the fuzzer controls the values charts and tables see; `-- fail` makes it fail as
/// SQLite would.
public struct TableQueryRunner: QueryRunner {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public init() {}

    public func run(_ sql: String) throws -> QueryTable {
        if sql.contains("-- fail") { throw Failure(description: "no such table: fuzz") }
        let columns = Self.columns(of: sql)
        if let data = sql.split(separator: "\n").first(where: { $0.hasPrefix("-- rows:") }) {
            let rows = data.dropFirst("-- rows:".count).split(separator: ";", omittingEmptySubsequences: false).map {
                row in
                let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(Self.value)
                return (0..<columns.count).map { $0 < cells.count ? cells[$0] : .null }
            }
            return QueryTable(columns: columns, rows: rows, sources: ["fuzz"])
        }
        let rows = (0..<6).map { row in
            columns.enumerated().map { index, name in Self.madeUp(name, row: row, column: index) }
        }
        return QueryTable(columns: columns, rows: rows, sources: ["fuzz"])
    }

    /// The names of the `SELECT` list's items, split at top-level commas.
    static func columns(of sql: String) -> [String] {
        guard let select = sql.range(of: "SELECT", options: .caseInsensitive) else { return ["value"] }
        let end =
            sql.range(of: " FROM", options: .caseInsensitive, range: select.upperBound..<sql.endIndex)?.lowerBound
            ?? sql.endIndex
        let list = sql[select.upperBound..<end]
        var items: [Substring] = []
        var depth = 0
        var start = list.startIndex
        for index in list.indices {
            switch list[index] {
            case "(": depth += 1
            case ")": depth -= 1
            case "," where depth == 0:
                items.append(list[start..<index])
                start = list.index(after: index)
            default: break
            }
        }
        items.append(list[start...])
        let names = items.map { item in
            item.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).last.map(String.init) ?? "value"
        }
        return names.isEmpty ? ["value"] : names
    }

    /// A cell of a `-- rows:` line: empty is NULL, then a whole number, a real, or text.
    static func value(_ cell: Substring) -> SQLValue {
        if cell.isEmpty { return .null }
        if let integer = Int64(cell) { return .integer(integer) }
        if let real = Double(cell) { return .real(real) }
        return .text(String(cell))
    }

    static func madeUp(_ name: String, row: Int, column: Int) -> SQLValue {
        let lower = name.lowercased()
        if lower.contains("date") || lower.contains("week") || lower.hasSuffix("day") {
            return .text("2025-05-1\(row)")
        }
        let labels = ["violation", "agency", "borough", "hour_of_day", "name", "label", "cause", "type", "condition"]
        if labels.contains(where: { lower.hasSuffix($0) }) { return .text("\(name) \(row)") }
        let number = (row + 1) * (column + 3) * 37 % 1000
        return row % 2 == 0 ? .integer(Int64(number)) : .real(Double(number) + 0.5)
    }
}
