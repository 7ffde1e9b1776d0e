import GRDB
import GRDBSQLite

/// Rows of values for a ``PositionalStatement``, gathered on any thread before the write (cleaning fills them on
/// the thread that parses, so the writing thread only binds): each row `width` values, in parameter order. Texts
/// share one buffer that SQLite reads in place.
public struct BoundRows: Sendable {
    enum Value: Sendable {
        case null
        case integer(Int64)
        case text(start: Int, count: Int)
    }

    public let width: Int
    var values: [Value] = []
    var texts: [UInt8] = []

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
}

/// A statement run many times in a row with its values bound by position straight into SQLite, for the loads of a
/// million rows: GRDB's `StatementArguments` box every value, and SQLite copying each text it is given cost as much
/// again. Use it inside one `Warehouse.write`.
public final class PositionalStatement {
    private let statement: Statement
    private let db: Database
    /// The statement's parameters.
    public let parameters: Int
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

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
        let handle = statement.sqliteStatement
        return try rows.texts.withUnsafeBufferPointer { buffer in
            for position in 0..<parameters {
                let index = Int32(position + 1)
                switch rows.values[first * rows.width + position] {
                case .null: sqlite3_bind_null(handle, index)
                case .integer(let number): sqlite3_bind_int64(handle, index, number)
                case .text(_, 0): sqlite3_bind_text(handle, index, "", 0, Self.transient)
                case .text(let start, let count):
                    // SQLITE_STATIC: the buffer outlives the step; the bindings are cleared before it can change.
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
