import CurbsideModel
import CurbsideWarehouse
import Foundation
import GRDB

/// What the Chicago clean did with each bronze row.
public struct ChicagoCleanReport: Sendable, Equatable {
    /// False when no Chicago partition changed since the last clean (nothing was rebuilt).
    public var rebuilt = false
    public var bronzeRows: [DatasetID: Int] = [:]
    public var silverRows: [DatasetID: Int] = [:]
    public var quarantined: [DatasetID: Int] = [:]
    public var superseded: [DatasetID: Int] = [:]
    public var quarantineByRule: [String: Int] = [:]
    public var imputed = 0
    public init() {}
}

/// Bronze → silver for Chicago: crashes, vehicles and people, rebuilt as a whole in one transaction
/// whenever any of their partitions changed (a crash may be fetched again by a later increment, so the
/// latest copy of each id is chosen across partitions).
///
/// Every bronze row ends in exactly one of: silver, quarantine (with the rule and value), or superseded
/// (an older fetch of its partition, or an earlier copy of the same id).
///
/// The rows stream through: one bronze page is in memory at a time, and the latest copy of each id is kept
/// in silver, not in memory (a later copy overwrites its row in place, so silver keeps the order ids were
/// first fetched in). Crashes go first; then vehicles and people, each of which joins silver when its crash
/// is there or waits in memory as an orphan until the end, then goes to quarantine (orphans are bad rows, few).
/// The crashes' rollups are counted from silver's vehicles and people in one pass sorted by crash, and missing
/// coordinates take the window's median last. Peak memory does not grow with the rows (see docs/performance.md).
public struct ChicagoCleanStage: Sendable {
    public var warehouse: Warehouse
    /// A crash dated after as-of is in the future.
    public var asOf: Day
    /// The ingest window: the median that fills missing coordinates is taken over its crashes.
    public var window: Range<Day>
    /// The longest text value a row may hold (``RowScreen``).
    public var maxTextBytes = RowScreen.defaultMaxTextBytes

    static let datasets: [DatasetID] = [.chicagoCrashes, .chicagoVehicles, .chicagoPeople]

    public init(
        warehouse: Warehouse, asOf: Day, window: Range<Day>, maxTextBytes: Int = RowScreen.defaultMaxTextBytes
    ) {
        self.warehouse = warehouse
        self.asOf = asOf
        self.window = window
        self.maxTextBytes = maxTextBytes
    }

    public func run(everything: Bool = false) throws -> ChicagoCleanReport {
        var changed = everything
        for dataset in Self.datasets {
            changed =
                try changed
                || warehouse.partitions(of: dataset).values.contains {
                    $0.state == .complete && $0.cleanedGeneration != $0.generation
                }
        }
        guard changed else { return ChicagoCleanReport() }
        return try warehouse.write { db in try rebuild(db) }
    }

    private func rebuild(_ db: Database) throws -> ChicagoCleanReport {
        var report = ChicagoCleanReport()
        report.rebuilt = true
        for table in ["silver_chicago_crashes", "silver_chicago_vehicles", "silver_chicago_people"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        for dataset in Self.datasets {
            try db.execute(sql: "DELETE FROM quarantine WHERE dataset = ?", arguments: [dataset.rawValue])
            try db.execute(sql: "DELETE FROM superseded WHERE dataset = ?", arguments: [dataset.rawValue])
            // Bronze is not rewritten: its partitions keep their statistics (silver's are counted whole at render).
            try Warehouse.forgetCatalogStatistics(
                dataset: dataset.rawValue, tables: ["quarantine", "superseded"], db: db)
        }
        let asOf = self.asOf
        let writer = try CrashWriter(db: db)
        let kept = try LatestCopies.lookup(in: "silver_chicago_crashes", idColumn: "crash_record_id", db: db)
        try LatestCopies(dataset: .chicagoCrashes, kept: kept)
            .read(db: db, report: &report, maxTextBytes: maxTextBytes) { json in
                ChicagoCleaner.clean(try SelectedRow(json: json, names: ChicagoCleaner.columns), asOf: asOf)
                    .map { ($0.id, $0) }
            } keep: { _, crash, copy in
                try writer.insert(crash, rowID: copy.rowID, partition: copy.partition)
            }
        let vehicles = try UnitWriter(
            dataset: .chicagoVehicles, silver: "silver_chicago_vehicles", idColumn: "crash_unit_id",
            columns: ["unit_type", "vehicle_type", "maneuver"], db: db)
        try vehicles.read(db: db, report: &report, maxTextBytes: maxTextBytes) { json in
            guard let v = ChicagoVehicle(try SelectedRow(json: json, names: ChicagoVehicle.columns)) else {
                return .failure(.init(rule: ChicagoRule.missingUnitID, column: "crash_unit_id", value: nil))
            }
            return .success(
                (v.unitID, UnitWriter.Values(crashID: v.crashID, a: v.unitType, b: v.vehicleType, c: .text(v.maneuver)))
            )
        }
        let people = try UnitWriter(
            dataset: .chicagoPeople, silver: "silver_chicago_people", idColumn: "person_id",
            columns: ["person_type", "injury_classification", "age"], db: db)
        try people.read(db: db, report: &report, maxTextBytes: maxTextBytes) { json in
            guard let p = ChicagoPerson(try SelectedRow(json: json, names: ChicagoPerson.columns)) else {
                return .failure(.init(rule: ChicagoRule.missingPersonID, column: "person_id", value: nil))
            }
            return .success(
                (
                    p.personID,
                    UnitWriter.Values(
                        crashID: p.crashID, a: p.personType, b: p.injuryClassification, c: .integer(p.age))
                ))
        }
        try vehicles.quarantineOrphans(db: db, report: &report)
        try people.quarantineOrphans(db: db, report: &report)
        try rollUp(db, writer)
        try impute(db, writer, report: &report)
        for (dataset, table) in [
            (DatasetID.chicagoCrashes, "silver_chicago_crashes"), (.chicagoVehicles, "silver_chicago_vehicles"),
            (.chicagoPeople, "silver_chicago_people"),
        ] {
            report.silverRows[dataset] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            try db.execute(
                sql: "UPDATE partitions SET cleaned_generation = generation WHERE dataset = ?",
                arguments: [dataset.rawValue])
        }
        return report
    }

    /// Each crash's vehicles and people, counted from silver in one pass sorted by the crash's rowid, so the
    /// crashes are updated in the order they are stored (in the order of their ids each update lands on another
    /// page: 200,000 crashes took 12 s instead of 6). Crashes without any keep the empty rollup they were inserted
    /// with.
    private func rollUp(_ db: Database, _ writer: CrashWriter) throws {
        let units = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.rowid, 0 AS person, v.unit_type AS type, NULL AS injury, NULL AS age
                FROM silver_chicago_vehicles v JOIN silver_chicago_crashes c USING (crash_record_id)
                UNION ALL
                SELECT c.rowid, 1, p.person_type, p.injury_classification, p.age
                FROM silver_chicago_people p JOIN silver_chicago_crashes c USING (crash_record_id)
                ORDER BY 1
                """)
        var crash: Int64?
        var rollup = CrashUnits()
        while let row = try units.next() {
            let id: Int64 = row[0]
            if id != crash {
                if let crash { try writer.setUnits(rollup, crash: crash) }
                crash = id
                rollup = CrashUnits()
            }
            if row[1] as Bool {
                rollup.add(personType: row[2], injury: row[3], age: row[4])
            } else {
                rollup.add(unitType: row[2])
            }
        }
        if let crash { try writer.setUnits(rollup, crash: crash) }
    }

    /// Crashes without valid coordinates take the median latitude and longitude of the window's crashes that
    /// have them (the middle one or two values, read in order from silver).
    private func impute(_ db: Database, _ writer: CrashWriter, report: inout ChicagoCleanReport) throws {
        report.imputed = try Int.fetchOne(db, sql: "SELECT count(*) FROM silver_chicago_crashes WHERE imputed = 1") ?? 0
        guard report.imputed > 0 else { return }
        let bounds: StatementArguments = [window.lowerBound.iso, window.upperBound.iso]
        let valid = "FROM silver_chicago_crashes WHERE imputed = 0 AND crash_day >= ? AND crash_day < ?"
        let count = try Int.fetchOne(db, sql: "SELECT count(*) \(valid)", arguments: bounds) ?? 0
        func median(_ column: String) throws -> Coordinate? {
            guard count > 0 else { return nil }
            let middle = try Double.fetchAll(
                db, sql: "SELECT \(column) \(valid) ORDER BY \(column) LIMIT ? OFFSET ?",
                arguments: bounds + [2 - count % 2, (count - 1) / 2])
            // Silver's REAL is units / 10¹² of a whole number of units below 2⁵³: reading it back rounds to
            // exactly those units (the error is far below one unit).
            return Coordinate.median(middle.map(Coordinate.init(degrees:)))
        }
        try writer.impute(latitude: try median("latitude"), longitude: try median("longitude"))
    }
}

/// The latest copy of one dataset's ids, read from bronze in fetch order: a later copy of an id supersedes the
/// one kept, rows of a partition's older fetches are superseded by the copy kept of their id (or by nothing), and
/// rows that break a rule go to quarantine. One page is in memory at a time.
struct LatestCopies {
    /// Where a kept copy came from.
    struct Copy {
        var rowID: Int64
        var partition: String
    }

    var dataset: DatasetID
    /// The copy kept of an id so far.
    var kept: (String) throws -> Copy?

    /// The copy of an id kept in `table` (keyed by `idColumn`, with `bronze_row_id` and `partition_key`).
    static func lookup(in table: String, idColumn: String, db: Database) throws -> (String) throws -> Copy? {
        let kept = try KeyLookup(db, sql: "SELECT bronze_row_id, partition_key FROM \(table) WHERE \(idColumn) = ?")
        return { id in try kept(id).map { Copy(rowID: $0.integer, partition: $0.text) } }
    }

    /// Reads the dataset's current pages, cleaning each row (`clean` reads its JSON text, and throws when it is not
    /// an object); `keep` stores a copy in place of the one kept of its id (recorded as superseded by then). Then
    /// supersedes the rows of older fetches.
    func read<T>(
        db: Database, report: inout ChicagoCleanReport, maxTextBytes: Int,
        clean: (ArraySlice<UInt8>) throws -> Result<(String, T), QuarantineReason>,
        keep: (String, T, Copy) throws -> Void
    ) throws {
        let name = dataset.rawValue
        let pages = try Row.fetchCursor(
            db,
            sql: """
                SELECT p.id, p.partition_key, p.body, p.body_encoding, p.row_offsets
                FROM bronze_pages p JOIN partitions s ON s.dataset = p.dataset AND s.key = p.partition_key
                WHERE p.dataset = ? AND p.generation = s.generation ORDER BY p.id
                """, arguments: [name])
        while let page = try pages.next() {
            let partition: String = page["partition_key"]
            let (body, rows) = try BronzePageRows.read(page)
            for row in rows {
                report.bronzeRows[dataset, default: 0] += 1
                let slice = body[row.range]
                let outcome: Result<(String, T), QuarantineReason>
                do {
                    let screened = slice.withUnsafeBufferPointer {
                        RowScreen.problem(in: $0, maxTextBytes: maxTextBytes)
                    }
                    outcome = try screened.map { .failure($0) } ?? clean(slice)
                } catch {
                    outcome = .failure(
                        .init(
                            rule: QuarantineReason.notAnObject, column: nil,
                            value: String(decoding: slice.prefix(200), as: UTF8.self)))
                }
                switch outcome {
                case .failure(let reason):
                    try Outcomes.quarantine(
                        db, dataset: name, partition: partition, rowID: row.id, recordID: row.recordID, reason: reason)
                    report.quarantined[dataset, default: 0] += 1
                    report.quarantineByRule[reason.rule, default: 0] += 1
                case .success(let (id, value)):
                    if let earlier = try kept(id) {
                        try Outcomes.supersede(
                            db, dataset: name, partition: earlier.partition, rowID: earlier.rowID, by: row.id,
                            reason: "a later copy of the same id in \(partition)")
                        report.superseded[dataset, default: 0] += 1
                    }
                    try keep(id, value, Copy(rowID: row.id, partition: partition))
                }
            }
        }
        try supersedeOlderFetches(db: db, report: &report)
    }

    /// The rows of pages from a partition's earlier fetches: only their offsets are read, not their bodies.
    private func supersedeOlderFetches(db: Database, report: inout ChicagoCleanReport) throws {
        let name = dataset.rawValue
        let pages = try Row.fetchCursor(
            db,
            sql: """
                SELECT p.id, p.partition_key, p.row_offsets
                FROM bronze_pages p JOIN partitions s ON s.dataset = p.dataset AND s.key = p.partition_key
                WHERE p.dataset = ? AND p.generation != s.generation ORDER BY p.id
                """, arguments: [name])
        while let page = try pages.next() {
            let partition: String = page["partition_key"]
            let rows: [BronzeRowOffsets.Row]
            do {
                rows = try BronzeRowOffsets.decode(page["row_offsets"], page: page["id"])
            } catch {
                throw BronzePageError(page: page["id"], detail: "\(error)")
            }
            for row in rows {
                report.bronzeRows[dataset, default: 0] += 1
                let by = try row.recordID.flatMap { try kept($0)?.rowID }
                try Outcomes.supersede(
                    db, dataset: name, partition: partition, rowID: row.id, by: by,
                    reason: by == nil
                        ? "the partition was fetched again and this id was not in it"
                        : "the partition was fetched again")
                report.superseded[dataset, default: 0] += 1
            }
        }
    }
}

/// Vehicles or people into silver as they are read (every crash is in silver by then): the latest copy of an
/// id is in silver when its crash is, or waits in memory as an orphan (its crash missing, or not in silver) until
/// every copy has been read, then goes to quarantine, orphans in the order they appeared. (An id whose copies go
/// from silver to orphan and back is written again at silver's end rather than in its first place.)
final class UnitWriter {
    /// A row's crash and its three own columns, in `columns` order.
    struct Values {
        var crashID: String?
        var a: String?
        var b: String?
        var c: Either

        /// The third column: a text (a vehicle's maneuver) or a whole number (a person's age).
        enum Either {
            case text(String?)
            case integer(Int?)
        }
    }

    private struct Orphan {
        var copy: LatestCopies.Copy
        var crashID: String?
        var order: Int
    }

    let dataset: DatasetID
    private let upsert: PositionalStatement
    private let delete: Statement
    private let kept: (String) throws -> LatestCopies.Copy?
    private let crash: KeyLookup
    private var values: BoundRows
    private var orphans: [String: Orphan] = [:]
    private var orphansSeen = 0

    init(dataset: DatasetID, silver: String, idColumn: String, columns: [String], db: Database) throws {
        self.dataset = dataset
        let all = [idColumn, "bronze_row_id", "partition_key", "crash_record_id"] + columns
        upsert = try PositionalStatement(db, upsertInto: silver, columns: all)
        delete = try db.makeStatement(sql: "DELETE FROM \(silver) WHERE \(idColumn) = ?")
        kept = try LatestCopies.lookup(in: silver, idColumn: idColumn, db: db)
        crash = try KeyLookup(
            db, sql: "SELECT rowid, '' FROM silver_chicago_crashes WHERE crash_record_id = ?")
        values = BoundRows(width: all.count)
    }

    /// Reads the dataset's bronze into silver; the orphans wait for ``quarantineOrphans(db:report:)``.
    func read(
        db: Database, report: inout ChicagoCleanReport, maxTextBytes: Int,
        clean: (ArraySlice<UInt8>) throws -> Result<(String, Values), QuarantineReason>
    ) throws {
        try LatestCopies(dataset: dataset) { [self] id in
            try orphans[id]?.copy ?? kept(id)
        }.read(db: db, report: &report, maxTextBytes: maxTextBytes, clean: clean) { [self] id, row, copy in
            try keep(id, row, copy)
        }
    }

    private func keep(_ id: String, _ row: Values, _ copy: LatestCopies.Copy) throws {
        guard let crashID = row.crashID, try crash(crashID) != nil else {
            if let earlier = orphans[id] {
                orphans[id] = Orphan(copy: copy, crashID: row.crashID, order: earlier.order)
            } else {
                try delete.execute(arguments: [id])
                orphans[id] = Orphan(copy: copy, crashID: row.crashID, order: orphansSeen)
                orphansSeen += 1
            }
            return
        }
        orphans[id] = nil
        values.removeAll()
        values.append(id)
        values.append(copy.rowID)
        values.append(copy.partition)
        values.append(crashID)
        values.append(row.a)
        values.append(row.b)
        switch row.c {
        case .text(let text): values.append(text)
        case .integer(let number): values.append(number)
        }
        try upsert.run(values, first: 0, count: 1)
    }

    /// Quarantines the orphans: the latest copies whose crash is missing or not in silver.
    func quarantineOrphans(db: Database, report: inout ChicagoCleanReport) throws {
        for (id, orphan) in orphans.sorted(by: { $0.value.order < $1.value.order }) {
            let reason: QuarantineReason =
                orphan.crashID.map { .init(rule: ChicagoRule.crashNotInSilver, column: "crash_record_id", value: $0) }
                ?? .init(rule: ChicagoRule.missingCrashID, column: "crash_record_id", value: nil)
            try Outcomes.quarantine(
                db, dataset: dataset.rawValue, partition: orphan.copy.partition, rowID: orphan.copy.rowID,
                recordID: id, reason: reason)
            report.quarantined[dataset, default: 0] += 1
            report.quarantineByRule[reason.rule, default: 0] += 1
        }
        orphans = [:]
    }
}
