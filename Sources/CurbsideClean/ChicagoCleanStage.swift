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
        let crashes = try LatestRows<ChicagoCrash>.read(.chicagoCrashes, db: db, report: &report) { fields in
            ChicagoCleaner.clean(fields, asOf: asOf).map { ($0.id, $0) }
        }
        let vehicles = try LatestRows<ChicagoVehicle>.read(.chicagoVehicles, db: db, report: &report) { fields in
            guard let vehicle = ChicagoVehicle(fields) else {
                return .failure(.init(rule: ChicagoRule.missingUnitID, column: "crash_unit_id", value: nil))
            }
            return .success((vehicle.unitID, vehicle))
        }
        let people = try LatestRows<ChicagoPerson>.read(.chicagoPeople, db: db, report: &report) { fields in
            guard let person = ChicagoPerson(fields) else {
                return .failure(.init(rule: ChicagoRule.missingPersonID, column: "person_id", value: nil))
            }
            return .success((person.personID, person))
        }
        var units: [String: CrashUnits] = [:]
        let insertVehicle = try db.cachedStatement(
            sql: """
                INSERT INTO silver_chicago_vehicles (crash_unit_id, bronze_row_id, partition_key, crash_record_id,
                    unit_type, vehicle_type, maneuver) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for (unitID, winner) in vehicles.inOrder {
            let v = winner.value
            guard let crashID = try attach(v.crashID, winner, dataset: .chicagoVehicles, crashes, db, &report) else {
                continue
            }
            units[crashID, default: CrashUnits()].add(vehicle: v)
            try insertVehicle.execute(arguments: [
                unitID, winner.rowID, winner.partition, crashID, v.unitType, v.vehicleType, v.maneuver,
            ])
            report.silverRows[.chicagoVehicles, default: 0] += 1
        }
        let insertPerson = try db.cachedStatement(
            sql: """
                INSERT INTO silver_chicago_people (person_id, bronze_row_id, partition_key, crash_record_id,
                    person_type, injury_classification, age) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for (personID, winner) in people.inOrder {
            let p = winner.value
            guard let crashID = try attach(p.crashID, winner, dataset: .chicagoPeople, crashes, db, &report) else {
                continue
            }
            units[crashID, default: CrashUnits()].add(person: p)
            try insertPerson.execute(arguments: [
                personID, winner.rowID, winner.partition, crashID, p.personType, p.injuryClassification, p.age,
            ])
            report.silverRows[.chicagoPeople, default: 0] += 1
        }
        let inWindow = crashes.inOrder.map(\.1.value).filter { window.contains($0.day) }
        let medianLatitude = Coordinate.median(inWindow.compactMap(\.latitude))
        let medianLongitude = Coordinate.median(inWindow.compactMap(\.longitude))
        let writer = try CrashWriter(db: db)
        for (id, winner) in crashes.inOrder {
            var crash = winner.value
            let imputed = crash.latitude == nil
            if imputed {
                crash.latitude = medianLatitude
                crash.longitude = medianLongitude
                report.imputed += 1
            }
            try writer.insert(
                crash, imputed: imputed, units: units[id] ?? CrashUnits(), rowID: winner.rowID,
                partition: winner.partition)
            report.silverRows[.chicagoCrashes, default: 0] += 1
        }
        for dataset in Self.datasets {
            try db.execute(
                sql: "UPDATE partitions SET cleaned_generation = generation WHERE dataset = ?",
                arguments: [dataset.rawValue])
        }
        return report
    }

    /// The crash a vehicle or person belongs to, or nil after quarantining a row whose crash is not in silver.
    private func attach<T>(
        _ crashID: String?, _ winner: LatestRows<T>.Winner, dataset: DatasetID, _ crashes: LatestRows<ChicagoCrash>,
        _ db: Database, _ report: inout ChicagoCleanReport
    ) throws -> String? {
        let reason: QuarantineReason
        if let crashID, crashes.winners[crashID] != nil { return crashID }
        if let crashID {
            reason = .init(rule: ChicagoRule.crashNotInSilver, column: "crash_record_id", value: crashID)
        } else {
            reason = .init(rule: ChicagoRule.missingCrashID, column: "crash_record_id", value: nil)
        }
        try Outcomes.quarantine(
            db, dataset: dataset.rawValue, partition: winner.partition, rowID: winner.rowID, recordID: winner.recordID,
            reason: reason)
        report.quarantined[dataset, default: 0] += 1
        report.quarantineByRule[reason.rule, default: 0] += 1
        return nil
    }
}

/// The latest copy of each id of one dataset, read from bronze in fetch order; earlier copies and rows of
/// a partition's older fetches are recorded as superseded, rows that break a rule go to quarantine.
struct LatestRows<T> {
    struct Winner {
        var rowID: Int64
        var partition: String
        var recordID: String?
        var value: T
    }

    var winners: [String: Winner] = [:]
    /// Ids in the order they were first seen (fetch order), so silver is written the same way every time.
    var order: [String] = []

    var inOrder: [(String, Winner)] { order.compactMap { id in winners[id].map { (id, $0) } } }

    static func read(
        _ dataset: DatasetID, db: Database, report: inout ChicagoCleanReport,
        clean: ([String: JSONField]) -> Result<(String, T), QuarantineReason>
    ) throws -> LatestRows<T> {
        var latest = LatestRows<T>()
        var older: [(rowID: Int64, partition: String, recordID: String?)] = []
        let name = dataset.rawValue
        let pages = try Row.fetchCursor(
            db,
            sql: """
                SELECT p.id, p.partition_key, p.generation = s.generation AS current, p.body, p.body_encoding, p.row_offsets
                FROM bronze_pages p JOIN partitions s ON s.dataset = p.dataset AND s.key = p.partition_key
                WHERE p.dataset = ? ORDER BY p.id
                """, arguments: [name])
        while let page = try pages.next() {
            let partition: String = page["partition_key"]
            let current: Bool = page["current"]
            let (body, rows) = try BronzePageRows.read(page)
            for row in rows {
                report.bronzeRows[dataset, default: 0] += 1
                let rowID = row.id
                let recordID = row.recordID
                guard current else {
                    older.append((rowID, partition, recordID))
                    continue
                }
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
                        db, dataset: name, partition: partition, rowID: rowID, recordID: recordID, reason: reason)
                    report.quarantined[dataset, default: 0] += 1
                    report.quarantineByRule[reason.rule, default: 0] += 1
                case .success(let (id, value)):
                    if let earlier = latest.winners[id] {
                        try Outcomes.supersede(
                            db, dataset: name, partition: earlier.partition, rowID: earlier.rowID, by: rowID,
                            reason: "a later copy of the same id in \(partition)")
                        report.superseded[dataset, default: 0] += 1
                    } else {
                        latest.order.append(id)
                    }
                    latest.winners[id] = Winner(rowID: rowID, partition: partition, recordID: id, value: value)
                }
            }
        }
        for (rowID, partition, recordID) in older {
            let by = recordID.flatMap { latest.winners[$0]?.rowID }
            try Outcomes.supersede(
                db, dataset: name, partition: partition, rowID: rowID, by: by,
                reason: by == nil
                    ? "the partition was fetched again and this id was not in it" : "the partition was fetched again")
            report.superseded[dataset, default: 0] += 1
        }
        return latest
    }
}
