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

extension SQLValue {
    /// The value as SQLite returns it from a sorted query: a whole REAL comes back as an integer (its records store
    /// it so). Samples and downloads show values this way whether or not their query plan sorted.
    public var asSorted: SQLValue {
        if case .real(let d) = self, let whole = Int64(exactly: d) { return .integer(whole) }
        return self
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

    /// Hands each row of `sql` to `body` as it is read, without keeping it: for passes over a million rows, where
    /// making a ``SQLValue`` of every value (a `String` per text) costs more than SQLite's own reading.
    /// - Throws: an error whose description is SQLite's own message, or what `body` throws.
    func scan(_ sql: String, _ body: (ScannedRow) throws -> Void) throws

    /// Hands `body` the rows of the `bronze_rows` view that one fetch of a partition stored, the `columns` named
    /// (among ``BronzePartition/columns``) in that order, as ``scan(_:_:)`` of the view would give them, in no
    /// particular order.
    /// - Throws: an error naming the pages or column, or what `body` throws.
    func scanBronzeRows(of partition: BronzePartition, columns: [String], _ body: (ScannedRow) throws -> Void) throws
}

/// One fetch of one partition of a dataset: the pages (and rows) of one generation.
public struct BronzePartition: Sendable, Hashable {
    public var dataset: String
    public var key: String
    public var generation: Int64

    public init(dataset: String, key: String, generation: Int64) {
        self.dataset = dataset
        self.key = key
        self.generation = generation
    }

    /// A column of the `bronze_rows` view.
    public enum Column: String, CaseIterable, Sendable {
        case id, page_id, dataset, partition_key, generation, row_index, record_id, byte_start, byte_length
    }

    /// The names of the `bronze_rows` view's columns.
    public static let columns = Set(Column.allCases.map(\.rawValue))

    /// `SELECT columns FROM bronze_rows` of this partition's pages.
    public func rowsSQL(columns: [String]) -> String {
        "SELECT \(columns.map(SQLText.quoted).joined(separator: ", ")) FROM bronze_rows WHERE \(filter)"
    }

    /// The `WHERE` condition of this partition's pages.
    public var filter: String {
        "dataset = \(SQLText.literal(dataset)) AND partition_key = \(SQLText.literal(key)) AND generation = \(generation)"
    }
}

/// Text for SQLite.
public enum SQLText {
    /// `'text'`: a string literal.
    public static func literal(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    /// `"name"`: a quoted identifier.
    public static func quoted(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

extension QueryRunner {
    /// Scans the view itself, for runners that cannot read the pages' offsets faster.
    public func scanBronzeRows(
        of partition: BronzePartition, columns: [String], _ body: (ScannedRow) throws -> Void
    ) throws {
        try scan(partition.rowsSQL(columns: columns), body)
    }

    /// Scans the rows ``run(_:)`` returns, for runners without a cursor of their own.
    public func scan(_ sql: String, _ body: (ScannedRow) throws -> Void) throws {
        let table = try run(sql)
        for values in table.rows {
            var bytes: [UInt8] = []
            let spans = values.map { value -> Range<Int> in
                let start = bytes.count
                if case .text(let text) = value { bytes.append(contentsOf: text.utf8) }
                return start..<bytes.count
            }
            try bytes.withUnsafeBytes { buffer in
                try body(
                    ScannedRow(count: values.count) { k in
                        switch values[k] {
                        case .null: .null
                        case .integer(let number): .integer(number)
                        case .real(let number): .real(number)
                        case .text: .text(UnsafeRawBufferPointer(rebasing: buffer[spans[k]]))
                        }
                    })
            }
        }
    }
}

/// One value of a row being scanned, as SQLite holds it: a text's bytes are valid only while the row is.
public enum SQLCell {
    case null
    case integer(Int64)
    case real(Double)
    /// UTF-8 bytes, not copied.
    case text(UnsafeRawBufferPointer)
    /// A blob's size: its bytes are never shown.
    case blob(count: Int)

    /// The value kept: a text becomes a `String`, a blob the text `<n bytes>` (as ``QueryRunner/run(_:)`` gives it).
    public var value: SQLValue {
        switch self {
        case .null: .null
        case .integer(let number): .integer(number)
        case .real(let number): .real(number)
        case .text(let bytes): .text(String(decoding: bytes, as: UTF8.self))
        case .blob(let count): .text("<\(count) bytes>")
        }
    }
}

/// The row ``QueryRunner/scan(_:_:)`` is at: its values by position, valid only during the call that receives it.
public struct ScannedRow {
    /// The number of values.
    public let count: Int
    private let cell: (Int) -> SQLCell

    public init(count: Int, cell: @escaping (Int) -> SQLCell) {
        self.count = count
        self.cell = cell
    }

    public subscript(position: Int) -> SQLCell { cell(position) }
}
