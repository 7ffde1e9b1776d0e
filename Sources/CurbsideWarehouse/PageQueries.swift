import CurbsideModel
import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The connection content pages' queries run on: it can read the warehouse and nothing else.
///
/// A page is a file anyone with write access to `content/` can change, and whatever its queries return is published.
/// So the connection is opened read-only with `query_only` on, may attach no database (`SQLITE_LIMIT_ATTACHED` 0),
/// and its authorizer lets a statement only select, read tables, call functions that touch no file and recurse: an
/// `ATTACH` of another SQLite file, a `PRAGMA`, a write, `VACUUM INTO` or `load_extension` stops with an error naming
/// what was refused. A progress handler stops a query that runs past its budget (`site.query_timeout_seconds`), so a
/// recursive query without an end cannot hang a build.
///
/// The tables a statement reads are what the authorizer saw it read, the lineage's edges from tables to pages.
public final class PageQueries: QueryRunner, @unchecked Sendable {
    /// The warehouse file.
    public let path: String
    /// How long one statement may run, in seconds.
    public let budget: Double

    /// The connection and what its callbacks share; one statement at a time.
    private let state: Mutex<Connection>

    /// Functions no page may call: they read or write files, or load code.
    static let refusedFunctions: Set<String> = [
        "load_extension", "readfile", "writefile", "edit", "fts3_tokenizer", "zipfile", "sqlar_compress",
        "sqlar_uncompress",
    ]

    /// Opens a read-only connection to the warehouse at `path`.
    /// - Parameters:
    ///   - path: the warehouse file (an in-memory warehouse has none to share).
    ///   - budget: seconds one statement may run.
    /// - Throws: ``WarehouseError`` when the file cannot be opened.
    public init(path: String, budget: Double) throws {
        self.path = path
        self.budget = budget
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        let code = sqlite3_open_v2("file:" + Self.uriPath(path) + "?mode=ro", &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(handle)
            throw WarehouseError(path: path, reason: .open(message))
        }
        state = Mutex(Connection(handle: handle))
        sqlite3_limit(handle, SQLITE_LIMIT_ATTACHED, 0)
        sqlite3_exec(handle, "PRAGMA query_only = 1", nil, nil, nil)
        Self.addBronzeFunctions(handle)
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_set_authorizer(
            handle,
            { context, action, first, second, _, _ in
                guard let context else { return SQLITE_DENY }
                return Unmanaged<PageQueries>.fromOpaque(context).takeUnretainedValue().authorize(action, first, second)
            }, context)
        sqlite3_progress_handler(
            handle, 10_000,
            { context in
                guard let context else { return 1 }
                return Unmanaged<PageQueries>.fromOpaque(context).takeUnretainedValue().overBudget() ? 1 : 0
            }, context)
    }

    deinit {
        _ = state.withLock { sqlite3_close_v2($0.handle) }
    }

    /// What one statement's preparation and steps share with the callbacks.
    struct Connection: @unchecked Sendable {
        let handle: OpaquePointer
        var tables: Set<String> = []
        var refused: String?
        var deadline: Double = .infinity
    }

    /// The callbacks run on the thread holding `state`'s lock, inside `run`; they read and write through this pointer.
    private nonisolated(unsafe) var current: UnsafeMutablePointer<Connection>?

    private func authorize(_ action: Int32, _ first: UnsafePointer<CChar>?, _ second: UnsafePointer<CChar>?) -> Int32 {
        guard let current else { return SQLITE_DENY }
        switch action {
        case SQLITE_SELECT, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_READ:
            if let table = first.map(String.init(cString:)), !table.hasPrefix("sqlite_") {
                current.pointee.tables.insert(table)
            }
            return SQLITE_OK
        case SQLITE_FUNCTION:
            let name = second.map { String(cString: $0).lowercased() } ?? ""
            guard !Self.refusedFunctions.contains(name) else {
                if current.pointee.refused == nil { current.pointee.refused = "the function \(name)()" }
                return SQLITE_DENY
            }
            return SQLITE_OK
        default:
            if current.pointee.refused == nil { current.pointee.refused = Self.actionName(action, first) }
            return SQLITE_DENY
        }
    }

    private func overBudget() -> Bool {
        guard let current else { return true }
        return Self.monotonicSeconds() > current.pointee.deadline
    }

    public func run(_ sql: String) throws -> QueryTable {
        try state.withLock { connection in
            connection.tables = []
            connection.refused = nil
            connection.deadline = Self.monotonicSeconds() + budget
            return try withUnsafeMutablePointer(to: &connection) { pointer in
                current = pointer
                defer { current = nil }
                return try step(sql, on: pointer)
            }
        }
    }

    private func step(_ sql: String, on connection: UnsafeMutablePointer<Connection>) throws -> QueryTable {
        let handle = connection.pointee.handle
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let prepared = sql.withCString { text in
            let code = sqlite3_prepare_v2(handle, text, -1, &statement, &tail)
            let rest = tail.map { String(cString: $0) } ?? ""
            return (code, rest)
        }
        defer { sqlite3_finalize(statement) }
        guard prepared.0 == SQLITE_OK else { throw failure(prepared.0, sql: sql, connection) }
        guard let statement else { throw refusal("an empty query", sql: sql) }
        if !Self.isBlank(prepared.1) { throw refusal("more than one statement", sql: sql) }
        guard sqlite3_stmt_readonly(statement) != 0 else { throw refusal("a statement that writes", sql: sql) }
        let count = Int(sqlite3_column_count(statement))
        let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
        var rows: [[SQLValue]] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw failure(code, sql: sql, connection) }
            rows.append((0..<count).map { Self.value(statement, Int32($0)) })
        }
        return QueryTable(columns: columns, rows: rows, sources: connection.pointee.tables.sorted())
    }

    private func failure(_ code: Int32, sql: String, _ connection: UnsafeMutablePointer<Connection>) -> any Error {
        let handle = connection.pointee.handle
        if let refused = connection.pointee.refused {
            return refusal(refused, sql: sql)
        }
        if code == SQLITE_INTERRUPT {
            return WarehouseError(
                path: path,
                reason: .query(
                    sql: sql,
                    message:
                        "stopped after \(budget.secondsText): a page query may run for site.query_timeout_seconds "
                        + "(\(budget.secondsText)); make it cheaper, or raise the limit in curbside.yml"))
        }
        return WarehouseError(
            path: path,
            sql: sql,
            error: .init(
                resultCode: .init(rawValue: code), message: String(cString: sqlite3_errmsg(handle)), sql: sql))
    }

    private func refusal(_ what: String, sql: String) -> WarehouseError {
        WarehouseError(
            path: path,
            reason: .query(
                sql: sql,
                message: "refused \(what): a page query may only read the warehouse's tables (SELECT and WITH)"))
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, column) else { return .text("") }
            return .text(String(cString: text))
        case SQLITE_BLOB: return .text("<\(sqlite3_column_bytes(statement, column)) bytes>")
        default: return .null
        }
    }

    private static func actionName(_ action: Int32, _ first: UnsafePointer<CChar>?) -> String {
        let object = first.map { " " + String(cString: $0) } ?? ""
        switch action {
        case SQLITE_ATTACH: return "ATTACH" + object
        case SQLITE_DETACH: return "DETACH" + object
        case SQLITE_PRAGMA: return "PRAGMA" + object
        case SQLITE_INSERT: return "INSERT into" + object
        case SQLITE_UPDATE: return "UPDATE of" + object
        case SQLITE_DELETE: return "DELETE from" + object
        case SQLITE_TRANSACTION: return "a transaction"
        default: return "an operation that is not a read (SQLite authorizer action \(action)\(object))"
        }
    }

    private static func isBlank(_ text: String) -> Bool {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == ";" }
            if rest.hasPrefix("--") {
                rest = rest.drop { $0 != "\n" }
            } else if rest.hasPrefix("/*"), let end = rest.range(of: "*/") {
                rest = rest[end.upperBound...]
            } else {
                return rest.isEmpty
            }
        }
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// `file:` URI path: `%`, `?` and `#` escaped.
    private static func uriPath(_ path: String) -> String {
        var text = ""
        for c in path.unicodeScalars {
            switch c {
            case "%": text += "%25"
            case "?": text += "%3f"
            case "#": text += "%23"
            default: text.unicodeScalars.append(c)
            }
        }
        return text
    }

    /// `bronze_body` and `bronze_row`, so the `bronze_row_json` view reads here as on the warehouse's own connections.
    private static func addBronzeFunctions(_ handle: OpaquePointer) {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC
        sqlite3_create_function_v2(
            handle, "bronze_body", 2, flags, nil,
            { context, count, values in
                guard let values, count == 2 else { return }
                let (stored, encoding) = (PageQueries.blob(values[0]), PageQueries.text(values[1]))
                guard let stored, let encoding else { return sqlite3_result_null(context) }
                do {
                    let body = try Warehouse.body(stored: stored, encoding: encoding)
                    body.withUnsafeBytes {
                        sqlite3_result_blob(context, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT)
                    }
                } catch {
                    sqlite3_result_error(context, "\(error)", -1)
                }
            }, nil, nil, nil)
        sqlite3_create_function_v2(
            handle, "bronze_row", 4, flags, nil,
            { context, count, values in
                guard let values, count == 4 else { return }
                guard let stored = PageQueries.blob(values[0]), let encoding = PageQueries.text(values[1]),
                    let start = values[2],
                    let length = values[3], sqlite3_value_type(start) != SQLITE_NULL,
                    sqlite3_value_type(length) != SQLITE_NULL
                else { return sqlite3_result_null(context) }
                do {
                    let body = try Warehouse.body(stored: stored, encoding: encoding)
                    let from = min(max(Int(sqlite3_value_int64(start)), 0), body.count)
                    let to = min(from + max(Int(sqlite3_value_int64(length)), 0), body.count)
                    let row = String(decoding: body[from..<to], as: UTF8.self)
                    sqlite3_result_text(context, row, -1, SQLITE_TRANSIENT)
                } catch {
                    sqlite3_result_error(context, "\(error)", -1)
                }
            }, nil, nil, nil)
    }

    private static func blob(_ value: OpaquePointer?) -> Data? {
        guard let value, sqlite3_value_type(value) != SQLITE_NULL else { return nil }
        let count = Int(sqlite3_value_bytes(value))
        guard let bytes = sqlite3_value_blob(value) else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    private static func text(_ value: OpaquePointer?) -> String? {
        guard let value, sqlite3_value_type(value) != SQLITE_NULL, let text = sqlite3_value_text(value) else {
            return nil
        }
        return String(cString: text)
    }
}

/// SQLite's "copy this value now" destructor, which the C headers spell as a cast of -1.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
