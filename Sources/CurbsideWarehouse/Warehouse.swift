import CurbsideModel
import Foundation
import GRDB
import Synchronization

/// The one SQLite file between the portal and the site: fetches, partitions, bronze, silver,
/// quarantine, gold, runs and lineage. Every stage reads and writes through it.
///
/// Writes are batched in transactions; a crash leaves the last committed state and the next run
/// goes on from there.
public final class Warehouse: Sendable {
    /// The path of the SQLite file, or ":memory:".
    public let path: String
    let queue: DatabaseQueue

    /// Opens (creating when needed) the warehouse and runs pending migrations.
    /// - Parameters:
    ///   - path: the SQLite file; its folder is created. ":memory:" gives a private in-memory warehouse.
    ///   - pageCacheMiB: SQLite's page cache. 64 MiB instead of SQLite's 2: a million silver rows' indexes stay in
    ///     memory while they load. Connections that only read through the file once (the catalog's) need less.
    /// - Throws: `WarehouseError` naming the file when it cannot be opened or migrated.
    public init(path: String, pageCacheMiB: Int = 64) throws {
        self.path = path
        var config = Configuration()
        config.prepareDatabase { db in
            db.add(function: Self.bronzeBody)
            db.add(function: Self.bronzeRow)
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            try db.execute(sql: "PRAGMA cache_size = -\(pageCacheMiB * 1024)")
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        do {
            if path == ":memory:" {
                queue = try DatabaseQueue(configuration: config)
            } else {
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                queue = try DatabaseQueue(path: path, configuration: config)
                _ = try queue.writeWithoutTransaction { db in
                    try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                }
            }
            try Migrations.migrator().migrate(queue)
        } catch {
            throw WarehouseError(path: path, opening: error)
        }
    }

    /// `bronze_body(body, body_encoding)`: a stored page body as received (see `PageBody`). Registered on every
    /// connection; the `bronze_row_json` view and the catalog use it. A damaged body is an SQL error naming it.
    static let bronzeBody = DatabaseFunction("bronze_body", argumentCount: 2, pure: true) { values in
        guard let stored = Data.fromDatabaseValue(values[0]), let encoding = String.fromDatabaseValue(values[1]) else {
            return nil
        }
        return try body(stored: stored, encoding: encoding)
    }

    /// `bronze_row(body, body_encoding, start, length)`: one row's text cut from a stored page body, as
    /// `CAST(substr(bronze_body(body, body_encoding), start + 1, length) AS TEXT)` gives it, without handing SQLite the
    /// whole page for every row (the catalog's sample of 20 rows from a 20 MB page copied 1.2 GB).
    static let bronzeRow = DatabaseFunction("bronze_row", argumentCount: 4, pure: true) { values in
        guard let stored = Data.fromDatabaseValue(values[0]), let encoding = String.fromDatabaseValue(values[1]),
            let start = Int.fromDatabaseValue(values[2]), let length = Int.fromDatabaseValue(values[3])
        else { return nil }
        let body = try body(stored: stored, encoding: encoding)
        let from = min(max(start, 0), body.count)
        // Clamped before adding: a query may pass any length, and from + Int.max overflows.
        return String(decoding: body[from..<(from + min(max(length, 0), body.count - from))], as: UTF8.self)
    }

    static func body(stored: Data, encoding: String) throws -> Data {
        try lastBody.withLock { last in
            if let last, last.stored == stored, last.encoding == encoding { return last.body }
            let body = Data(try PageBody.decode([UInt8](stored), encoding: encoding))
            last = (stored, encoding, body)
            return body
        }
    }

    /// The last body `bronze_body` gave: a query cutting several rows from one page decompresses it once.
    private static let lastBody = Mutex<(stored: Data, encoding: String, body: Data)?>(nil)

    /// The names of the migrations applied, in order.
    public func appliedMigrations() throws -> [String] {
        try queue.read { db in try Migrations.migrator().appliedMigrations(db) }
    }

    /// Runs `body` in one write transaction: all of it is committed, or none.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.write(body)
    }

    /// Runs `body` in one write transaction, suspending (never blocking a thread) while another write runs: for
    /// ingestion, whose tasks share two cooperative threads with the parsing of the next pages.
    public func writeSuspending<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await queue.write(body)
    }

    /// Runs `body` with a read-only view of the committed state.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }
}
