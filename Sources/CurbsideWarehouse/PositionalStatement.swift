import GRDB
import GRDBSQLite

/// Rows of values for a ``PositionalStatement`` (the Chicago clean lays out its rows in one, reused):
/// each row `width` values, in parameter order. Texts share one buffer that SQLite reads in place.
public struct BoundRows: Sendable {
    enum Value: Sendable {
        case null
        case integer(Int64)
        case real(Double)
        case text(start: Int, count: Int)
    }

    public let width: Int
    var values: [Value] = []
    var texts: [UInt8] = []

    /// - Parameter capacity: rows to make room for.
    public init(width: Int, capacity: Int = 0) {
        self.width = width
        values.reserveCapacity(capacity * width)
    }

    /// Rows complete so far.
    public var count: Int { values.count / width }

    public mutating func append(_ text: String?) {
        guard let text else {
            values.append(.null)
            return
        }
        let start = texts.count
        texts.append(contentsOf: text.utf8)
        values.append(.text(start: start, count: texts.count - start))
    }

    public mutating func append(_ integer: Int64?) {
        values.append(integer.map(Value.integer) ?? .null)
    }

    public mutating func append(_ integer: Int?) {
        append(integer.map(Int64.init))
    }

    /// 1 or 0.
    public mutating func append(_ flag: Bool) {
        values.append(.integer(flag ? 1 : 0))
    }

    public mutating func append(_ real: Double?) {
        values.append(real.map(Value.real) ?? .null)
    }

    /// Empties the rows, keeping their storage for the next ones.
    public mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
    }
}

/// A statement run many times in a row with its values bound by position straight into SQLite, for the loads of a
/// million rows: GRDB's `StatementArguments` box every value, and SQLite copying each text it is given cost as much
/// again. Use it inside one `Warehouse.write`.
public final class PositionalStatement {
    private let statement: Statement
    private let db: Database
    /// The statement's parameters.
    public let parameters: Int
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    public init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
        parameters = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
    }

    /// Runs the statement once with `count` rows of `rows`, from `first`, as its parameters.
    /// - Returns: the rows it changed.
    /// - Throws: `DatabaseError` with SQLite's message and the statement.
    @discardableResult
    public func run(_ rows: BoundRows, first: Int, count: Int) throws -> Int {
        precondition(count * rows.width == parameters, "\(count) rows of \(rows.width) for \(parameters) parameters")
        return try rows.texts.withUnsafeBufferPointer { buffer in
            try run { bound in
                for position in 0..<parameters {
                    switch rows.values[first * rows.width + position] {
                    case .null: bound.null(position)
                    case .integer(let number): bound.integer(position, number)
                    case .real(let number): bound.real(position, number)
                    case .text(let start, let count):
                        bound.text(position, UnsafeBufferPointer(rebasing: buffer[start..<(start + count)]))
                    }
                }
            }
        }
    }

    /// Runs the statement once with the parameters `bind` sets (those it leaves are null). Texts are read in place,
    /// so they must stay where they are until this returns.
    /// - Returns: the rows it changed.
    /// - Throws: `DatabaseError` with SQLite's message and the statement.
    @discardableResult
    public func run(_ bind: (Parameters) -> Void) throws -> Int {
        let handle = statement.sqliteStatement
        bind(Parameters(handle: handle))
        let code = sqlite3_step(handle)
        let message = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(db.sqliteConnection))
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        if let message {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }

    /// A statement's parameters, by position from 0, bound straight into SQLite.
    public struct Parameters {
        let handle: OpaquePointer?

        public func null(_ position: Int) { sqlite3_bind_null(handle, Int32(position + 1)) }

        public func integer(_ position: Int, _ value: Int64) { sqlite3_bind_int64(handle, Int32(position + 1), value) }

        public func integer(_ position: Int, _ value: Int64?) {
            if let value { integer(position, value) } else { null(position) }
        }

        public func real(_ position: Int, _ value: Double) { sqlite3_bind_double(handle, Int32(position + 1), value) }

        /// UTF-8 text, read in place until the statement has run.
        public func text(_ position: Int, _ bytes: UnsafeBufferPointer<UInt8>) {
            // SQLITE_STATIC: the bytes outlive the step; the bindings are cleared before they can change. An empty
            // text may have no address, so SQLite copies it.
            if bytes.isEmpty {
                sqlite3_bind_text(handle, Int32(position + 1), "", 0, PositionalStatement.transient)
            } else {
                sqlite3_bind_text(handle, Int32(position + 1), bytes.baseAddress, Int32(bytes.count), nil)
            }
        }
    }
}

extension PositionalStatement {
    /// An insert of one row of `columns` into `table` that, when the row's key (the first column, unique) is
    /// already there, overwrites that row in place instead: its rowid, so its place in the table, stays.
    public convenience init(_ db: Database, upsertInto table: String, columns: [String]) throws {
        let parameters = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let overwrite = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        try self.init(
            db,
            sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(parameters)) "
                + "ON CONFLICT(\(columns[0])) DO UPDATE SET \(overwrite)")
    }
}

/// A query by one text key for an integer and a text (`SELECT bronze_row_id, partition_key FROM t WHERE id = ?`),
/// run once per row of a load straight through SQLite: through GRDB's `Row.fetchOne` each call cost 50 µs (20,000
/// crashes: 1 s), most of it setting up a cursor for one row.
public final class KeyLookup {
    private let statement: Statement
    private let db: Database

    /// - Parameter sql: a query with one parameter whose first column is an integer and second a text.
    public init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
    }

    /// The first row's integer and text, or nil without a row.
    /// - Throws: `DatabaseError` with SQLite's message and the statement.
    public func callAsFunction(_ key: String) throws -> (integer: Int64, text: String)? {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let code = sqlite3_bind_text(handle, 1, key, -1, PositionalStatement.transient)
        guard code == SQLITE_OK else { throw error(code) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            let integer = sqlite3_column_int64(handle, 0)
            let text = sqlite3_column_text(handle, 1).map { String(cString: $0) } ?? ""
            return (integer, text)
        case SQLITE_DONE: return nil
        case let code: throw error(code)
        }
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
            sql: statement.sql)
    }
}
