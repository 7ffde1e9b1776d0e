import CurbsideClean
import CurbsideModel
import CurbsideTestSupport
import CurbsideWarehouse
import Foundation
import GRDB
import Testing

/// Crashes, vehicles and people through the Chicago clean: rollups, latest copy wins, the median fill,
/// quarantine rules, and the invariant bronze = silver + quarantine + superseded.
@Suite struct ChicagoCleanStageTests {
    let asOf = Day(iso: "2022-09-24")!
    var window: Range<Day> { Day(iso: "2021-09-24")!..<asOf }

    static func object(_ fields: [String: String]) -> String {
        "{" + fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",") + "}"
    }

    static func crash(
        _ id: String, date: String = "2022-07-15T14:05:00.000", lat: String? = "41.88", lng: String? = "-87.63",
        hitAndRun: String? = nil, injuries: String = "0"
    ) -> String {
        var f = [
            "crash_record_id": id, "crash_date": date, "crash_hour": "14", "crash_day_of_week": "6",
            "weather_condition": "CLEAR", "lighting_condition": "DAYLIGHT", "roadway_surface_cond": "DRY",
            "traffic_control_device": "NO CONTROLS", "num_units": "2", "injuries_total": injuries,
        ]
        f["latitude"] = lat
        f["longitude"] = lng
        f["hit_and_run_i"] = hitAndRun
        return object(f)
    }

    static func vehicle(_ unit: String, crash: String?, type: String = "DRIVER") -> String {
        var f = ["crash_unit_id": unit, "unit_type": type]
        f["crash_record_id"] = crash
        return object(f)
    }

    static func person(_ id: String, crash: String, type: String = "DRIVER", injury: String, age: String) -> String {
        object([
            "person_id": id, "crash_record_id": crash, "person_type": type, "injury_classification": injury, "age": age,
        ])
    }

    /// A page as the ingestor stores it: the body, and each row's range and id.
    static func page(_ rows: [String], idField: String) throws -> BronzePage {
        let body = Array(("[" + rows.joined(separator: ",\n") + "]").utf8)
        let ranges = try FlatJSON.elementRanges(of: body)
        return BronzePage(
            fetchID: nil, body: body, sha256: SHA256Hex.of(body),
            rows: ranges.map { range in
                let fields = try? FlatJSON.dictionary(of: body[range])
                return (fields?[idField]?.text, range)
            })
    }

    func commit(_ w: Warehouse, key: String, crashes: [String], vehicles: [String], people: [String]) throws {
        try w.commitPartitions(
            [
                (.chicagoCrashes, PartitionKey(key), [try Self.page(crashes, idField: "crash_record_id")]),
                (.chicagoVehicles, PartitionKey(key), [try Self.page(vehicles, idField: "crash_unit_id")]),
                (.chicagoPeople, PartitionKey(key), [try Self.page(people, idField: "person_id")]),
            ], fetchedAt: 1_000)
    }

    func fixture() throws -> Warehouse {
        let w = try Warehouse(path: ":memory:")
        try commit(
            w, key: "2022-07",
            crashes: [
                Self.crash("A", lat: "41.80", lng: "-87.60", hitAndRun: "Y", injuries: "1"),
                Self.crash("B", lat: "41.90", lng: "-87.70"),
                Self.crash("C", lat: "0", lng: "0"),
                Self.crash("D", date: "2030-01-01T00:00:00.000"),
                Self.crash("", lat: nil, lng: nil),
                "[1, 2]",
            ],
            vehicles: [
                Self.vehicle("A-1", crash: "A"), Self.vehicle("A-2", crash: "A", type: "PARKED"),
                Self.vehicle("Z-1", crash: "Z"), Self.vehicle("N-1", crash: nil), Self.vehicle("D-1", crash: "D"),
            ],
            people: [
                Self.person("A-P1", crash: "A", injury: "NONINCAPACITATING INJURY", age: "34"),
                Self.person("A-P2", crash: "A", injury: "NO INDICATION OF INJURY", age: "51"),
                Self.person("A-P3", crash: "A", type: "PASSENGER", injury: "FATAL", age: "7"),
                Self.person("B-P1", crash: "B", injury: "NO INDICATION OF INJURY", age: "200"),
            ])
        // An increment: B again, now a hit-and-run, with its driver again.
        try commit(
            w, key: "updated-since-2022-08-01T00:00:00.000",
            crashes: [Self.crash("B", lat: "41.90", lng: "-87.70", hitAndRun: "Y")],
            vehicles: [], people: [Self.person("B-P1", crash: "B", injury: "NO INDICATION OF INJURY", age: "45")])
        return w
    }

    func count(_ w: Warehouse, _ sql: String) throws -> Int {
        try w.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    @Test func rollsUpVehiclesAndPeoplePerCrash() throws {
        let w = try fixture()
        _ = try ChicagoCleanStage(warehouse: w, asOf: asOf, window: window).run()
        let a = try #require(
            try w.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM silver_chicago_crashes WHERE crash_record_id = 'A'")
            })
        #expect(a["vehicles"] as Int == 2 && a["people"] as Int == 3)
        #expect(a["unit_types"] as String == "DRIVER 1; PARKED 1")
        #expect(a["person_types"] as String == "DRIVER 2; PASSENGER 1")
        #expect(a["people_fatal"] as Int == 1 && a["people_non_incapacitating"] as Int == 1)
        #expect(a["people_no_indication"] as Int == 1)
        // Drivers 34 and 51: the passenger's age is not a driver's.
        #expect(a["drivers_with_age"] as Int == 2 && a["driver_age_min"] as Int == 34)
        #expect(a["driver_age_mean"] as Double == 42.5)
        #expect(a["hit_and_run"] as Int == 1 && a["hour_bin"] as String == "afternoon")
    }

    @Test func theLatestCopyWinsAcrossPartitions() throws {
        let w = try fixture()
        _ = try ChicagoCleanStage(warehouse: w, asOf: asOf, window: window).run()
        let b = try #require(
            try w.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM silver_chicago_crashes WHERE crash_record_id = 'B'")
            })
        #expect(b["hit_and_run"] as Int == 1)
        #expect(b["partition_key"] as String == "updated-since-2022-08-01T00:00:00.000")
        // The re-fetched driver's age (45) replaced the impossible 200 (which was dropped as missing).
        #expect(b["driver_age_min"] as Int == 45)
        #expect(try count(w, "SELECT count(*) FROM superseded WHERE dataset = 'chicago_crashes'") == 1)
        #expect(try count(w, "SELECT count(*) FROM superseded WHERE dataset = 'chicago_people'") == 1)
    }

    @Test func invalidCoordinatesTakeTheMedianAndAreFlagged() throws {
        let w = try fixture()
        let report = try ChicagoCleanStage(warehouse: w, asOf: asOf, window: window).run()
        #expect(report.imputed == 1)
        let c = try #require(
            try w.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM silver_chicago_crashes WHERE crash_record_id = 'C'")
            })
        // Median of A (41.80, -87.60) and B (41.90, -87.70): 41.85, -87.65; bins round half away from zero.
        #expect(c["imputed"] as Int == 1)
        #expect(c["latitude"] as Double == 41.85 && c["longitude"] as Double == -87.65)
        #expect(c["grid_id"] as String == "41.85_-87.65")
    }

    @Test func rowsThatCannotBeUsedGoToQuarantineWithTheirRule() throws {
        let w = try fixture()
        let report = try ChicagoCleanStage(warehouse: w, asOf: asOf, window: window).run()
        #expect(
            report.quarantineByRule == [
                "crash_date_in_future": 1, "missing_crash_record_id": 2, "row_not_a_json_object": 1,
                "crash_not_in_silver": 2,
            ])
        let orphans = try w.read { db in
            try String.fetchAll(
                db, sql: "SELECT value FROM quarantine WHERE rule = 'crash_not_in_silver' ORDER BY value")
        }
        // Z was never fetched; D was quarantined for its future date.
        #expect(orphans == ["D", "Z"])
    }

    @Test func everyBronzeRowIsInSilverQuarantineOrSuperseded() throws {
        let w = try fixture()
        _ = try ChicagoCleanStage(warehouse: w, asOf: asOf, window: window).run()
        try expectInvariant(w)
        // The month fetched again without D and C: their old rows are superseded; the invariant still holds.
        try commit(
            w, key: "2022-07",
            crashes: [Self.crash("A", lat: "41.80", lng: "-87.60", hitAndRun: "Y", injuries: "1"), Self.crash("B")],
            vehicles: [Self.vehicle("A-1", crash: "A")], people: [])
        let again = try ChicagoCleanStage(warehouse: w, asOf: asOf, window: window).run()
        #expect(again.rebuilt)
        try expectInvariant(w)
        #expect(try count(w, "SELECT count(*) FROM silver_chicago_crashes") == 2)
        // The month's new fetch is now the latest copy of B.
        #expect(
            try w.read { db in
                try String.fetchOne(
                    db, sql: "SELECT partition_key FROM silver_chicago_crashes WHERE crash_record_id = 'B'")
            } == "2022-07")
    }

    @Test func silverKeepsTheOrderIdsWereFirstFetchedIn() throws {
        let w = try fixture()
        _ = try ChicagoCleanStage(warehouse: w, asOf: asOf, window: window).run()
        // B's later copy overwrote its row in place: it stays second, and the rowid order is the fetch order.
        let order = try w.read { db in
            try String.fetchAll(db, sql: "SELECT crash_record_id FROM silver_chicago_crashes ORDER BY rowid")
        }
        #expect(order == ["A", "B", "C"])
        let people = try w.read { db in
            try String.fetchAll(db, sql: "SELECT person_id FROM silver_chicago_people ORDER BY rowid")
        }
        #expect(people == ["A-P1", "A-P2", "A-P3", "B-P1"])
    }

    /// A unit's latest copy decides: an orphan (its crash not in silver) whose later copy names a known crash
    /// joins silver, and a unit in silver whose later copy names an unknown crash leaves it for quarantine.
    @Test func aUnitsLatestCopyDecidesBetweenSilverAndQuarantine() throws {
        let w = try Warehouse(path: ":memory:")
        try commit(
            w, key: "2022-07", crashes: [Self.crash("A")],
            vehicles: [Self.vehicle("X-1", crash: "Q"), Self.vehicle("Y-1", crash: "A")], people: [])
        try commit(
            w, key: "updated-since-2022-08-01T00:00:00.000", crashes: [],
            vehicles: [Self.vehicle("X-1", crash: "A"), Self.vehicle("Y-1", crash: "Q")], people: [])
        let report = try ChicagoCleanStage(warehouse: w, asOf: asOf, window: window).run()
        #expect(report.silverRows[.chicagoVehicles] == 1 && report.quarantined[.chicagoVehicles] == 1)
        #expect(report.superseded[.chicagoVehicles] == 2)
        let silver = try w.read { db in
            try String.fetchAll(db, sql: "SELECT crash_unit_id FROM silver_chicago_vehicles")
        }
        #expect(silver == ["X-1"])
        let quarantined = try w.read { db in
            try Row.fetchOne(
                db, sql: "SELECT record_id, partition_key, value FROM quarantine WHERE dataset = 'chicago_vehicles'")
        }
        #expect(quarantined?["record_id"] as String? == "Y-1" && quarantined?["value"] as String? == "Q")
        #expect(quarantined?["partition_key"] as String? == "updated-since-2022-08-01T00:00:00.000")
        #expect(try count(w, "SELECT vehicles FROM silver_chicago_crashes WHERE crash_record_id = 'A'") == 1)
        try expectInvariant(w)
    }

    /// The median is read from silver as its middle one or two values: it must equal the median of every
    /// valid coordinate in the window, for odd and even counts, with crashes outside the window left out.
    @Test(arguments: [5, 6]) func theMedianIsTakenOverTheWindowsValidCoordinates(valid: Int) throws {
        let w = try Warehouse(path: ":memory:")
        let latitudes = ["41.7012", "42.0", "41.95", "41.6003", "41.88454722", "41.799999"].prefix(valid)
        let longitudes = ["-87.9", "-87.5012", "-87.61", "-87.7777", "-87.63", "-87.55"].prefix(valid)
        var crashes = zip(latitudes, longitudes).enumerated().map { index, pair in
            Self.crash("V\(index)", lat: pair.0, lng: pair.1)
        }
        // Outside the window (before it), and without coordinates.
        crashes.append(Self.crash("OLD", date: "2020-01-01T08:00:00.000", lat: "41.61", lng: "-87.99"))
        crashes.append(Self.crash("NONE", lat: nil, lng: nil))
        try commit(w, key: "2022-07", crashes: crashes, vehicles: [], people: [])
        let report = try ChicagoCleanStage(warehouse: w, asOf: asOf, window: window).run()
        #expect(report.imputed == 1)
        let filled = try #require(
            try w.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT latitude, longitude FROM silver_chicago_crashes WHERE crash_record_id = 'NONE'")
            })
        let latitude = try #require(Coordinate.median(latitudes.compactMap(Coordinate.init(text:))))
        let longitude = try #require(Coordinate.median(longitudes.compactMap(Coordinate.init(text:))))
        #expect(filled["latitude"] as Double == latitude.degrees)
        #expect(filled["longitude"] as Double == longitude.degrees)
    }

    @Test func nothingChangedNothingRebuilt() throws {
        let w = try fixture()
        _ = try ChicagoCleanStage(warehouse: w, asOf: asOf, window: window).run()
        let second = try ChicagoCleanStage(warehouse: w, asOf: asOf, window: window).run()
        #expect(!second.rebuilt)
    }

    func expectInvariant(_ w: Warehouse) throws {
        for dataset in ["chicago_crashes", "chicago_vehicles", "chicago_people"] {
            let bronze = try count(w, "SELECT count(*) FROM bronze_rows WHERE dataset = '\(dataset)'")
            let silverTable = "silver_" + dataset
            let silver = try count(w, "SELECT count(*) FROM \(silverTable)")
            let quarantined = try count(w, "SELECT count(*) FROM quarantine WHERE dataset = '\(dataset)'")
            let superseded = try count(w, "SELECT count(*) FROM superseded WHERE dataset = '\(dataset)'")
            #expect(bronze == silver + quarantined + superseded, "\(dataset)")
            let distinct = try count(
                w,
                """
                SELECT count(DISTINCT id) FROM (SELECT bronze_row_id AS id FROM \(silverTable)
                UNION ALL SELECT bronze_row_id FROM quarantine WHERE dataset = '\(dataset)'
                UNION ALL SELECT bronze_row_id FROM superseded WHERE dataset = '\(dataset)')
                """)
            #expect(distinct == bronze, "\(dataset): a row in two places")
        }
    }
}
