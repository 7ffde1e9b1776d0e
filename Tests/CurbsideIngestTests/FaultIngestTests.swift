import CurbsideClean
import CurbsideIngest
import CurbsideModel
import CurbsideSimulator
import CurbsideTestSupport
import CurbsideWarehouse
import Logging
import Testing

/// Every fault class the simulator can inject, on the first request for 2019-10-21 (34 real rows)
/// while the NYC sample window (219 rows) is ingested: nothing lost, nothing stored twice.
@Suite struct FaultIngestTests {
    struct NoSleep: Sleeper { func sleep(seconds: Double) async throws {} }

    static let day = "10%2F21%2F2019"

    static func ingest(_ fault: Fault, requests: Range<Int> = 0..<1) async throws -> (Warehouse, IngestReport) {
        let simulator = PortalSimulator(
            datasets: [
                try SimulatedDataset(id: "nc67-uf89", name: "s", rowsJSON: Fixtures.nycSampleRows(), rowsUpdatedAt: 1)
            ],
            faults: FaultPlan([.init(fault, requests: requests, targetContains: day)]))
        let url = try await simulator.start()
        var config = CurbsideConfig()
        config.ingest.concurrency = 1
        config.ingest.maxAttempts = 3
        let w = try Warehouse(path: ":memory:")
        let ingestor = NYCIngestor(
            warehouse: w, config: config, portalURL: url, client: CurlHTTPClient(timeout: 5), appToken: nil, runID: nil,
            clock: FixedClock(seconds: 0), sleeper: NoSleep(),
            logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
        do {
            let report = try await ingestor.run(asOf: Day(iso: "2019-11-23")!, maxDays: 0)
            try await simulator.stop()
            return (w, report)
        } catch {
            try await simulator.stop()
            throw error
        }
    }

    static func int(_ w: Warehouse, _ sql: String) throws -> Int64 {
        if case .integer(let n) = try w.run(sql).rows[0][0] { return n }
        return -1
    }

    @Test(arguments: [
        Fault.status(429, retryAfter: "0"), .status(429, retryAfter: "Thu, 01 Jan 1970 00:00:00 GMT"), .status(503),
        .status(500), .status(202), .truncatedBody(keepingBytes: 100), .malformedJSON,
    ])
    func aRetriedFaultLosesNothingAndStoresNothingTwice(fault: Fault) async throws {
        let (w, report) = try await Self.ingest(fault)
        #expect(report.rows == 219)
        #expect(report.retries == 1)
        #expect(try Self.int(w, "SELECT count(*) FROM bronze_rows") == 219)
        #expect(try Self.int(w, "SELECT count(DISTINCT record_id) FROM bronze_rows") == 219)
        #expect(try Self.int(w, "SELECT count(*) FROM fetches WHERE partition_key = '2019-10-21'") == 2)
        #expect(try Self.int(w, "SELECT count(*) FROM bronze_pages WHERE partition_key = '2019-10-21'") == 1)
    }

    /// libcurl itself retries a request once when a reused keep-alive connection turns out closed, so
    /// a dropped connection may not reach our retry loop at all; either way nothing is lost or doubled.
    @Test func aDroppedConnectionLosesNothing() async throws {
        let (w, report) = try await Self.ingest(.dropConnection)
        #expect(report.retries <= 1)
        #expect(try Self.int(w, "SELECT count(*) FROM bronze_rows") == 219)
        #expect(try Self.int(w, "SELECT count(DISTINCT record_id) FROM bronze_rows") == 219)
        #expect(try Self.int(w, "SELECT count(*) FROM bronze_pages WHERE partition_key = '2019-10-21'") == 1)
    }

    @Test func aSlowResponseIsWaitedFor() async throws {
        let (w, report) = try await Self.ingest(.delay(seconds: 0.3))
        #expect(report.retries == 0)
        #expect(try Self.int(w, "SELECT count(*) FROM bronze_rows") == 219)
    }

    @Test func rowsRepeatedAcrossPagesAreKeptInBronzeAndSupersededInSilver() async throws {
        let (w, _) = try await Self.ingest(.duplicateRows(count: 3))
        #expect(try Self.int(w, "SELECT count(*) FROM bronze_rows") == 222)
        let clean = try NYCCleanStage(warehouse: w).run()
        #expect(clean.silverRows == 219)
        #expect(clean.superseded == 3)
        #expect(clean.silverRows + clean.quarantined + clean.superseded == clean.bronzeRows)
    }

    @Test func extraAndMissingFieldsAreStoredAndReported() async throws {
        let (w, report) = try await Self.ingest(.extraField(name: "camera_zone", value: "<b>7</b>"))
        #expect(try Self.int(w, "SELECT count(*) FROM bronze_rows") == 219)
        #expect(
            report.drift["nyc_violations"]?.map(\.description).contains(
                "unknown field 'camera_zone' in 34 row(s) (kept in bronze)") == true)
        let (w2, _) = try await Self.ingest(.missingField(name: "violation"))
        #expect(try Self.int(w2, "SELECT count(*) FROM bronze_rows") == 219)
        let clean = try NYCCleanStage(warehouse: w2).run()
        #expect(clean.silverRows == 219)
        #expect(try Self.int(w2, "SELECT count(*) FROM silver_nyc_violations WHERE violation = 'UNKNOWN'") == 34)
    }

    @Test func aFaultThatOutlastsEveryAttemptStopsWithoutAHalfStoredDay() async throws {
        do {
            _ = try await Self.ingest(.status(503), requests: 0..<10)
            Issue.record("expected an error")
        } catch let error as IngestError {
            #expect("\(error)".hasPrefix("nyc_violations partition 2019-10-21: GET http://127.0.0.1:"))
            #expect(
                "\(error)".hasSuffix(
                    "answered HTTP 503 (simulated_fault: Simulated fault: HTTP 503) on all 3 attempts. "
                        + "Nothing of this partition was stored; the next run goes on from here."))
        }
    }

    @Test func aPermanentClientErrorIsNotRetried() async throws {
        do {
            _ = try await Self.ingest(.status(403), requests: 0..<10)
            Issue.record("expected an error")
        } catch let error as IngestError {
            #expect("\(error)".contains("with HTTP 403: simulated_fault: Simulated fault: HTTP 403"))
        }
    }
}
