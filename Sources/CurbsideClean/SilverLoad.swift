import CurbsideModel
import CurbsideWarehouse
import Foundation
import GRDB

/// A whole NYC silver written at once: the first clean, or `clean --everything` when it covers every day silver
/// holds. Silver's unique index of summons is dropped first and built once at the end, by sorting. Summons come from
/// many sequences at once, so each row goes somewhere else in that index: in a C program, a million rows from 360
/// sequences took 6.3 s into the table and both indexes, 2.1 s into the table and the partition index and 1.1 s for
/// the sort after (one run of numbers, the one order a B-tree grows for free: 2.2 s against 2.7 s).
///
/// Without the unique index nothing stops a summons from going in twice (a copy of it on another day), and nothing
/// is kept in memory to notice: every day's rows go in whole and the day is marked clean. Building the index then
/// finds any summons silver holds twice; only then are the copies settled (``settleRepeatedSummons(_:)``), in the
/// order they were loaded, as one day after another would have settled them. Nothing per summons is held in memory
/// for copies that are rare (a synthetic 5M-row load has none).
///
/// A load that stops half way loses nothing: it resets every day it will clean, in the transaction that empties
/// silver, so the next clean does the days it did not reach; and whatever clean comes next puts back an index that
/// is missing, settling the copies of the days loaded, before it writes.
enum SilverLoad {
    static let indexes = [
        "silver_nyc_by_summons": "CREATE UNIQUE INDEX silver_nyc_by_summons ON silver_nyc_violations(summons_number)",
        "silver_nyc_by_partition": "CREATE INDEX silver_nyc_by_partition ON silver_nyc_violations(partition_key)",
    ]

    /// Builds silver's indexes when they are missing: after a load, or a load that stopped half way. When the unique
    /// index meets a summons twice, the copies are settled and the index built again.
    ///
    /// The sort runs on a 4 MiB page cache with a thread per core: SQLite's sorter then sorts runs of 4 MiB on the
    /// other threads and merges them, instead of sorting all keys in one list on one thread. The unique index of 1M
    /// summons: 1.08 s → 0.50 s (and 103 → 21 MB); of 5M: 6.1 s → 2.7 s.
    /// Every clean calls it first; with nothing missing it leaves the connection's page cache alone.
    static func restoreIndexes(_ db: Database) throws {
        let present = try Set(
            String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'silver_nyc_violations'"))
        let missing = indexes.filter { !present.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value)
        guard !missing.isEmpty else { return }
        let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
        try db.execute(sql: "PRAGMA cache_size = -4096")
        try db.execute(sql: "PRAGMA threads = \(ProcessInfo.processInfo.activeProcessorCount)")
        defer { try? db.execute(sql: "PRAGMA threads = 0; PRAGMA cache_size = \(cache)") }
        for sql in missing {
            do {
                try db.execute(sql: sql)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                try settleRepeatedSummons(db)
                try db.execute(sql: sql)
            }
        }
    }

    /// Settles every summons silver holds more than once, copy by copy in the order they were written (rowid: day
    /// after day, and a day's rows in their order), as writing them one day at a time does (``SilverWriter``): the
    /// copy from the later fetch (the higher bronze row id) stays; the other leaves silver and its day's totals, and
    /// is recorded as superseded by it.
    static func settleRepeatedSummons(_ db: Database) throws {
        let copies = try Row.fetchAll(
            db,
            sql: """
                SELECT summons_number, \(SilverWriter.copyColumns) FROM silver_nyc_violations
                WHERE summons_number IN (
                    SELECT summons_number FROM silver_nyc_violations GROUP BY summons_number HAVING count(*) > 1)
                ORDER BY summons_number, rowid
                """)
        var holder: Row?
        for copy in copies {
            guard let held = holder, held["summons_number"] as String == copy["summons_number"] as String else {
                holder = copy
                continue
            }
            let heldID: Int64 = held["bronze_row_id"]
            let copyID: Int64 = copy["bronze_row_id"]
            let (loser, winner) = heldID > copyID ? (copy, held) : (held, copy)
            try SilverWriter.giveWay(
                loser, to: winner["bronze_row_id"], in: winner["partition_key"],
                dataset: DatasetID.nycViolations.rawValue, db: db)
            holder = winner
        }
    }

    /// Starts a load when the partitions to clean are every partition silver holds rows of: empties silver, resets
    /// the partitions (so a load cut short is done again), forgets their totals and catalog statistics, and drops
    /// silver's unique index. Otherwise leaves everything as it was.
    /// - Returns: whether the load started.
    static func begin(_ partitions: [PartitionState], db: Database) throws -> Bool {
        guard let dataset = partitions.first?.dataset.rawValue else { return false }
        let keys = partitions.keysJSON
        // The day totals first: a few rows a day, where silver's partition index has a row per violation.
        for table in ["nyc_partition_totals", "silver_nyc_violations"] {
            let others = try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM \(table) WHERE partition_key NOT IN (SELECT value FROM json_each(?)))
                    """, arguments: [keys])
            if others == true { return false }
        }
        try db.execute(
            sql: """
                UPDATE partitions SET cleaned_generation = 0
                WHERE dataset = ? AND key IN (SELECT value FROM json_each(?))
                """, arguments: [dataset, keys])
        try db.execute(sql: "DELETE FROM silver_nyc_violations")
        try db.execute(
            sql: "DELETE FROM nyc_partition_totals WHERE partition_key IN (SELECT value FROM json_each(?))",
            arguments: [keys])
        for partition in partitions {
            try Warehouse.forgetCatalogStatistics(dataset: dataset, partition: partition.key.rawValue, db: db)
        }
        // The partition index stays: days load in order, so its entries only ever go on at its end.
        try db.execute(sql: "DROP INDEX IF EXISTS silver_nyc_by_summons")
        return true
    }
}

extension [PartitionState] {
    /// The partitions' keys as a JSON array, for SQL's `IN (SELECT value FROM json_each(?))`.
    var keysJSON: String { "[" + map { JSONString.quoted($0.key.rawValue) }.joined(separator: ",") + "]" }
}
