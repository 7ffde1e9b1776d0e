/// One value read from the warehouse.
public enum SQLValue: Hashable, Sendable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The value as a number, when it is one (text that parses as a number counts).
    public var number: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .real(let d): return d
        case .text(let s): return Double(s)
        case .null: return nil
        }
    }

    public var isNull: Bool { self == .null }

    /// Plain text for CSV cells and error messages; null is the empty string.
    public var description: String {
        switch self {
        case .null: return ""
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .text(let s): return s
        }
    }
}

/// The result of a named query: column names in order, then rows.
public struct QueryTable: Hashable, Sendable {
    public var columns: [String]
    public var rows: [[SQLValue]]
    /// The warehouse tables the query read, for chart captions and lineage.
    public var sources: [String]

    public init(columns: [String], rows: [[SQLValue]], sources: [String] = []) {
        self.columns = columns
        self.rows = rows
        self.sources = sources
    }

    /// The index of a column by name, case-insensitively as SQLite does.
    public func index(of column: String) -> Int? {
        columns.firstIndex { $0.lowercased() == column.lowercased() }
    }

    public func values(of column: String) -> [SQLValue]? {
        guard let i = index(of: column) else { return nil }
        return rows.map { $0[i] }
    }
}

/// Runs read-only SQL for content pages. The warehouse implements it; tests use an in-memory table set.
public protocol QueryRunner: Sendable {
    /// - Throws: an error whose description is SQLite's own message.
    func run(_ sql: String) throws -> QueryTable
}
