import Foundation
import GRDB

extension Warehouse {
    /// Forgets the data catalog's statistics of a partition: every stage that writes the partition's rows (bronze,
    /// silver, quarantine, superseded) calls this in the same transaction.
    public static func forgetCatalogStatistics(dataset: String, partition: String, db: Database) throws {
        try db.execute(
            sql: "DELETE FROM catalog_partition_statistics WHERE dataset = ? AND partition_key = ?",
            arguments: [dataset, partition])
    }

    /// Forgets the data catalog's statistics of every partition of a dataset in the tables a stage rebuilds whole
    /// (the dataset's rows of other tables, its bronze say, keep theirs).
    public static func forgetCatalogStatistics(dataset: String, tables: [String], db: Database) throws {
        for table in tables {
            try db.execute(
                sql: "DELETE FROM catalog_partition_statistics WHERE dataset = ? AND table_name = ?",
                arguments: [dataset, table])
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

    /// Keeps a table partition's statistics for the next build.
    public func storeCatalogStatistics(
        _ statistics: [UInt8], table: String, dataset: String, partition: String, rows: String, signature: String
    ) throws {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO catalog_partition_statistics VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [table, dataset, partition, rows, signature, Data(statistics)])
        }
    }
}
