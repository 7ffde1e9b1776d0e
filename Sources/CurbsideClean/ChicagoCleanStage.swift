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
/// in a table, not in memory. Crashes go straight to silver (the latest copy of an id overwrites its row in
/// place, so silver keeps the order ids were first fetched in); vehicles and people wait in temporary tables
/// until every crash is known, then join silver or go to quarantine; the crashes' rollups are counted from
/// silver's vehicles and people in one sorted pass, and missing coordinates take the window's median last.
/// Peak memory does not grow with the rows (1M crashes with 2M vehicles and 2M people: see the README).
public struct ChicagoCleanStage: Sendable {
    public var warehouse: Warehouse
    /// A crash dated after as-of is in the future.
    public var asOf: Day
    /// The ingest window: the median that fills missing coordinates is taken over its crashes.
    public var window: Range<Day>

    static let datasets: [DatasetID] = [.chicagoCrashes, .chicagoVehicles, .chicagoPeople]

    public init(warehouse: Warehouse, asOf: Day, window: Range<Day>) {
        self.warehouse = warehouse
        self.asOf = asOf
        self.window = window
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
            try Warehouse.forgetCatalogStatistics(dataset: dataset.rawValue, db: db)
        }
        let asOf = self.asOf
        let writer = try CrashWriter(db: db)
        try LatestCopies(dataset: .chicagoCrashes, table: "silver_chicago_crashes", idColumn: "crash_record_id")
            .read(db: db, report: &report) { fields in
                ChicagoCleaner.clean(fields, asOf: asOf).map { ($0.id, $0) }
            } keep: { _, crash, copy in
                try writer.insert(crash, rowID: copy.rowID, partition: copy.partition)
            }
        // The staging tables are temporary: give them the page cache the warehouse has (SQLite's default is 2 MB).
        try db.execute(sql: "PRAGMA temp.cache_size = -65536")
        let vehicles = try UnitStaging(
            dataset: .chicagoVehicles, silver: "silver_chicago_vehicles", idColumn: "crash_unit_id",
            columns: ["unit_type", "vehicle_type", "maneuver"], db: db)
        try vehicles.read(db: db, report: &report) { fields in
            guard let v = ChicagoVehicle(fields) else {
                return .failure(.init(rule: ChicagoRule.missingUnitID, column: "crash_unit_id", value: nil))
            }
            return .success(
                (
                    v.unitID,
                    UnitStaging.Values(crashID: v.crashID, a: v.unitType, b: v.vehicleType, c: .text(v.maneuver))
                ))
        }
        let people = try UnitStaging(
            dataset: .chicagoPeople, silver: "silver_chicago_people", idColumn: "person_id",
            columns: ["person_type", "injury_classification", "age"], db: db)
        try people.read(db: db, report: &report) { fields in
            guard let p = ChicagoPerson(fields) else {
                return .failure(.init(rule: ChicagoRule.missingPersonID, column: "person_id", value: nil))
            }
            return .success(
                (
                    p.personID,
                    UnitStaging.Values(
                        crashID: p.crashID, a: p.personType, b: p.injuryClassification, c: .integer(p.age))
                ))
        }
        try vehicles.attach(db: db, report: &report)
        try people.attach(db: db, report: &report)
        try rollUp(db, writer)
        try impute(db, writer, report: &report)
        report.silverRows[.chicagoCrashes] =
            try Int.fetchOne(db, sql: "SELECT count(*) FROM silver_chicago_crashes") ?? 0
        for dataset in Self.datasets {
            try db.execute(
                sql: "UPDATE partitions SET cleaned_generation = generation WHERE dataset = ?",
                arguments: [dataset.rawValue])
        }
        return report
    }

    /// Each crash's vehicles and people, counted from silver in one pass sorted by crash (crashes without any
    /// keep the empty rollup they were inserted with).
    private func rollUp(_ db: Database, _ writer: CrashWriter) throws {
        let units = try Row.fetchCursor(
            db,
            sql: """
                SELECT crash_record_id, 0 AS person, unit_type AS type, NULL AS injury, NULL AS age
                FROM silver_chicago_vehicles
                UNION ALL
                SELECT crash_record_id, 1, person_type, injury_classification, age FROM silver_chicago_people
                ORDER BY crash_record_id
                """)
        var crash: String?
        var rollup = CrashUnits()
        while let row = try units.next() {
            let id: String = row[0]
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
            return Coordinate.median(middle.map(Coordinate.init(degrees:)))
        }
        try writer.impute(latitude: try median("latitude"), longitude: try median("longitude"))
    }
}

/// The latest copy of one dataset's ids, read from bronze in fetch order and kept in `table` (keyed by
/// `idColumn`, with `bronze_row_id` and `partition_key`): a later copy of an id supersedes the one kept, rows
/// of a partition's older fetches are superseded by the copy kept of their id (or by nothing), and rows that
/// break a rule go to quarantine. One page is in memory at a time.
struct LatestCopies {
    /// Where a kept copy came from.
    struct Copy {
        var rowID: Int64
        var partition: String
    }

    var dataset: DatasetID
    var table: String
    var idColumn: String

    /// Reads the dataset's current pages, cleaning each row; `keep` stores a copy, overwriting the kept copy of
    /// its id if there is one (which has been recorded as superseded by then). Then supersedes the rows of
    /// older fetches.
    func read<T>(
        db: Database, report: inout ChicagoCleanReport,
        clean: ([String: JSONField]) -> Result<(String, T), QuarantineReason>,
        keep: (String, T, Copy) throws -> Void
    ) throws {
        let name = dataset.rawValue
        let kept = try KeyLookup(db, sql: "SELECT bronze_row_id, partition_key FROM \(table) WHERE \(idColumn) = ?")
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
                    outcome = clean(try FlatJSON.dictionary(of: slice))
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
                            db, dataset: name, partition: earlier.text, rowID: earlier.integer, by: row.id,
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
        let winner = try db.makeStatement(sql: "SELECT bronze_row_id FROM \(table) WHERE \(idColumn) = ?")
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
                let by = try row.recordID.flatMap { try Int64.fetchOne(winner, arguments: [$0]) }
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

/// Vehicles or people on their way to silver: the latest copy of each id waits in a temporary table shaped
/// like silver's (but whose crash may be missing) until every crash is known, then joins silver in the order
/// ids were first fetched, or goes to quarantine when its crash is missing or not in silver.
struct UnitStaging {
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

    let latest: LatestCopies
    let silver: String
    let columns: [String]
    private let staging: String
    private let insert: PositionalStatement

    init(dataset: DatasetID, silver: String, idColumn: String, columns: [String], db: Database) throws {
        self.silver = silver
        self.columns = columns
        staging = "temp.\(silver)_latest"
        latest = LatestCopies(dataset: dataset, table: staging, idColumn: idColumn)
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS \(staging);
                CREATE TABLE \(staging) (\(idColumn) TEXT PRIMARY KEY, bronze_row_id INTEGER NOT NULL,
                    partition_key TEXT NOT NULL, crash_record_id TEXT, \(columns.joined(separator: ", ")));
                """)
        let all = [idColumn, "bronze_row_id", "partition_key", "crash_record_id"] + columns
        insert = try PositionalStatement(
            db,
            sql: "INSERT INTO \(staging) (\(all.joined(separator: ", "))) VALUES ("
                + Array(repeating: "?", count: all.count).joined(separator: ", ")
                + ") ON CONFLICT(\(idColumn)) DO UPDATE SET "
                + all.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
    }

    func read(
        db: Database, report: inout ChicagoCleanReport,
        clean: ([String: JSONField]) -> Result<(String, Values), QuarantineReason>
    ) throws {
        var values = BoundRows(width: 4 + columns.count)
        try latest.read(db: db, report: &report, clean: clean) { id, row, copy in
            values.removeAll()
            values.append(id)
            values.append(copy.rowID)
            values.append(copy.partition)
            values.append(row.crashID)
            values.append(row.a)
            values.append(row.b)
            switch row.c {
            case .text(let text): values.append(text)
            case .integer(let number): values.append(number)
            }
            try insert.run(values, first: 0, count: 1)
        }
    }

    /// Copies to silver the rows whose crash is in silver and quarantines the others; drops the staging table.
    func attach(db: Database, report: inout ChicagoCleanReport) throws {
        let id = latest.idColumn
        let all = [id, "bronze_row_id", "partition_key", "crash_record_id"] + columns
        let list = all.joined(separator: ", ")
        try db.execute(
            sql: """
                INSERT INTO \(silver) (\(list)) SELECT \(list) FROM \(staging)
                WHERE crash_record_id IN (SELECT crash_record_id FROM silver_chicago_crashes) ORDER BY rowid
                """)
        report.silverRows[latest.dataset] = db.changesCount
        let orphans = try Row.fetchCursor(
            db,
            sql: """
                SELECT \(id), bronze_row_id, partition_key, crash_record_id FROM \(staging)
                WHERE crash_record_id IS NULL
                    OR crash_record_id NOT IN (SELECT crash_record_id FROM silver_chicago_crashes)
                ORDER BY rowid
                """)
        while let row = try orphans.next() {
            let crashID: String? = row[3]
            let reason: QuarantineReason =
                crashID.map { .init(rule: ChicagoRule.crashNotInSilver, column: "crash_record_id", value: $0) }
                ?? .init(rule: ChicagoRule.missingCrashID, column: "crash_record_id", value: nil)
            try Outcomes.quarantine(
                db, dataset: latest.dataset.rawValue, partition: row[2], rowID: row[1], recordID: row[0],
                reason: reason)
            report.quarantined[latest.dataset, default: 0] += 1
            report.quarantineByRule[reason.rule, default: 0] += 1
        }
        try db.execute(sql: "DROP TABLE \(staging)")
    }
}
