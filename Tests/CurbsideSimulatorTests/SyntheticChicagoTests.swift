import CurbsideClean
import CurbsideIngest
import CurbsideModel
import CurbsideTestSupport
import CurbsideWarehouse
import Logging
import Testing

@testable import CurbsideSimulator

/// Synthetic Chicago crashes (for speed tests): resampled from the real sample, over the window, from a seed.
@Suite("Synthetic Chicago crashes")
struct SyntheticChicagoTests {
    static let asOf = Day(iso: "2025-07-10")!
    static let window = ChicagoWindow(asOf: asOf, backfillDays: 365)
    /// Fields a copy rewrites; every other field is the template's.
    static let rewritten: Set<String> = [
        "crash_record_id", "rd_no", "crash_date", "date_police_notified", "crash_day_of_week", "crash_month",
    ]

    static func sample() throws -> [UInt8] { try Fixtures.bytes("samples/chicago/85ca-t3if.json") }

    static func make(_ count: Int, seed: UInt64 = 1) throws -> SyntheticChicago.Rows {
        try SyntheticChicago.rows(templates: try sample(), count: count, days: window.days, seed: seed)
    }

    static func objects(_ json: [UInt8]) throws -> [[String: JSONField]] {
        try FlatJSON.elementRanges(of: json).map { try FlatJSON.dictionary(of: json[$0]) }
    }

    static func text(_ row: [String: JSONField], _ key: String) -> String? { row[key]?.text }

    /// What a copy keeps of its template: every field but the rewritten ones, the time of day of
    /// `crash_date`, and how many days after the crash the police were notified.
    static func signature(_ row: [String: JSONField]) -> String {
        var parts = row.filter { !rewritten.contains($0.key) }.map { "\($0.key)=\($0.value)" }.sorted()
        let date = text(row, "crash_date") ?? ""
        parts.append("time=\(date.dropFirst(10))")
        if let crash = CrashTemplate.leadingDay(date), let police = text(row, "date_police_notified") {
            parts.append("police=\(CrashTemplate.leadingDay(police).map { $0 - crash }.map(String.init) ?? police)")
        }
        return parts.joined(separator: "\u{1}")
    }

    @Test("the same seed gives the same bytes; another seed other crashes")
    func deterministic() throws {
        let first = try Self.make(400, seed: 42)
        let again = try Self.make(400, seed: 42)
        let other = try Self.make(400, seed: 43)
        // Compared by hash, so a failure prints two lines rather than megabytes.
        let hashes = { (rows: SyntheticChicago.Rows) in [rows.crashes, rows.vehicles, rows.people].map(SHA256Hex.of) }
        #expect(hashes(first) == hashes(again))
        #expect(hashes(first)[0] != hashes(other)[0])
        #expect(hashes(first)[1] != hashes(other)[1])
        let firstIDs = Set(try Self.objects(first.crashes).compactMap { Self.text($0, "crash_record_id") })
        let otherIDs = Set(try Self.objects(other.crashes).compactMap { Self.text($0, "crash_record_id") })
        #expect(firstIDs.isDisjoint(with: otherIDs))
    }

    @Test("makes as many crashes as asked, with unique 128-hex ids, report numbers, unit and person ids")
    func countAndUniqueIDs() throws {
        let rows = try Self.make(5_000)
        let crashes = try Self.objects(rows.crashes)
        #expect(crashes.count == 5_000)
        let ids = crashes.compactMap { Self.text($0, "crash_record_id") }
        #expect(ids.count == 5_000)
        #expect(Set(ids).count == 5_000)
        #expect(Set(ids.map { $0.prefix(12) }).count == 5_000)
        #expect(ids.allSatisfy { $0.utf8.count == 128 && $0.allSatisfy(\.isHexDigit) && $0 == $0.lowercased() })
        #expect(Set(crashes.compactMap { Self.text($0, "rd_no") }).count == 5_000)
        let vehicles = try Self.objects(rows.vehicles).compactMap { Self.text($0, "crash_unit_id") }
        let people = try Self.objects(rows.people).compactMap { Self.text($0, "person_id") }
        #expect(Set(vehicles).count == vehicles.count)
        #expect(Set(people).count == people.count)
        #expect(try Self.make(0).crashes == Array("[]".utf8))
    }

    @Test("crash dates fall on the window's days, evenly, with their weekday and month")
    func datesInWindow() throws {
        let count = 3_000
        let crashes = try Self.objects(try Self.make(count).crashes)
        var perDay: [Day: Int] = [:]
        for crash in crashes {
            let date = try #require(Self.text(crash, "crash_date"))
            let day = try #require(CrashTemplate.leadingDay(date))
            #expect(Self.window.contains(day))
            #expect(ChicagoCleaner.timestamp(date)?.day == day)
            #expect(Self.text(crash, "crash_day_of_week") == String(day.weekday))
            #expect(Self.text(crash, "crash_month") == String(day.civil.month))
            #expect(Self.text(crash, "crash_hour") == String(Int(date.dropFirst(11).prefix(2)) ?? -1))
            perDay[day, default: 0] += 1
        }
        let days = Self.window.days
        #expect(perDay.count == days.count)
        #expect(perDay.values.allSatisfy { $0 == count / days.count || $0 == count / days.count + 1 })
    }

    @Test("each crash is a real crash of the sample but for its ids and day; categories and gaps follow the sample")
    func followsTheSample() throws {
        let templates = try Self.objects(try Self.sample())
        let known = Set(templates.map(Self.signature))
        let count = 20_000
        let crashes = try Self.objects(try Self.make(count, seed: 7).crashes)
        let signatures = crashes.map(Self.signature)
        #expect(signatures.allSatisfy(known.contains))
        // Nearly every template is drawn (499 templates, 20,000 draws: missing one is very unlikely).
        #expect(Set(signatures).count >= known.count - 2)
        func share(_ rows: [[String: JSONField]], _ test: ([String: JSONField]) -> Bool) -> Double {
            Double(rows.filter(test).count) / Double(rows.count)
        }
        let checks: [(String, ([String: JSONField]) -> Bool, Double)] = [
            ("hit and run", { ChicagoCleaner.flag($0["hit_and_run_i"]) }, 0.02),
            ("hit_and_run_i missing", { $0["hit_and_run_i"] == nil }, 0.02),
            ("coordinates missing", { $0["latitude"] == nil }, 0.005),
            ("lane_cnt present", { $0["lane_cnt"] != nil }, 0.015),
            ("weather CLEAR", { Self.text($0, "weather_condition") == "CLEAR" }, 0.02),
            ("injured", { (Int(Self.text($0, "injuries_total") ?? "") ?? 0) > 0 }, 0.02),
        ]
        for (name, test, tolerance) in checks {
            let expected = share(templates, test)
            let got = share(crashes, test)
            #expect(abs(got - expected) <= tolerance, "\(name): \(got) vs the sample's \(expected)")
        }
        // The sample's own figure (PROVENANCE.md: 144 of 499 crashes are hit and run).
        #expect(abs(share(crashes, { ChicagoCleaner.flag($0["hit_and_run_i"]) }) - 144.0 / 499) <= 0.02)
    }

    @Test("every vehicle and person belongs to a generated crash, as the slow path would make them")
    func unitsReferenceTheCrashes() throws {
        let rows = try Self.make(2_000, seed: 3)
        let crashes = try Self.objects(rows.crashes)
        let ids = Set(crashes.compactMap { Self.text($0, "crash_record_id") })
        let vehicles = try Self.objects(rows.vehicles)
        let people = try Self.objects(rows.people)
        #expect(vehicles.allSatisfy { Self.text($0, "crash_record_id").map(ids.contains) == true })
        #expect(people.allSatisfy { Self.text($0, "crash_record_id").map(ids.contains) == true })
        var perCrash: [String: Int] = [:]
        for vehicle in vehicles { perCrash[Self.text(vehicle, "crash_record_id")!, default: 0] += 1 }
        for crash in crashes {
            let units = min(max(Int(Self.text(crash, "num_units") ?? "") ?? 1, 1), 10)
            #expect(perCrash[Self.text(crash, "crash_record_id")!] == units)
        }
        let slow = try SyntheticCrashUnits.rows(forCrashes: rows.crashes)
        #expect(SHA256Hex.of(slow.vehicles) == SHA256Hex.of(rows.vehicles))
        #expect(SHA256Hex.of(slow.people) == SHA256Hex.of(rows.people))
    }

    @Test("through the simulator, ingest and Chicago cleaning, nothing is quarantined or superseded")
    func cleansWithoutQuarantine() async throws {
        let count = 1_500
        let rows = try Self.make(count, seed: 5)
        let simulator = PortalSimulator(datasets: [
            try SimulatedDataset(id: "85ca-t3if", name: "crashes", rowsJSON: rows.crashes, rowsUpdatedAt: 1),
            try SimulatedDataset(id: "68nd-jvt3", name: "vehicles", rowsJSON: rows.vehicles, rowsUpdatedAt: 1),
            try SimulatedDataset(id: "u6pd-qa9d", name: "people", rowsJSON: rows.people, rowsUpdatedAt: 1),
        ])
        let url = try await simulator.start()
        let w = try Warehouse(path: ":memory:")
        let ingestor = ChicagoIngestor(
            warehouse: w, config: CurbsideConfig(), portalURL: url, client: CurlHTTPClient(), appToken: nil,
            runID: nil, clock: FixedClock(seconds: 1_800_000_000), sleeper: NoSleep(),
            limiter: RequestLimiter(limit: 2),
            logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
        let ingested = try await ingestor.run(asOf: Self.asOf)
        try await simulator.stop()
        let vehicles = try FlatJSON.elementRanges(of: rows.vehicles).count
        let people = try FlatJSON.elementRanges(of: rows.people).count
        #expect(ingested.rows == count + vehicles + people)
        let report = try ChicagoCleanStage(
            warehouse: w, asOf: Self.asOf, window: Self.window.first..<Self.window.end
        ).run()
        #expect(report.quarantineByRule == [:])
        #expect(report.superseded.values.reduce(0, +) == 0)
        #expect(report.silverRows == [.chicagoCrashes: count, .chicagoVehicles: vehicles, .chicagoPeople: people])
        let invalid = try Self.objects(rows.crashes).filter {
            !ChicagoCleaner.coordinatesValid(
                latitude: Self.text($0, "latitude").flatMap(Coordinate.init(text:)),
                longitude: Self.text($0, "longitude").flatMap(Coordinate.init(text:)))
        }
        #expect(report.imputed == invalid.count)
        // Silver's weekday, hour and day agree with one another, as the model's features need.
        let disagreeing = try w.run(
            """
            SELECT count(*) FROM silver_chicago_crashes
            WHERE crash_day_of_week != CAST(strftime('%w', crash_day) AS INTEGER) + 1
               OR crash_hour != CAST(substr(crash_date, 12, 2) AS INTEGER) OR hour_from_date != 0
               OR crash_day < '\(Self.window.first.iso)' OR crash_day >= '\(Self.window.end.iso)'
            """)
        #expect(disagreeing.rows == [[.integer(0)]])
    }

    private struct NoSleep: Sleeper { func sleep(seconds: Double) async throws {} }
}
