import CurbsideIngest
import CurbsideModel
import CurbsideSimulator
import CurbsideTestSupport
import CurbsideWarehouse
import Logging
import Testing

/// Drift is reported per run and never stops ingestion; unknown fields stay in bronze.
@Suite struct SchemaDriftTests {
    struct NoSleep: Sleeper { func sleep(seconds: Double) async throws {} }

    @Test func unknownMissingAndRetypedFieldsAreReportedAndKept() async throws {
        // Two real-shaped rows of 2019-10-21: one with a new field, one whose fine is a JSON number and
        // whose summons_image became a string. No row has violation_status (a null is a missing key).
        let rows = """
            [{"summons_number":"1","issue_date":"10/21/2019","fine_amount":"50","plate":"A","state":"NY",\
            "license_type":"PAS","violation_time":"11:26A","violation":"X","judgment_entry_date":"01/01/2020",\
            "penalty_amount":"0","interest_amount":"0","reduction_amount":"0","payment_amount":"0","amount_due":"0",\
            "precinct":"000","county":"QN","issuing_agency":"T","summons_image":{"url":"u"},"camera_id":"C-7"}
            ,{"summons_number":"2","issue_date":"10/21/2019","fine_amount":65,"summons_image":"u"}]
            """
        let simulator = PortalSimulator(datasets: [
            try SimulatedDataset(id: "nc67-uf89", name: "drift", rowsJSON: Array(rows.utf8), rowsUpdatedAt: 1)
        ])
        let url = try await simulator.start()
        let w = try Warehouse(path: ":memory:")
        let ingestor = NYCIngestor(
            warehouse: w, config: CurbsideConfig(), portalURL: url, client: CurlHTTPClient(), appToken: nil,
            runID: nil, clock: FixedClock(seconds: 0), sleeper: NoSleep(),
            logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
        let asOf = Day(iso: "2019-10-21")!.adding(days: 31)
        let report = try await ingestor.run(asOf: asOf, maxDays: 0)
        try await simulator.stop()
        let findings = try #require(report.drift["nyc_violations"]).map(\.description)
        #expect(
            findings == [
                "expected field 'violation_status' is in no row",
                "field 'fine_amount': expected string, found number in 1 row(s)",
                "field 'summons_image': expected object, found string in 1 row(s)",
                "unknown field 'camera_id' in 1 row(s) (kept in bronze)",
            ])
        #expect(try w.run("SELECT count(*) FROM schema_drift").rows == [[.integer(4)]])
        let kept = try w.run("SELECT count(*) FROM bronze_row_json WHERE json LIKE '%camera_id%'")
        #expect(kept.rows == [[.integer(1)]])
    }
}
