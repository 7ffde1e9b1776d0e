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
/// Without the unique index nothing stops a summons from going in twice, so the load remembers a 32-bit fingerprint
/// of every summons it writes, and sets aside each row whose fingerprint it has seen (a later copy of a summons from
/// another day, or, about once in 4 billion per row already loaded, a different summons with the same fingerprint).
/// Once the indexes are back, the rows set aside are written the usual way, which settles which copy stays.
///
/// A load that stops half way loses nothing: it resets every day it will clean, in the transaction that empties
/// silver, so the next clean does them again; a day with rows set aside is marked clean only after they are written;
/// and the next clean puts back indexes that are missing before it writes.
struct SilverLoad {
    static let indexes = [
        "silver_nyc_by_summons": "CREATE UNIQUE INDEX silver_nyc_by_summons ON silver_nyc_violations(summons_number)",
        "silver_nyc_by_partition": "CREATE INDEX silver_nyc_by_partition ON silver_nyc_violations(partition_key)",
    ]

    private var seen: FingerprintSet
    /// Rows an earlier row's fingerprint kept out, by partition in the order they were loaded.
    private(set) var setAside: [(partition: PartitionState, rows: SilverRows)] = []

    private init(rows: Int) { seen = FingerprintSet(expected: rows) }

    /// Builds silver's indexes when they are missing: after a load, or a load that stopped half way.
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
        for sql in missing { try db.execute(sql: sql) }
    }

    /// Starts a load when the partitions to clean are every partition silver holds rows of: empties silver, resets
    /// the partitions (so a load cut short is done again), forgets their totals and catalog statistics, and drops
    /// silver's indexes. Otherwise leaves everything as it was and returns nil.
    static func begin(_ partitions: [PartitionState], db: Database) throws -> SilverLoad? {
        guard let dataset = partitions.first?.dataset.rawValue else { return nil }
        let keys = partitions.keysJSON
        // The day totals first: a few rows a day, where silver's partition index has a row per violation.
        for table in ["nyc_partition_totals", "silver_nyc_violations"] {
            let others = try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM \(table) WHERE partition_key NOT IN (SELECT value FROM json_each(?)))
                    """, arguments: [keys])
            if others == true { return nil }
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
        return SilverLoad(rows: partitions.reduce(0) { $0 + $1.rows })
    }

    /// The positions in `rows` of those to set aside, remembering the others' summons.
    mutating func setAside(_ rows: SilverRows, partition: PartitionState) -> [Int] {
        var positions: [Int] = []
        rows.texts.withUnsafeBufferPointer { texts in
            for k in 0..<rows.count where !seen.insert(Self.fingerprint(rows.slice(rows[k].summons, of: texts))) {
                positions.append(k)
            }
        }
        if !positions.isEmpty { setAside.append((partition, rows.subset(positions))) }
        return positions
    }

    /// FNV-1a of the summons' bytes, folded to 32 bits: the same in every run, so a load is repeatable.
    static func fingerprint(_ summons: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in summons {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }
}

/// 32-bit fingerprints in a table of their own (open addressing, linear probing, at most three quarters full): a `Set`
/// hashed each one again through SipHash, 2% of a million-row clean. 4 bytes a slot: 32 MB for 5M rows.
struct FingerprintSet {
    private var slots: [UInt32]
    private var count = 0

    init(expected: Int) {
        var size = 1_024
        while size * 3 < expected * 4 { size *= 2 }
        slots = [UInt32](repeating: 0, count: size)
    }

    /// Adds `fingerprint`. 0 marks an empty slot, so 0 is kept as 1: the two are one fingerprint.
    /// - Returns: whether it was new.
    mutating func insert(_ fingerprint: UInt32) -> Bool {
        if count * 4 >= slots.count * 3 { grow() }
        let value = max(fingerprint, 1)
        let mask = slots.count - 1
        var slot = Int(value) & mask
        while slots[slot] != 0 {
            if slots[slot] == value { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = value
        count += 1
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt32](repeating: 0, count: old.count * 2)
        count = 0
        for value in old where value != 0 { _ = insert(value) }
    }
}

extension [PartitionState] {
    /// The partitions' keys as a JSON array, for SQL's `IN (SELECT value FROM json_each(?))`.
    var keysJSON: String { "[" + map { JSONString.quoted($0.key.rawValue) }.joined(separator: ",") + "]" }
}
