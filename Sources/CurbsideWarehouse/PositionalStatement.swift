import GRDB
import GRDBSQLite

/// A statement run many times in a row with its values bound by position straight into SQLite, for the loads of a
/// million rows: GRDB's `StatementArguments` box every value, and SQLite copying each text it is given cost as much
/// again. Texts are gathered into one buffer, reused from row to row, that SQLite reads in place.
/// Use it inside one `Warehouse.write`; bind every parameter before each `run()`.
public final class PositionalStatement {
    private enum Value {
        case null
        case integer(Int64)
        case text(start: Int, count: Int)
    }

    private let statement: Statement
    private let db: Database
    private var values: [Value]
    private var texts: [UInt8] = []

    public init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
        values = Array(repeating: .null, count: Int(sqlite3_bind_parameter_count(statement.sqliteStatement)))
        texts.reserveCapacity(4096)
    }

    /// Binds a text, or NULL, to the 1-based parameter `index`.
    public func bind(_ index: Int32, _ value: String?) {
        guard let value else {
            values[Int(index) - 1] = .null
            return
        }
        let start = texts.count
        texts.append(contentsOf: value.utf8)
        values[Int(index) - 1] = .text(start: start, count: texts.count - start)
    }

    /// Binds an integer, or NULL, to the 1-based parameter `index`.
    public func bind(_ index: Int32, _ value: Int64?) {
        values[Int(index) - 1] = value.map(Value.integer) ?? .null
    }

    /// Runs the statement once with the values bound.
    /// - Returns: the rows it changed.
    /// - Throws: `DatabaseError` with SQLite's message and the statement.
    @discardableResult
    public func run() throws -> Int {
        let handle = statement.sqliteStatement
        defer { texts.removeAll(keepingCapacity: true) }
        return try texts.withUnsafeBufferPointer { buffer in
            for (position, value) in values.enumerated() {
                let index = Int32(position + 1)
                switch value {
                case .null: sqlite3_bind_null(handle, index)
                case .integer(let number): sqlite3_bind_int64(handle, index, number)
                case .text(_, 0):
                    sqlite3_bind_text(handle, index, "", 0, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                case .text(let start, let count):
                    // SQLITE_STATIC: the buffer outlives the step; the bindings are cleared before it changes.
                    sqlite3_bind_text(handle, index, buffer.baseAddress.map { $0 + start }, Int32(count), nil)
                }
            }
            let code = sqlite3_step(handle)
            let message = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            if let message {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
            return Int(sqlite3_changes(db.sqliteConnection))
        }
    }
}
