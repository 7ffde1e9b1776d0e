import CurbsideModel
import CurbsideWarehouse
import Foundation
import GRDB

/// What cleaning did: rows read from bronze and where each went. Silver and superseded are counted when the clean
/// ends, so a copy that went into silver and was replaced by a later one in the same clean counts once, as
/// superseded: the three always add up to the bronze rows.
public struct CleanReport: Sendable, Equatable {
    public var partitions = 0
    public var bronzeRows = 0
    /// The cleaned partitions' rows in silver.
    public var silverRows = 0
    public var quarantined = 0
    /// The cleaned partitions' rows superseded: older fetches of the day and earlier copies of a summons.
    public var superseded = 0
    public var quarantineByRule: [String: Int] = [:]
    /// Whether NYC silver was loaded whole (``SilverLoad``): its unique index of summons dropped and built after.
    public var loadedWhole = false
    public init() {}
}

/// Bronze → silver for NYC, partition by partition, each in one transaction.
///
/// Every bronze row of a partition ends in exactly one of: silver, quarantine (with the rule and
/// value), or superseded (an older fetch of the day, or an earlier copy of the same summons).
///
/// Two partitions are in hand at a time: while one is written, the next is decompressed, parsed and cleaned on
/// another thread (cleaning a day needs only its own pages; only writing meets the other days' rows).
public struct NYCCleanStage: Sendable {
    public var warehouse: Warehouse
    /// The longest text value a row may hold (``RowScreen``).
    public var maxTextBytes: Int

    public init(warehouse: Warehouse, maxTextBytes: Int = RowScreen.defaultMaxTextBytes) {
        self.warehouse = warehouse
        self.maxTextBytes = maxTextBytes
    }

    /// Cleans the partitions whose bronze changed since they were last cleaned, or all with `everything`. When they
    /// are every day silver holds (the first clean), silver is loaded whole with its unique index of summons built
    /// after (``SilverLoad``).
    public func run(everything: Bool = false) throws -> CleanReport {
        var report = CleanReport()
        let partitions = try warehouse.partitions(of: .nycViolations).values
            .filter { $0.state == .complete && (everything || $0.cleanedGeneration != $0.generation) }
            .sorted { $0.key < $1.key }
            .filter { Day(iso: $0.key.rawValue) != nil }
        let loading = try warehouse.write { db in
            try SilverLoad.restoreIndexes(db)
            return try SilverLoad.begin(partitions, db: db)
        }
        do {
            try Heap.keepingFreedBuffers { try clean(partitions, report: &report, loading: loading) }
            if loading {
                try warehouse.write { db in try SilverLoad.restoreIndexes(db) }
                report.loadedWhole = true
            }
            try warehouse.read { db in try report.countOutcomes(of: partitions, db: db) }
        } catch {
            if loading { try? warehouse.write { db in try SilverLoad.restoreIndexes(db) } }
            throw error
        }
        return report
    }

    /// Cleans each partition on another thread while the one before is written.
    private func clean(_ partitions: [PartitionState], report: inout CleanReport, loading: Bool) throws {
        // Bronze is read on a connection of its own, so the next day's pages come in while this one is written
        // (bronze does not change during a clean; an in-memory warehouse has only the one connection).
        let bronze = warehouse.path == ":memory:" ? warehouse : try Warehouse(path: warehouse.path, pageCacheMiB: 8)
        var next = partitions.first.map { cleanInBackground($0, from: bronze) }
        for (index, partition) in partitions.enumerated() {
            guard let cleaning = next else { break }
            let cleaned = try cleaning.wait()
            next = index + 1 < partitions.count ? cleanInBackground(partitions[index + 1], from: bronze) : nil
            try warehouse.write { db in
                try store(cleaned, partition: partition, db: db, report: &report, loading: loading)
            }
            report.partitions += 1
        }
    }

    /// Reads the partition's pages and cleans them, on another thread.
    private func cleanInBackground(
        _ partition: PartitionState, from bronze: Warehouse
    ) -> Background<CleanedNYCPartition> {
        Background {
            let pages = try bronze.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, generation, body, body_encoding, row_offsets FROM bronze_pages
                        WHERE dataset = ? AND partition_key = ? ORDER BY generation, page_index
                        """,
                    arguments: [partition.dataset.rawValue, partition.key.rawValue]
                ).map(StoredBronzePage.init)
            }
            return try CleanedNYCPartition(pages: pages, partition: partition, maxTextBytes: maxTextBytes)
        }
    }

    private func store(
        _ cleaned: CleanedNYCPartition, partition: PartitionState, db: Database, report: inout CleanReport,
        loading: Bool
    ) throws {
        let dataset = partition.dataset.rawValue
        let key = partition.key.rawValue
        if !loading {
            try db.execute(sql: "DELETE FROM silver_nyc_violations WHERE partition_key = ?", arguments: [key])
        }
        try db.execute(
            sql: "DELETE FROM quarantine WHERE dataset = ? AND partition_key = ?", arguments: [dataset, key])
        try db.execute(
            sql: "DELETE FROM superseded WHERE dataset = ? AND partition_key = ?", arguments: [dataset, key])
        try Warehouse.forgetCatalogStatistics(dataset: dataset, partition: key, db: db)
        let writer = try SilverWriter(db: db, dataset: dataset, partition: key, loading: loading)
        report.bronzeRows += cleaned.bronzeRows
        for (rowID, recordID, reason) in cleaned.quarantined {
            try writer.quarantine(rowID, recordID: recordID, reason: reason)
            report.count(quarantine: reason.rule)
        }
        for (rowID, by, reason) in cleaned.superseded { try writer.supersede(rowID, by: by, reason: reason) }
        // The totals of every row cleaned, less those that do not go into silver after all.
        var totals = cleaned.totals
        // During a load every row goes in: copies of a summons another day holds are settled when the unique index
        // is built (``SilverLoad/restoreIndexes(_:)``), their totals taken out then.
        if loading {
            try writer.load(cleaned.silver)
            try totals.store(partition: key, db: db)
            try Self.markCleaned(partition, db: db)
            return
        }
        for k in try writer.insert(cleaned.silver) { totals.add(cleaned.silver, k, sign: -1) }
        try totals.store(partition: key, db: db)
        try Self.markCleaned(partition, db: db)
    }

    private static func markCleaned(_ partition: PartitionState, db: Database) throws {
        try db.execute(
            sql: "UPDATE partitions SET cleaned_generation = generation WHERE dataset = ? AND key = ?",
            arguments: [partition.dataset.rawValue, partition.key.rawValue])
    }
}

/// One NYC partition cleaned in memory from its bronze pages alone: each row's outcome, ready to be written.
struct CleanedNYCPartition: Sendable {
    var bronzeRows = 0
    /// Rows that break a rule, in the order they arrived.
    var quarantined: [(rowID: Int64, recordID: String?, reason: QuarantineReason)] = []
    /// Earlier copies of a summons in the day, then every row of an older fetch of the day.
    var superseded: [(rowID: Int64, by: Int64?, reason: String)] = []
    /// The last copy of each summons, in the order summons first appeared.
    var silver: SilverRows
    /// The day's totals of all of ``silver``, counted here rather than on the writing thread.
    var totals = NYCPartitionTotals()

    /// - Parameter pages: the partition's pages in generation and page order.
    init(pages: [StoredBronzePage], partition: PartitionState, maxTextBytes: Int) throws {
        let day = Day(iso: partition.key.rawValue)
        // Room for the fetch's rows at once: each time an array of megabytes doubles, it is copied into new memory.
        silver = SilverRows(day: day ?? Day(ordinal: 0), capacity: day == nil ? 0 : partition.rows)
        guard day != nil else { return }
        var latest: [String: Int] = [:]
        latest.reserveCapacity(partition.rows)
        var older: [(rowID: Int64, recordID: String?)] = []
        var spans: [JSONSpan] = []
        for page in pages {
            let current = page.generation == partition.generation
            let (body, rows) = try BronzePageRows.read(page)
            body.withUnsafeBufferPointer { body in
                for row in rows {
                    bronzeRows += 1
                    guard current else {
                        older.append((row.id, row.recordID))
                        continue
                    }
                    let bytes = UnsafeBufferPointer(rebasing: body[row.range])
                    if let reason = RowScreen.problem(in: bytes, maxTextBytes: maxTextBytes) {
                        quarantined.append((row.id, row.recordID, reason))
                        continue
                    }
                    do {
                        try FlatJSON.locate(NYCCleaner.keys, in: bytes, into: &spans)
                    } catch {
                        let reason = QuarantineReason(
                            rule: QuarantineReason.notAnObject, column: nil,
                            value: String(decoding: bytes.prefix(200), as: UTF8.self))
                        quarantined.append((row.id, row.recordID, reason))
                        continue
                    }
                    if let reason = NYCCleaner.clean(spans, in: bytes, bronzeRowID: row.id, into: &silver) {
                        let summons = FlatJSON.field(spans[NYCCleaner.Column.summonsNumber.rawValue], in: bytes)
                        quarantined.append((row.id, summons?.text, reason))
                        continue
                    }
                    let summons = silver.string(silver[silver.count - 1].summons) ?? ""
                    if let earlier = latest[summons] {
                        superseded.append((silver[earlier].bronzeRowID, row.id, "a later copy of the same summons"))
                        silver.replaceWithLast(earlier)
                    } else {
                        latest[summons] = silver.count - 1
                    }
                }
            }
        }
        for (rowID, recordID) in older {
            let by = recordID.flatMap { latest[$0] }.map { silver[$0].bronzeRowID }
            superseded.append(
                (
                    rowID, by,
                    by == nil
                        ? "the day was fetched again and this summons was not in it" : "the day was fetched again"
                ))
        }
        for k in 0..<silver.count { totals.add(silver, k) }
    }
}

extension CleanReport {
    mutating func count(quarantine rule: String) {
        quarantined += 1
        quarantineByRule[rule, default: 0] += 1
    }

    /// Counts where the partitions' rows are now: silver (their days' totals, which cleaning keeps as it writes
    /// silver) and superseded.
    mutating func countOutcomes(of partitions: [PartitionState], db: Database) throws {
        guard let dataset = partitions.first?.dataset.rawValue else { return }
        let keys = partitions.keysJSON
        silverRows =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT coalesce(sum(violations), 0) FROM nyc_partition_totals
                    WHERE kind = 'day' AND partition_key IN (SELECT value FROM json_each(?))
                    """, arguments: [keys]) ?? 0
        superseded =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM superseded
                    WHERE dataset = ? AND partition_key IN (SELECT value FROM json_each(?))
                    """, arguments: [dataset, keys]) ?? 0
    }
}
