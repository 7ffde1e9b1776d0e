import Foundation
import GRDB

extension Warehouse {
    /// Forgets the data catalog's statistics of a partition: every stage that writes the partition's rows (bronze,
    /// silver, quarantine, superseded) calls this in the same transaction.
    public static func forgetCatalogStatistics(dataset: String, partition: String, db: Database) throws {
        for table in ["catalog_partition_statistics", "catalog_partition_hashes"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE dataset = ? AND partition_key = ?")
                .execute(arguments: [dataset, partition])
        }
    }

    /// Forgets the data catalog's statistics of every partition of a dataset in the tables a stage rebuilds whole
    /// (the dataset's rows of other tables, its bronze say, keep theirs).
    public static func forgetCatalogStatistics(dataset: String, tables: [String], db: Database) throws {
        for table in tables {
            for kept in ["catalog_partition_statistics", "catalog_partition_hashes"] {
                try db.execute(
                    sql: "DELETE FROM \(kept) WHERE dataset = ? AND table_name = ?", arguments: [dataset, table])
            }
        }
    }

    /// The stored statistics of a table's partition, when they were counted over the same rows and columns, read by
    /// `decode` where SQLite holds them (a partition's entry holds megabytes of hashes; copied twice on its way out,
    /// each copy into fresh pages, reading them took more of a render's time than merging them).
    public func catalogStatistics<T>(
        table: String, dataset: String, partition: String, rows: String, signature: String,
        _ decode: (UnsafeRawBufferPointer) -> T?
    ) throws -> T? {
        try read { db in
            let found = try Row.fetchCursor(
                db,
                sql: """
                    SELECT statistics FROM catalog_partition_statistics
                    WHERE table_name = ? AND dataset = ? AND partition_key = ? AND rows_sql = ? AND signature = ?
                    """, arguments: [table, dataset, partition, rows, signature])
            guard let row = try found.next() else { return nil }
            return try row.withUnsafeData(atIndex: 0) { data in
                guard let data else { return nil }
                return data.withUnsafeBytes(decode)
            }
        }
    }

    /// Whether a table partition's statistics are kept, without reading them.
    public func hasCatalogStatistics(
        table: String, dataset: String, partition: String, rows: String, signature: String
    ) throws -> Bool {
        try read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM catalog_partition_statistics
                    WHERE table_name = ? AND dataset = ? AND partition_key = ? AND rows_sql = ? AND signature = ?)
                    """, arguments: [table, dataset, partition, rows, signature]) ?? false
        }
    }

    /// Keeps a table partition's statistics for the next build, with the slices of hashes kept apart from them
    /// (`column`, `slice`, the hashes' bytes), in place of the partition's earlier ones.
    public func storeCatalogStatistics(
        _ statistics: [UInt8], slices: [(column: Int, slice: Int, bytes: [UInt8])], table: String, dataset: String,
        partition: String, rows: String, signature: String
    ) throws {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO catalog_partition_statistics VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [table, dataset, partition, rows, signature, Data(statistics)])
            try db.execute(
                sql: "DELETE FROM catalog_partition_hashes WHERE table_name = ? AND dataset = ? AND partition_key = ?",
                arguments: [table, dataset, partition])
            let insert = try db.cachedStatement(
                sql: "INSERT INTO catalog_partition_hashes VALUES (?, ?, ?, ?, ?, ?)")
            for slice in slices {
                try insert.execute(arguments: [table, dataset, partition, slice.column, slice.slice, Data(slice.bytes)])
            }
        }
    }

    /// How many hashes a partition's statistics keep apart for each column (by its place in the entry).
    public func catalogHashesKeptApart(table: String, dataset: String, partition: String) throws -> [Int: Int] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT column_index, sum(length(hashes)) / 8 FROM catalog_partition_hashes
                    WHERE table_name = ? AND dataset = ? AND partition_key = ? GROUP BY column_index
                    """, arguments: [table, dataset, partition])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int, $0[1] as Int) })
        }
    }

    /// One slice of the hashes kept apart from the statistics of each of `parts` (a partition and the column's place
    /// in its entry), each read by `decode` in place, in one read; a part with no hash in the slice gives none.
    public func catalogHashes<T>(
        table: String, parts: [(dataset: String, partition: String, column: Int)], slice: Int,
        _ decode: (UnsafeRawBufferPointer) -> T
    ) throws -> [T] {
        try read { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT hashes FROM catalog_partition_hashes
                    WHERE table_name = ? AND dataset = ? AND partition_key = ? AND column_index = ? AND slice = ?
                    """)
            var decoded: [T] = []
            for part in parts {
                let found = try Row.fetchCursor(
                    statement, arguments: [table, part.dataset, part.partition, part.column, slice])
                guard let row = try found.next() else { continue }
                decoded.append(try row.withUnsafeData(atIndex: 0) { data in (data ?? Data()).withUnsafeBytes(decode) })
            }
            return decoded
        }
    }
}
