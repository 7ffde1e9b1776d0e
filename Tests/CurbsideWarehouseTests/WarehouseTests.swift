import CurbsideModel
import CurbsideTestSupport
import CurbsideWarehouse
import Foundation
import Testing

@Suite struct WarehouseTests {
    @Test func migrationsRunInOrderAndOnlyOnce() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let path = folder + "/nested/w.sqlite"
        let first = try Warehouse(path: path)
        #expect(
            try first.appliedMigrations() == [
                "0001-runs-fetches-partitions", "0002-bronze", "0003-silver-quarantine", "0004-gold-lineage",
                "0005-dataset-state", "0006-schema-drift", "0007-chicago-silver-gold-quality", "0008-models",
                "0009-bronze-row-offsets", "0010-nyc-partition-totals", "0011-catalog-partition-statistics",
                "0012-silver-nyc-unique-index", "0013-bronze-pages-summary-in-index", "0014-catalog-hash-slices",
            ])
        try first.record(
            FetchRecord(
                runID: nil, dataset: .nycViolations, partition: nil, url: "http://x", params: "", status: 200, bytes: 2,
                sha256: nil, startedAt: 0, seconds: 0, attempt: 1, error: nil))
        let again = try Warehouse(path: path)
        #expect(try again.run("SELECT count(*) AS n FROM fetches").rows == [[.integer(1)]])
    }

    /// The lineage's sum of a window's page rows and list of page hashes: from the partition index alone, never
    /// through the pages' bodies, which come before them in each row.
    @Test func pageRowsAndHashesAreReadFromTheIndexAlone() throws {
        let w = try Warehouse(path: ":memory:")
        for sql in [
            "SELECT coalesce(sum(b.rows), 0) FROM bronze_pages b", "SELECT b.sha256 FROM bronze_pages b",
        ] {
            let plan = try w.run(
                "EXPLAIN QUERY PLAN " + sql + """
                     JOIN partitions t ON t.dataset = b.dataset AND t.key = b.partition_key
                    AND t.generation = b.generation
                    WHERE b.dataset = 'nyc_violations' AND b.partition_key BETWEEN '2025-05-10' AND '2025-06-10'
                    ORDER BY b.partition_key, b.page_index
                    """)
            let steps = plan.rows.map { $0.last?.description ?? "" }
            #expect(steps.contains { $0.contains("USING COVERING INDEX bronze_pages_by_partition") }, "\(steps)")
        }
    }

    @Test func aPartitionIsCommittedWholeWithANewGeneration() throws {
        let w = try Warehouse(path: ":memory:")
        let body = Array(#"[{"summons_number":"1"},{"summons_number":"2"}]"#.utf8)
        let page = BronzePage(
            fetchID: nil, body: body, sha256: SHA256Hex.of(body),
            rows: try FlatJSON.elementRanges(of: body).enumerated().map { (String($0.offset + 1), $0.element) })
        #expect(
            try w.commitPartition(dataset: .nycViolations, key: PartitionKey("2025-05-10"), pages: [page], fetchedAt: 5)
                == 1)
        #expect(
            try w.commitPartition(dataset: .nycViolations, key: PartitionKey("2025-05-10"), pages: [page], fetchedAt: 9)
                == 2)
        let state = try #require(try w.partitions(of: .nycViolations)[PartitionKey("2025-05-10")])
        #expect(state.rows == 2)
        #expect(state.generation == 2)
        #expect(state.fetchedAt == 9)
        #expect(state.cleanedGeneration == 0)
        #expect(try w.run("SELECT count(*) FROM bronze_rows").rows == [[.integer(4)]])
        #expect(
            try w.run("SELECT bronze_body(body, body_encoding) FROM bronze_pages LIMIT 1").rows == [
                [.text("<\(body.count) bytes>")]
            ])
        #expect(
            try w.run("SELECT record_id, json FROM bronze_row_json WHERE generation = 2 ORDER BY id").rows == [
                [.text("1"), .text(#"{"summons_number":"1"}"#)], [.text("2"), .text(#"{"summons_number":"2"}"#)],
            ])
    }

    @Test func pageQueriesReportTheTablesTheyRead() throws {
        let w = try Warehouse(path: ":memory:")
        let table = try w.run(
            "SELECT d.date, t.violation FROM gold_nyc_daily d JOIN gold_nyc_top_violations t ON 1 = 1 LIMIT 0")
        #expect(table.columns == ["date", "violation"])
        #expect(table.sources == ["gold_nyc_daily", "gold_nyc_top_violations"])
    }

    @Test func aBadQueryNamesSQLitesMessage() throws {
        let w = try Warehouse(path: ":memory:")
        #expect(throws: WarehouseError.self) { try w.run("SELECT nope FROM gold_nyc_daily") }
        do { _ = try w.run("SELECT nope FROM gold_nyc_daily") } catch {
            #expect("\(error)" == ":memory:: query failed: no such column: nope\n  in: SELECT nope FROM gold_nyc_daily")
        }
    }

    @Test("a scan hands each row's values as run returns them, texts in place, and names SQLite's message")
    func scanMatchesRun() throws {
        let w = try Warehouse(path: ":memory:")
        let sql = """
            SELECT * FROM (VALUES (1, 2.5, 'a', NULL, x'00ff'), (-7, 3.0, '', 'é—x', NULL),
                (9223372036854775807, -0.25, 'plate 1', 'b', x''))
            """
        var scanned: [[SQLValue]] = []
        try w.scan(sql) { row in scanned.append((0..<row.count).map { row[$0].value }) }
        #expect(scanned == (try w.run(sql).rows))
        #expect(scanned.count == 3)
        #expect(scanned[0][4] == .text("<2 bytes>"))
        #expect(throws: WarehouseError.self) { try w.scan("SELECT nope FROM gold_nyc_daily") { _ in } }
        // A runner without a cursor of its own scans what it runs.
        let plain = PlainRunner(warehouse: w)
        var again: [[SQLValue]] = []
        try plain.scan(sql) { row in again.append((0..<row.count).map { row[$0].value }) }
        #expect(again == scanned)
    }

    @Test("bronze_row cuts one row's text as substr of the whole body does, without handing SQLite the page")
    func bronzeRowMatchesSubstr() throws {
        let w = try Warehouse(path: ":memory:")
        let body = Array(#"[{"summons_number":"1"},{"summons_number":"2","x":"é"}]"#.utf8)
        let page = BronzePage(
            fetchID: nil, body: body, sha256: SHA256Hex.of(body),
            rows: try FlatJSON.elementRanges(of: body).enumerated().map { (String($0.offset + 1), $0.element) })
        try w.commitPartition(dataset: .nycViolations, key: PartitionKey("2025-05-10"), pages: [page], fetchedAt: 5)
        let cut = { (start: String, length: String) in
            try w.run(
                "SELECT bronze_row(body, body_encoding, \(start), \(length)), "
                    + "CAST(substr(bronze_body(body, body_encoding), \(start) + 1, \(length)) AS TEXT) FROM bronze_pages"
            ).rows[0]
        }
        for (start, length) in [("1", "22"), ("24", "31"), ("0", "1000"), ("50", "100"), ("3", "0")] {
            let both = try cut(start, length)
            #expect(both[0] == both[1], "\(start), \(length): \(both)")
        }
        #expect(try cut("1", "22")[0] == .text(#"{"summons_number":"1"}"#))
        // A length of Int.max (a page's query can pass any) overflowed start + length; it takes the rest of the body.
        #expect(try cut("50", "9223372036854775807")[0] == .text(#""é"}]"#))
        #expect(try w.run("SELECT bronze_row(NULL, 'zstd', 0, 1)").rows == [[.null]])
    }

    @Test func pageQueriesCannotWrite() throws {
        let w = try Warehouse(path: ":memory:")
        #expect(throws: (any Error).self) { try w.run("DELETE FROM gold_nyc_daily") }
    }
}

/// The warehouse's queries through the protocol's own `scan`, which runs the query first.
private struct PlainRunner: QueryRunner {
    let warehouse: Warehouse
    func run(_ sql: String) throws -> QueryTable { try warehouse.run(sql) }
}
