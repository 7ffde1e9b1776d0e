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
        try write { db in
            try Self.store(dataset: dataset, key: key, pages: pages, fetchedAt: fetchedAt, path: path, db: db)
        }
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
        let path = path
        return try await writeSuspending { db in
            try Self.store(dataset: dataset, key: key, pages: pages, fetchedAt: fetchedAt, path: path, db: db)
        }
    }

    /// Stores several partitions (a crash page's crashes, vehicles and people) in one transaction.
    public func commitPartitions(
        _ parts: [(dataset: DatasetID, key: PartitionKey, pages: [BronzePage])], fetchedAt: Double,
        state: DatasetState? = nil
    ) throws {
        let path = path
        try write { db in
            for part in parts {
                _ = try Self.store(
                    dataset: part.dataset, key: part.key, pages: part.pages, fetchedAt: fetchedAt, path: path, db: db)
            }
            if let state { try Self.save(state, db: db) }
        }
    }

    static func store(
        dataset: DatasetID, key: PartitionKey, pages: [BronzePage], fetchedAt: Double, path: String, db: Database
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
                INSERT INTO bronze_pages (dataset, partition_key, generation, page_index, fetch_id, body, sha256, rows,
                    row_offsets, body_encoding)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (index, page) in pages.enumerated() {
            guard page.rows.count < BronzeRowOffsets.rowsPerPage else {
                throw WarehouseError(
                    path: path,
                    reason: .query(
                        sql: "INSERT INTO bronze_pages",
                        message:
                            "\(dataset.rawValue) partition \(key.rawValue) page \(index) has \(page.rows.count) rows; a page holds fewer than \(BronzeRowOffsets.rowsPerPage) (set ingest.page_size to 50,000 or less)"
                    ))
            }
            try insertPage.execute(arguments: [
                dataset.rawValue, key.rawValue, generation, index, page.fetchID, Data(page.storedBody),
                page.sha256, page.rows.count, BronzeRowOffsets.encode(page.rows), PageBody.zstd,
            ])
            hasher.updateField(page.sha256)
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
        try forgetCatalogStatistics(dataset: dataset.rawValue, partition: key.rawValue, db: db)
        return generation
    }
}
