import CurbsideModel
import CurbsideWarehouse
import Foundation
import GRDB

/// What cleaning did: rows read from bronze and where each went.
public struct CleanReport: Sendable, Equatable {
    public var partitions = 0
    public var bronzeRows = 0
    public var silverRows = 0
    public var quarantined = 0
    public var superseded = 0
    public var quarantineByRule: [String: Int] = [:]
    public init() {}
}

/// Bronze → silver for NYC, partition by partition, each in one transaction.
///
/// Every bronze row of a partition ends in exactly one of: silver, quarantine (with the rule and
/// value), or superseded (an older fetch of the day, or an earlier copy of the same summons).
public struct NYCCleanStage: Sendable {
    public var warehouse: Warehouse

    public init(warehouse: Warehouse) { self.warehouse = warehouse }

    /// Cleans the partitions whose bronze changed since they were last cleaned, or all with `everything`.
    public func run(everything: Bool = false) throws -> CleanReport {
        var report = CleanReport()
        let dataset = DatasetID.nycViolations
        let partitions = try warehouse.partitions(of: dataset).values
            .filter { $0.state == .complete && (everything || $0.cleanedGeneration != $0.generation) }
            .sorted { $0.key < $1.key }
        for partition in partitions {
            try warehouse.write { db in try clean(partition, db: db, report: &report) }
            report.partitions += 1
        }
        return report
    }

    private func clean(_ partition: PartitionState, db: Database, report: inout CleanReport) throws {
        let dataset = partition.dataset.rawValue
        let key = partition.key.rawValue
        guard let day = Day(iso: key) else { return }
        try db.execute(sql: "DELETE FROM silver_nyc_violations WHERE partition_key = ?", arguments: [key])
        try db.execute(
            sql: "DELETE FROM quarantine WHERE dataset = ? AND partition_key = ?", arguments: [dataset, key])
        try db.execute(
            sql: "DELETE FROM superseded WHERE dataset = ? AND partition_key = ?", arguments: [dataset, key])
        let writer = try SilverWriter(db: db, dataset: dataset, partition: key)
        var latest: [String: (rowID: Int64, violation: NYCViolation)] = [:]
        var order: [String] = []
        var older: [(rowID: Int64, recordID: String?)] = []
        let pages = try Row.fetchAll(
            db,
            sql: """
                SELECT id, generation, body, body_encoding, row_offsets FROM bronze_pages WHERE dataset = ? AND partition_key = ?
                ORDER BY generation, page_index
                """,
            arguments: [dataset, key])
        for page in pages {
            let current = (page["generation"] as Int) == partition.generation
            let (body, rows) = try BronzePageRows.read(page)
            for row in rows {
                report.bronzeRows += 1
                let rowID = row.id
                guard current else {
                    older.append((rowID, row.recordID))
                    continue
                }
                let slice = body[row.range]
                let fields: [String: JSONField]
                do {
                    fields = try FlatJSON.dictionary(of: slice)
                } catch {
                    try writer.quarantine(
                        rowID, recordID: row.recordID,
                        reason: .init(
                            rule: QuarantineReason.notAnObject, column: nil,
                            value: String(decoding: slice.prefix(200), as: UTF8.self)))
                    report.count(quarantine: QuarantineReason.notAnObject)
                    continue
                }
                switch NYCCleaner.clean(fields, partitionDay: day) {
                case .failure(let reason):
                    try writer.quarantine(rowID, recordID: fields["summons_number"]?.text, reason: reason)
                    report.count(quarantine: reason.rule)
                case .success(let violation):
                    if let earlier = latest[violation.summonsNumber] {
                        try writer.supersede(earlier.rowID, by: rowID, reason: "a later copy of the same summons")
                        report.superseded += 1
                    } else {
                        order.append(violation.summonsNumber)
                    }
                    latest[violation.summonsNumber] = (rowID, violation)
                }
            }
        }
        for (rowID, recordID) in older {
            let by = recordID.flatMap { latest[$0]?.rowID }
            try writer.supersede(
                rowID, by: by,
                reason: by == nil
                    ? "the day was fetched again and this summons was not in it" : "the day was fetched again")
            report.superseded += 1
        }
        for summons in order {
            let (rowID, violation) = latest[summons]!
            switch try writer.insert(violation, bronzeRowID: rowID) {
            case .inserted: report.silverRows += 1
            case .replaced: report.silverRows += 1
            case .kept: report.superseded += 1
            }
        }
        try db.execute(
            sql: "UPDATE partitions SET cleaned_generation = generation WHERE dataset = ? AND key = ?",
            arguments: [dataset, key])
    }
}

extension CleanReport {
    mutating func count(quarantine rule: String) {
        quarantined += 1
        quarantineByRule[rule, default: 0] += 1
    }
}
