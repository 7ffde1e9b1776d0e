import CurbsideModel
import Foundation
import GRDB

extension Warehouse {
    /// Records one HTTP attempt. Written at once, outside any partition transaction, so failed
    /// attempts are kept even when the partition is not.
    @discardableResult
    public func record(_ fetch: FetchRecord) throws -> Int64 {
        try write { db in try Self.insert(fetch, db: db) }
    }

    static func insert(_ fetch: FetchRecord, db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO fetches (run_id, dataset, partition_key, url, params, status, bytes, sha256,
                    started_at, seconds, attempt, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                fetch.runID, fetch.dataset.rawValue, fetch.partition?.rawValue, fetch.url, fetch.params,
                fetch.status, fetch.bytes, fetch.sha256, fetch.startedAt, fetch.seconds, fetch.attempt,
                fetch.error,
            ])
        return db.lastInsertedRowID
    }

    /// Every partition of a dataset the warehouse knows, by key.
    public func partitions(of dataset: DatasetID) throws -> [PartitionKey: PartitionState] {
        try read { db in
            var result: [PartitionKey: PartitionState] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT key, state, rows, hash, fetched_at, generation, cleaned_generation
                    FROM partitions WHERE dataset = ?
                    """,
                arguments: [dataset.rawValue])
            for row in rows {
                let key = PartitionKey(row["key"] as String)
                result[key] = PartitionState(
                    dataset: dataset, key: key, state: PartitionState.State(rawValue: row["state"]) ?? .failed,
                    rows: row["rows"], hash: row["hash"], fetchedAt: row["fetched_at"],
                    generation: row["generation"], cleanedGeneration: row["cleaned_generation"])
            }
            return result
        }
    }

    /// Stores a complete partition: every page and row in one transaction, then marks it complete
    /// with a new generation. Nothing of it is visible until all of it is.
    /// - Returns: the new generation.
    @discardableResult
    public func commitPartition(
        dataset: DatasetID, key: PartitionKey, pages: [BronzePage], fetchedAt: Double
    ) throws -> Int {
        try write { db in try Self.store(dataset: dataset, key: key, pages: pages, fetchedAt: fetchedAt, db: db) }
    }

    /// ``record(_:)`` without blocking a thread while another write runs.
    @discardableResult
    public func recordSuspending(_ fetch: FetchRecord) async throws -> Int64 {
        try await writeSuspending { db in try Self.insert(fetch, db: db) }
    }

    /// ``commitPartition(dataset:key:pages:fetchedAt:)`` without blocking a thread while another write runs.
    @discardableResult
    public func commitPartitionSuspending(
        dataset: DatasetID, key: PartitionKey, pages: [BronzePage], fetchedAt: Double
    ) async throws -> Int {
        try await writeSuspending { db in
            try Self.store(dataset: dataset, key: key, pages: pages, fetchedAt: fetchedAt, db: db)
        }
    }

    /// Stores several partitions (a crash page's crashes, vehicles and people) in one transaction.
    public func commitPartitions(
        _ parts: [(dataset: DatasetID, key: PartitionKey, pages: [BronzePage])], fetchedAt: Double,
        state: DatasetState? = nil
    ) throws {
        try write { db in
            for part in parts {
                _ = try Self.store(
                    dataset: part.dataset, key: part.key, pages: part.pages, fetchedAt: fetchedAt, db: db)
            }
            if let state { try Self.save(state, db: db) }
        }
    }

    static func store(
        dataset: DatasetID, key: PartitionKey, pages: [BronzePage], fetchedAt: Double, db: Database
    ) throws -> Int {
        let previous =
            try Int.fetchOne(
                db, sql: "SELECT generation FROM partitions WHERE dataset = ? AND key = ?",
                arguments: [dataset.rawValue, key.rawValue]) ?? 0
        let generation = previous + 1
        var hasher = SHA256Hasher()
        var rowCount = 0
        let insertPage = try db.cachedStatement(
            sql: """
                INSERT INTO bronze_pages (dataset, partition_key, generation, page_index, fetch_id, body, sha256, rows)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        // A page's rows go in with one statement: their offsets as a JSON array read by json_each,
        // which is several times faster than one bound INSERT a row.
        let insertRows = try db.cachedStatement(
            sql: """
                INSERT INTO bronze_rows (page_id, dataset, partition_key, generation, row_index, record_id,
                    byte_start, byte_length)
                SELECT ?, ?, ?, ?, CAST(r.key AS INTEGER), json_extract(r.value, '$[2]'),
                    json_extract(r.value, '$[0]'), json_extract(r.value, '$[1]')
                FROM json_each(?) AS r
                """)
        for (index, page) in pages.enumerated() {
            try insertPage.execute(arguments: [
                dataset.rawValue, key.rawValue, generation, index, page.fetchID, Data(page.body), page.sha256,
                page.rows.count,
            ])
            let pageID = db.lastInsertedRowID
            hasher.updateField(page.sha256)
            try insertRows.execute(arguments: [
                pageID, dataset.rawValue, key.rawValue, generation, Self.offsetsJSON(page.rows),
            ])
            rowCount += page.rows.count
        }
        try db.execute(
            sql: """
                INSERT INTO partitions (dataset, key, state, rows, hash, fetched_at, generation)
                VALUES (?, ?, 'complete', ?, ?, ?, ?)
                ON CONFLICT (dataset, key) DO UPDATE SET state = 'complete', rows = excluded.rows,
                    hash = excluded.hash, fetched_at = excluded.fetched_at, generation = excluded.generation
                """,
            arguments: [dataset.rawValue, key.rawValue, rowCount, hasher.hex(), fetchedAt, generation])
        return generation
    }

    /// `[[start,length,"id"],…]`, ids JSON-escaped (null when a row has none). Built as bytes: this runs once per
    /// row of every page, and string interpolation here cost as much as SQLite's parse of the result.
    static func offsetsJSON(_ rows: [(recordID: String?, range: Range<Int>)]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 36 + 2)
        out.append(UInt8(ascii: "["))
        for (index, row) in rows.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            appendDigits(row.range.lowerBound, to: &out)
            out.append(UInt8(ascii: ","))
            appendDigits(row.range.count, to: &out)
            out.append(UInt8(ascii: ","))
            if let id = row.recordID {
                let plain = id.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
                if plain {
                    out.append(0x22)
                    out.append(contentsOf: id.utf8)
                    out.append(0x22)
                } else {
                    out.append(contentsOf: JSONString.quoted(id).utf8)
                }
            } else {
                out.append(contentsOf: "null".utf8)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a non-negative whole number's decimal digits.
    private static func appendDigits(_ value: Int, to out: inout [UInt8]) {
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
