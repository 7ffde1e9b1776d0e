import CurbsideIngest
import CurbsideModel
import CurbsideSimulator
import CurbsideTestSupport
import CurbsideWarehouse
import Foundation
import Logging
import Testing

/// Chicago crashes (real sample rows) with made-up vehicles and people, through the simulator.
@Suite struct ChicagoIngestorTests {
    struct NoSleep: Sleeper { func sleep(seconds: Double) async throws {} }

    static func simulator() throws -> PortalSimulator {
        let crashes = try Fixtures.bytes("samples/chicago/85ca-t3if.json")
        let units = try SyntheticCrashUnits.rows(forCrashes: crashes)
        return PortalSimulator(datasets: [
            try SimulatedDataset(id: "85ca-t3if", name: "crashes", rowsJSON: crashes, rowsUpdatedAt: 1_669_852_800),
            try SimulatedDataset(id: "68nd-jvt3", name: "vehicles", rowsJSON: units.vehicles, rowsUpdatedAt: 1),
            try SimulatedDataset(id: "u6pd-qa9d", name: "people", rowsJSON: units.people, rowsUpdatedAt: 1),
        ])
    }

    static func ingest(
        _ w: Warehouse, simulator: PortalSimulator, pageSize: Int, concurrency: Int = 4
    ) async throws -> IngestReport {
        let url = try await simulator.start()
        var config = CurbsideConfig()
        config.ingest.pageSize = pageSize
        config.ingest.concurrency = concurrency
        let ingestor = ChicagoIngestor(
            warehouse: w, config: config, portalURL: url, client: CurlHTTPClient(), appToken: nil, runID: nil,
            clock: FixedClock(seconds: 1_800_000_000), sleeper: NoSleep(), limiter: RequestLimiter(limit: 2),
            logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
        defer { Task { try? await simulator.stop() } }
        return try await ingestor.run(asOf: Day(iso: "2022-09-24")!)
    }

    static func count(_ w: Warehouse, _ dataset: String) throws -> Int64 {
        if case .integer(let n) = try w.run("SELECT count(*) FROM bronze_rows WHERE dataset = '\(dataset)'").rows[0][0]
        {
            return n
        }
        return -1
    }

    @Test func backfillsTheWindowByMonthWithVehiclesAndPeopleInBatches() async throws {
        let w = try Warehouse(path: ":memory:")
        let simulator = try Self.simulator()
        let report = try await Self.ingest(w, simulator: simulator, pageSize: 50)
        #expect(report.partitions.count == 13)
        #expect(try Self.count(w, "chicago_crashes") == 294)
        // Every fetched crash has its made-up vehicles (num_units each) and no crash is fetched twice.
        let crashes = try w.run("SELECT count(DISTINCT record_id) FROM bronze_rows WHERE dataset = 'chicago_crashes'")
        #expect(crashes.rows == [[.integer(294)]])
        let orphans = try w.run(
            """
            SELECT count(*) FROM bronze_row_json v WHERE v.dataset = 'chicago_vehicles'
            AND json_extract(v.json, '$.crash_record_id') NOT IN
                (SELECT record_id FROM bronze_rows WHERE dataset = 'chicago_crashes')
            """)
        #expect(orphans.rows == [[.integer(0)]])
        #expect(try Self.count(w, "chicago_vehicles") > 294)
        #expect(try Self.count(w, "chicago_people") >= Self.count(w, "chicago_vehicles"))
        // Batched id filters keep every URL short.
        let longest = try w.run("SELECT max(length(url)) FROM fetches")
        if case .integer(let n) = longest.rows[0][0] { #expect(n < 3_300) }
    }

    /// A month's id batches fetched several at a time store what one after another stores: the same pages in the
    /// same order, the same drift and requests.
    @Test func batchesAtOnceStoreWhatBatchesInTurnStore() async throws {
        var stored: [[[[SQLValue]]]] = []
        var reports: [IngestReport] = []
        for concurrency in [1, 4] {
            let w = try Warehouse(path: ":memory:")
            reports.append(
                try await Self.ingest(w, simulator: try Self.simulator(), pageSize: 3, concurrency: concurrency))
            stored.append([
                try w.run("SELECT dataset, partition_key, page_index, sha256, rows FROM bronze_pages ORDER BY id").rows,
                try w.run("SELECT dataset, kind, field, detail, rows FROM schema_drift ORDER BY id").rows,
                try w.run("SELECT count(*), sum(bytes) FROM fetches").rows,
            ])
        }
        #expect(stored[0] == stored[1])
        #expect(reports[0] == reports[1])
        #expect(stored[0][0].count > 300)  // pages of three rows: many per batch, several batches a month
    }

    @Test func aSecondRunWithAnUnchangedDatasetFetchesNothing() async throws {
        let w = try Warehouse(path: ":memory:")
        _ = try await Self.ingest(w, simulator: try Self.simulator(), pageSize: 50_000)
        let second = try await Self.ingest(w, simulator: try Self.simulator(), pageSize: 50_000)
        #expect(second.partitions.isEmpty)
        #expect(second.requests == 0)
        let state = try w.state(of: .chicagoCrashes)
        #expect(state.rowsUpdatedAt == 1_669_852_800)
        #expect(state.watermark == "2022-11-30T23:00:00.000")
    }

    @Test func monthsAreClippedToTheWindow() {
        let window = ChicagoWindow(asOf: Day(iso: "2022-09-24")!, backfillDays: 365)
        let months = window.months
        #expect(months.count == 13)
        #expect(
            months.first?.whereClause == "crash_date >= '2021-09-24T00:00:00' AND crash_date < '2021-10-01T00:00:00'")
        #expect(
            months.last?.whereClause == "crash_date >= '2022-09-01T00:00:00' AND crash_date < '2022-09-24T00:00:00'")
    }

    @Test func idBatchesStayUnderTheURLLimit() {
        let ids = (0..<100).map { String(repeating: String($0 % 10), count: 128) + "\($0)" }
        let clauses = IDBatches.whereClauses(ids: ids + ids, field: "crash_record_id", maxEncodedLength: 3_000)
        #expect(clauses.count > 1)
        #expect(clauses.allSatisfy { SoQLQuery.encode($0).count <= 3_000 })
        let joined = clauses.joined(separator: " ")
        #expect(ids.allSatisfy { joined.contains("'\($0)'") })
        #expect(clauses.first?.hasPrefix("crash_record_id in ('000") == true)
    }
}
