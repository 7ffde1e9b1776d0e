import CurbsideIngest
import CurbsideModel
import CurbsideSimulator
import CurbsideTestSupport
import CurbsideWarehouse
import Foundation
import Logging
import Testing

/// The NYC ingestion against the portal simulator serving the real sample rows.
@Suite struct NYCIngestorTests {
    static let asOf = Day(iso: "2019-11-23")!

    struct NoSleep: Sleeper { func sleep(seconds: Double) async throws {} }

    static func ingest(
        pageSize: Int, maxDays: Int, datasetID: String = "nc67-uf89", token: String? = nil,
        warehouse: Warehouse
    ) async throws -> (IngestReport, PortalSimulator) {
        let simulator = PortalSimulator(datasets: [
            try SimulatedDataset(
                id: "nc67-uf89", name: "sample", rowsJSON: Fixtures.nycSampleRows(), rowsUpdatedAt: 1)
        ])
        let url = try await simulator.start()
        var config = CurbsideConfig()
        config.ingest.pageSize = pageSize
        config.ingest.maxAttempts = 2
        config.ingest.concurrency = 1
        config.nyc.datasetID = datasetID
        let ingestor = NYCIngestor(
            warehouse: warehouse, config: config, portalURL: url, client: CurlHTTPClient(), appToken: token, runID: nil,
            clock: FixedClock(seconds: 1_800_000_000), sleeper: NoSleep(),
            logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
        do {
            let report = try await ingestor.run(asOf: asOf, maxDays: maxDays)
            try await simulator.stop()
            return (report, simulator)
        } catch {
            try await simulator.stop()
            throw error
        }
    }

    /// Rows per issue day of the sample, computed from the file, for the window 2019-09-23…2019-10-23.
    static func sampleCounts() throws -> [Day: Int] {
        let body = try Fixtures.nycSampleRows()
        var counts: [Day: Int] = [:]
        for range in try FlatJSON.elementRanges(of: body) {
            let fields = try FlatJSON.dictionary(of: String(decoding: body[range], as: UTF8.self))
            if let day = Day(usSlashed: fields["issue_date"]?.text ?? "") { counts[day, default: 0] += 1 }
        }
        return counts
    }

    @Test func pagesEveryDayOfTheWindowIntoBronzeWithNothingLostOrTwice() async throws {
        let w = try Warehouse(path: ":memory:")
        let (report, simulator) = try await Self.ingest(pageSize: 5, maxDays: 0, warehouse: w)
        let window = NYCWindow(asOf: Self.asOf, config: CurbsideConfig().nyc)
        let counts = try Self.sampleCounts()
        let expectedRows = window.days.reduce(0) { $0 + (counts[$1] ?? 0) }
        // A day of n rows takes n / 5 + 1 pages: the last page is short (possibly empty).
        let expectedPages = window.days.reduce(0) { $0 + (counts[$1] ?? 0) / 5 + 1 }
        #expect(expectedRows == 219)
        #expect(report.partitions.count == 31)
        #expect(report.rows == 219)
        #expect(report.requests == expectedPages)
        #expect(
            try w.run("SELECT count(*), count(DISTINCT record_id) FROM bronze_rows").rows == [
                [.integer(219), .integer(219)]
            ])
        #expect(try w.run("SELECT count(*) FROM bronze_pages").rows == [[.integer(Int64(expectedPages))]])
        #expect(try w.run("SELECT count(*) FROM fetches WHERE status = 200").rows == [[.integer(Int64(expectedPages))]])
        let first = try #require(simulator.requestLog.first)
        #expect(first.contains("%24where=issue_date%3D%2709%2F23%2F2019%27"))
        #expect(first.contains("%24order=%3Aid"))
    }

    @Test func takesTheOldestMissingDaysFirstUpToTheLimit() async throws {
        let w = try Warehouse(path: ":memory:")
        let (first, _) = try await Self.ingest(pageSize: 50_000, maxDays: 14, warehouse: w)
        #expect(first.partitions.first?.rawValue == "2019-09-23")
        #expect(first.partitions.last?.rawValue == "2019-10-06")
        #expect(first.partitions.count == 14)
        let (second, _) = try await Self.ingest(pageSize: 50_000, maxDays: 14, warehouse: w)
        #expect(second.partitions.first?.rawValue == "2019-10-07")
        let (third, _) = try await Self.ingest(pageSize: 50_000, maxDays: 14, warehouse: w)
        #expect(third.partitions.map(\.rawValue) == ["2019-10-21", "2019-10-22", "2019-10-23"])
    }

    @Test func theAppTokenIsSentButNeverStored() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let token = "SECRET-app-token-5f2c9a"
        let w = try Warehouse(path: folder + "/w.sqlite")
        _ = try await Self.ingest(pageSize: 50, maxDays: 3, token: token, warehouse: w)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            #expect(bytes.range(of: Data(token.utf8)) == nil, "\(file) holds the token")
        }
    }

    @Test func anUnknownDatasetStopsWithThePortalsOwnMessage() async throws {
        let w = try Warehouse(path: ":memory:")
        do {
            _ = try await Self.ingest(pageSize: 10, maxDays: 1, datasetID: "zzzz-9999", warehouse: w)
            Issue.record("expected an error")
        } catch let error as IngestError {
            let text = "\(error)"
            #expect(text.hasPrefix("nyc_violations partition 2019-09-23: the portal refused GET http://127.0.0.1:"))
            #expect(text.contains("/resource/zzzz-9999.json?%24where="))
            #expect(text.contains("with HTTP 404: not_found:"))
            #expect(
                text.hasSuffix("Nothing of this partition was stored; check the dataset id and query, then run again."))
        }
        #expect(try w.run("SELECT count(*) FROM bronze_rows").rows == [[.integer(0)]])
        #expect(try w.run("SELECT count(*) FROM fetches WHERE status = 404").rows == [[.integer(1)]])
    }
}
