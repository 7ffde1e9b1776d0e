import CurbsideIngest
import CurbsideModel
import CurbsideRender
import CurbsideTestSupport
import CurbsideWarehouse
import Foundation
import GRDB
import Logging
import Testing

@testable import CurbsideCommands

/// The data catalog's reader on a small in-memory warehouse: column statistics, the rows that belong to a version,
/// samples and CSVs that do not depend on load order; and the checks of `catalog` descriptions in the config.
@Suite("Data catalog")
struct CatalogTests {
    /// Three NYC summonses: a NULL time and judgment date, a plate a spreadsheet would run as a formula.
    static func violations() throws -> Warehouse {
        let warehouse = try Warehouse(path: ":memory:")
        try warehouse.write { db in
            try db.execute(
                sql: """
                    INSERT INTO silver_nyc_violations (summons_number, bronze_row_id, partition_key, issue_date,
                        violation_time_minutes, violation, violation_status, fine_amount_cents, penalty_amount_cents,
                        interest_amount_cents, reduction_amount_cents, payment_amount_cents, amount_due_cents,
                        judgment_entry_date, plate, state, license_type, county, precinct, issuing_agency)
                    VALUES
                    ('3', 30, '2025-05-11', '2025-05-11', NULL, 'NO PARKING', 'UNKNOWN', 6500, 0, 0, 0, 6500, 0,
                        NULL, '=SUM(A1)', 'NY', 'PAS', 'K', '1', 'TRAFFIC'),
                    ('1', 99, '2025-05-10', '2025-05-10', 600, 'BUS LANE', 'PAID', 5000, 0, 0, 0, 0, 5000,
                        '2025-06-01', 'B2', 'NJ', 'COM', 'NY', '2', 'TRAFFIC'),
                    ('2', 1, '2025-05-10', '2025-05-10', 900, 'BUS LANE', 'PAID', 5000, 0, 0, 0, 2500, 2500,
                        NULL, NULL, 'NY', 'PAS', 'NY', '2', 'POLICE')
                    """)
        }
        return warehouse
    }

    static let silver = CatalogSource(table: "silver_nyc_violations", layer: .silver, loadColumns: ["bronze_row_id"])

    @Test("columns: declared type, nulls, distinct values, least and greatest, generated columns included")
    func statistics() throws {
        let table = try CatalogReader(runner: try Self.violations()).table(Self.silver)
        let columns = Dictionary(uniqueKeysWithValues: table.columns.map { ($0.name, $0) })
        #expect(table.rows == 3)
        #expect(table.columns.count == 23)
        let time = try #require(columns["violation_time_minutes"])
        #expect(time.type == "INTEGER" && time.nulls == 1 && time.distinct == 2)
        #expect(time.minimum == .integer(600) && time.maximum == .integer(900))
        let judgment = try #require(columns["judgment_entry_date"])
        #expect(judgment.nulls == 2 && judgment.distinct == 1 && judgment.minimum == .text("2025-06-01"))
        #expect(columns["violation"]?.distinct == 2 && columns["violation"]?.maximum == .text("NO PARKING"))
        #expect(columns["fine_amount"]?.minimum == .real(50) && columns["fine_amount"]?.maximum == .real(65))
        let load = try #require(columns["bronze_row_id"])
        #expect(load.summary == .loadOrder && load.nulls == 0 && load.distinct == nil && load.minimum == nil)
        #expect(table.parts == [.init(dataset: nil, rows: 3, newestPartition: "2025-05-11", partitions: 2)])
    }

    @Test("a column a unique index keeps apart: its distinct values are its non-null ones, counted without hashes")
    func uniqueColumns() throws {
        let warehouse = try Self.violations()
        let reader = CatalogReader(runner: warehouse)
        #expect(try reader.uniqueColumns(of: "silver_nyc_violations") == ["summons_number"])
        #expect(try reader.uniqueColumns(of: "runs") == ["id"])  // INTEGER PRIMARY KEY: the rowid, no index
        #expect(try reader.uniqueColumns(of: "partitions").isEmpty)  // a key of two columns
        #expect(try reader.uniqueColumns(of: "bronze_rows").isEmpty)  // a view
        var source = Self.silver
        source.uniqueColumns = ["summons_number"]
        let table = try reader.table(source)
        let summons = try #require(table.columns.first { $0.name == "summons_number" })
        #expect(summons.summary == .unique && summons.nulls == 0 && summons.distinct == 3)
        #expect(summons.minimum == .text("1") && summons.maximum == .text("3"))
        let plain = try #require(try reader.table(Self.silver).columns.first { $0.name == "summons_number" })
        #expect(plain.summary == .full && plain.distinct == 3 && plain.minimum == summons.minimum)
    }

    @Test("samples and CSVs: key order, no load columns, capped, cells quoted and guarded")
    func samplesAndCSV() throws {
        let warehouse = try Self.violations()
        let table = try CatalogReader(runner: warehouse).table(Self.silver)
        #expect(!table.sample.columns.contains("bronze_row_id"))
        #expect(table.sample.columns.first == "summons_number" && table.sample.columns.count == 22)
        #expect(table.sample.rows.map { $0[0] } == [.text("1"), .text("2"), .text("3")])
        let csv = try CatalogReader(runner: warehouse).csv(Self.silver, limit: 2)
        let lines = csv.text.split(separator: "\n")
        #expect(csv.rows == 2 && lines.count == 3)
        #expect(lines[0].hasPrefix("summons_number,partition_key,issue_date,violation_time_minutes,violation,"))
        #expect(lines[1].hasPrefix("1,2025-05-10,2025-05-10,600,BUS LANE,PAID,5000,"))
        let all = try CatalogReader(runner: warehouse).csv(Self.silver, limit: 10).text
        // Whole REAL values are written as integers whether or not the query plan sorted (a sort returns them so).
        #expect(all.contains(",'=SUM(A1),NY,PAS,K,1,TRAFFIC,65,65,0\n"))
        #expect(all.contains(",2500,2500,,,NY,PAS,NY,2,POLICE,50,25,25\n"), "NULL is an empty field")
    }

    /// Two fetches of one NYC day (the first superseded by the second), a day outside the window, a Chicago month.
    /// Row ids are page × 65,536 + index: page 7's rows are 458752 and 458753, page 4's is 262144.
    static func bronze() throws -> Warehouse {
        let warehouse = try Warehouse(path: ":memory:")
        try warehouse.write { db in
            try db.execute(
                sql: """
                    INSERT INTO partitions (dataset, key, state, rows, hash, generation) VALUES
                        ('nyc_violations', '2025-05-10', 'complete', 2, 'h1', 1),
                        ('nyc_violations', '2025-04-01', 'complete', 1, 'h0', 0),
                        ('chicago_crashes', '2025-05', 'complete', 1, 'h2', 0);
                    INSERT INTO bronze_pages (id, dataset, partition_key, generation, page_index, body, sha256, rows,
                        row_offsets) VALUES
                        (7, 'nyc_violations', '2025-05-10', 1, 0, X'5B5D', 'b', 2, '[[1,1,"x"],[1,1,"y"]]'),
                        (3, 'nyc_violations', '2025-05-10', 0, 0, X'5B5D', 'a', 1, '[[1,1,"x"]]'),
                        (4, 'nyc_violations', '2025-04-01', 0, 0, X'5B5D', 'c', 1, '[[1,1,"z"]]'),
                        (5, 'chicago_crashes', '2025-05', 0, 0, X'5B5D', 'd', 1, '[[1,1,"c"]]');
                    """)
        }
        return warehouse
    }

    static let window = NYCWindow(first: Day(iso: "2025-05-01")!, last: Day(iso: "2025-05-31")!)

    @Test("a version's rows: the latest fetch of each partition, NYC's window, Chicago only when built")
    func scope() throws {
        let warehouse = try Self.bronze()
        let reader = CatalogReader(runner: warehouse)
        let columns = try reader.columns(of: "bronze_rows").map(\.name)
        let nycOnly = CatalogScope(nyc: Self.window, chicago: nil)
        let rows = try reader.table(try #require(nycOnly.source(for: "bronze_rows", layer: .bronze, columns: columns)))
        #expect(rows.rows == 2)
        #expect(rows.parts == [.init(dataset: "nyc_violations", rows: 2, newestPartition: "2025-05-10", partitions: 1)])
        // A row's place in its page depends on the page size the ingest used, not the data: not summarised, not shown.
        #expect(rows.sample.columns == ["dataset", "partition_key", "record_id", "byte_length"])
        #expect(
            rows.columns.filter { $0.summary == .loadOrder }.map(\.name) == [
                "id", "page_id", "generation", "row_index", "byte_start",
            ])
        #expect(
            rows.sample.rows.map { $0[2] } == [.text("x"), .text("y")], "ordered by the values, not the load's ids")
        let pages = try reader.table(
            try #require(
                nycOnly.source(
                    for: "bronze_pages", layer: .bronze, columns: try reader.columns(of: "bronze_pages").map(\.name))))
        #expect(pages.rows == 1)
        #expect(pages.columns.first { $0.name == "body" }?.summary == .opaque)
        #expect(pages.columns.first { $0.name == "body" }?.nulls == nil)
        #expect(pages.columns.first { $0.name == "generation" }?.summary == .loadOrder)
        #expect(
            pages.sample.columns == [
                "dataset", "partition_key", "page_index", "body", "sha256", "rows", "row_offsets", "body_encoding",
            ])
        #expect(
            pages.sample.rows == [
                [
                    .text("nyc_violations"), .text("2025-05-10"), .integer(0), .text("<2 bytes>"), .text("b"),
                    .integer(2), .text(#"[[1,1,"x"],[1,1,"y"]]"#), .text("identity"),
                ]
            ])
        #expect(pages.columns.first { $0.name == "row_offsets" }?.summary == .opaque)
        let json = try reader.table(
            try #require(
                nycOnly.source(
                    for: "bronze_row_json", layer: .bronze,
                    columns: try reader.columns(of: "bronze_row_json").map(\.name))))
        #expect(json.sample.columns == ["dataset", "partition_key", "record_id", "json"])
        #expect(json.sample.rows.map { [$0[2], $0[3]] } == [[.text("x"), .text("]")], [.text("y"), .text("]")]])
        #expect(nycOnly.source(for: "silver_chicago_crashes", layer: .silver, columns: []) == nil)
        let both = CatalogScope(
            nyc: Self.window, chicago: ChicagoWindow(asOf: Day(iso: "2025-06-01")!, backfillDays: 365))
        let all = try reader.table(try #require(both.source(for: "bronze_rows", layer: .bronze, columns: columns)))
        #expect(all.rows == 3)
        #expect(all.parts.map(\.dataset) == ["chicago_crashes", "nyc_violations"])
        #expect(
            both.lineageIDs(of: "bronze_pages", parts: all.parts) == [
                "endpoint:chicago_crashes", "endpoint:nyc_violations",
            ])
        #expect(both.lineageIDs(of: "silver_nyc_violations", parts: []) == ["silver:silver_nyc_violations"])
    }

    @Test("quarantine: rows by dataset, rule and column, at most three examples each with the row as it arrived")
    func quarantine() throws {
        let warehouse = try Self.bronze()
        try warehouse.write { db in
            try db.execute(
                sql: """
                    INSERT INTO quarantine (dataset, partition_key, bronze_row_id, record_id, rule, column_name, value)
                    VALUES
                        ('nyc_violations', '2025-05-10', 458752, 'x', 'amount_not_a_number', 'fine_amount', '<b>12'),
                        ('nyc_violations', '2025-05-10', 458753, 'y', 'amount_not_a_number', 'fine_amount', 'ten'),
                        ('nyc_violations', '2025-05-10', 458753, 'w', 'amount_not_a_number', 'fine_amount', 'a'),
                        ('nyc_violations', '2025-05-10', 458753, 'v', 'amount_not_a_number', 'fine_amount', 'b'),
                        ('nyc_violations', '2025-05-10', 458752, 'x', 'issue_date_off_partition', NULL, '2025-05-09'),
                        ('nyc_violations', '2025-04-01', 262144, 'z', 'issue_date_off_partition', NULL, '2025-03-31');
                    """)
        }
        let reader = CatalogReader(runner: warehouse)
        let scope = CatalogScope(nyc: Self.window, chicago: nil)
        let source = try #require(
            scope.source(
                for: "quarantine", layer: .quarantine, columns: try reader.columns(of: "quarantine").map(\.name)))
        let (rules, examples) = try reader.quarantine(source)
        #expect(
            rules.rows == [
                [.text("nyc_violations"), .text("amount_not_a_number"), .text("fine_amount"), .integer(4)],
                [.text("nyc_violations"), .text("issue_date_off_partition"), .text(""), .integer(1)],
            ], "the day outside the window is not this version's")
        #expect(examples.rows.count == 4, "three of the first rule, one of the second")
        #expect(examples.rows.map { $0[4] } == [.text("v"), .text("w"), .text("x"), .text("x")])
        #expect(examples.rows[2][5] == .text("<b>12") && examples.rows[2][6] == .text("]"), "\(examples.rows)")
        let html = CatalogPage(
            entries: [], quarantine: (rules, examples), scope: "", silverLimit: 1, asOf: Day(iso: "2025-07-10")!,
            asOfByDataset: [:]
        ).html()
        #expect(html.contains("<h3 id=\"catalog-quarantine-rules\">Rows set aside, by rule</h3>"))
        #expect(html.contains("<td>&lt;b&gt;12</td><td><code>]</code></td>") && !html.contains("<b>12"))
    }

    @Test("the page: facts, descriptions, unsummarised columns, escaped values, a capped download said so")
    func page() throws {
        let table = try CatalogReader(runner: try Self.violations()).table(Self.silver)
        let entry = CatalogPage.Entry(
            table: table, description: "One row per <summons>.", columnDescriptions: ["plate": "The plate."],
            asOf: Day(iso: "2025-07-10")!, partitions: table.parts, lineage: [],
            download: CatalogPage.Download(path: "data/silver_nyc_violations.csv", rows: 2, total: 3))
        let html = CatalogPage(
            entries: [entry], quarantine: nil, scope: "Scope.", silverLimit: 2, asOf: Day(iso: "2025-07-10")!,
            asOfByDataset: [:]
        ).html()
        #expect(html.contains("<h3 id=\"table-silver_nyc_violations\"><code>silver_nyc_violations</code></h3>"))
        #expect(html.contains("<p>One row per &lt;summons&gt;.</p>"))
        #expect(
            html.contains(
                "<div><dt>Freshness</dt><dd>data as of 2025-07-10, 2 partitions, the newest 2025-05-11</dd></div>"))
        #expect(html.contains("the first 2 of 3 rows in key order"))
        #expect(
            html.contains(
                "<tr><td><code>plate</code></td><td>TEXT</td><td>The plate.</td><td class=\"num\" data-sort=\"33.333333333333336\">"
                    + "33.33%</td><td class=\"num\" data-sort=\"2\">2</td><td>=SUM(A1)</td><td>B2</td></tr>"))
        #expect(html.contains("(set by the load: not summarised)"))
        #expect(html.contains("data-page-size=\"100\""))
        #expect(html.contains("<summary>All 3 rows of <code>silver_nyc_violations</code></summary>"))
    }

    static func pipeline(config: String) throws -> (Pipeline, String) {
        let folder = try Fixtures.temporaryFolder()
        let path = folder + "/curbside.yml"
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        let pipeline = try Pipeline(
            options: RunOptions(configPath: path, warehousePath: folder + "/w.sqlite", siteRoot: folder + "/site"),
            environment: [:], clock: FixedClock(seconds: 1_800_000_000),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), say: { _ in })
        return (pipeline, path)
    }

    @Test("a catalog key naming no column or table stops with exit 2, the file, line and key, and what there is")
    func unknownNames() throws {
        let (pipeline, path) = try Self.pipeline(
            config: "site:\n  title: T\ncatalog:\n  silver_nyc_violations.fine: \"x\"\n  gold_nyc_daily: \"y\"\n")
        defer { Fixtures.removeTemporaryFolder((path as NSString).deletingLastPathComponent) }
        let reader = CatalogReader(runner: pipeline.warehouse)
        let tables = try reader.tables().map(\.name)
        #expect(tables.contains("bronze_row_json") && tables.contains("superseded") && !tables.contains("runs"))
        do {
            try pipeline.checkDescriptions(tables: tables, reader: reader)
            Issue.record("no error")
        } catch let error as CommandError {
            #expect(error.exitCode == 2)
            #expect(
                error.description
                    == "\(path):4: key 'catalog.silver_nyc_violations.fine' names no column of silver_nyc_violations; "
                    + "its columns: summons_number, bronze_row_id, partition_key, issue_date, violation_time_minutes, "
                    + "violation, violation_status, fine_amount_cents, penalty_amount_cents, interest_amount_cents, "
                    + "reduction_amount_cents, payment_amount_cents, amount_due_cents, judgment_entry_date, plate, state, "
                    + "license_type, county, precinct, issuing_agency, fine_amount, payment_amount, amount_due")
        }
        let (other, otherPath) = try Self.pipeline(config: "catalog:\n  silver_nyc_violation: \"x\"\n")
        defer { Fixtures.removeTemporaryFolder((otherPath as NSString).deletingLastPathComponent) }
        do {
            try other.checkDescriptions(tables: tables, reader: reader)
            Issue.record("no error for an unknown table")
        } catch {
            #expect(
                "\(error)".hasPrefix(
                    "\(otherPath):2: key 'catalog.silver_nyc_violation' names no table of the data catalog; its tables: "
                        + "bronze_pages, bronze_row_json, bronze_rows, silver_chicago_crashes, "))
        }
    }

    @Test("the repository's curbside.yml describes every silver and gold table and column")
    func descriptionsComplete() throws {
        let config = try CurbsideConfig(
            yaml: String(contentsOfFile: Fixtures.path("curbside.yml"), encoding: .utf8), file: "curbside.yml")
        let reader = CatalogReader(runner: try Warehouse(path: ":memory:"))
        var missing: [String] = []
        for (table, layer) in try reader.tables() where layer == .silver || layer == .gold {
            if config.catalog.descriptions[table] == nil { missing.append(table) }
            for column in try reader.columns(of: table)
            where config.catalog.descriptions["\(table).\(column.name)"] == nil {
                missing.append("\(table).\(column.name)")
            }
        }
        #expect(missing.isEmpty, "no description in curbside.yml for: \(missing.joined(separator: ", "))")
    }

    /// Statistics kept per partition (and merged, and cached between builds) are the whole-table statistics: on the
    /// built sample from an empty cache and from a full one, and after a day is fetched again with other rows.
    @Test("per-partition statistics, cached or not, equal the whole table's")
    func partitionStatisticsEqualTheWholeTable() async throws {
        let folder = try Fixtures.temporaryFolder("curbside-catalog-cache")
        defer { Fixtures.removeTemporaryFolder(folder) }
        var options = SiteFixture.options(folder)
        options.only = nil
        _ = try await SiteFixture.build(options)
        let pipeline = try Pipeline(
            options: options, environment: [:], clock: FixedClock(seconds: 1_800_000_000),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), say: { _ in })
        let warehouse = pipeline.warehouse
        func compare(_ label: String, slicing: Bool = false) throws {
            var scope = CatalogScope(
                nyc: NYCWindow(asOf: try pipeline.nycAsOf(), config: pipeline.config.nyc),
                chicago: try pipeline.chicagoWindowIfEnabled())
            scope.known = try CatalogScope.partitions(in: warehouse)
            let plain = CatalogReader(runner: warehouse)
            let cached = CatalogReader(runner: warehouse, cache: WarehouseCatalogCache(warehouse: warehouse))
            var partitioned = 0
            var uniques: [String] = []
            var sources: [CatalogSource] = []
            var alone: [CatalogTable] = []
            for (name, layer) in try plain.tables() {
                guard
                    let source = scope.source(for: name, layer: layer, columns: try plain.columns(of: name).map(\.name))
                else { continue }
                var whole = source
                whole.partitions = nil
                if source.partitions != nil { partitioned += 1 }
                let expected = try plain.table(whole)
                sources.append(source)
                alone.append(withSource(expected, source))
                #expect(try cached.table(source) == withSource(expected, source), "\(label): \(name)")
                #expect(try cached.table(source) == withSource(expected, source), "\(label), again: \(name)")
                // Columns a unique index keeps apart: the same figures without hashing their values.
                let unique = try plain.uniqueColumns(of: name)
                guard !unique.subtracting(source.loadColumns).isEmpty else { continue }
                uniques.append(name)
                var keptApart = source
                keptApart.uniqueColumns = unique
                var wholeKeptApart = keptApart
                wholeKeptApart.partitions = nil
                let counted = try plain.table(wholeKeptApart)
                #expect(try cached.table(keptApart) == withSource(counted, keptApart), "\(label), unique: \(name)")
                #expect(counted.columns.map(\.name) == expected.columns.map(\.name))
                for (a, b) in zip(counted.columns, expected.columns) {
                    let summary: CatalogColumn.Summary =
                        unique.contains(a.name) && b.summary == .full ? .unique : b.summary
                    #expect(a.summary == summary, "\(name).\(a.name)")
                    #expect(a.nulls == b.nulls && a.distinct == b.distinct, "\(name).\(a.name)")
                    #expect(a.minimum == b.minimum && a.maximum == b.maximum, "\(name).\(a.name)")
                }
            }
            #expect(partitioned == 6, "bronze ×3, quarantine, superseded, silver_nyc_violations")
            // Read together, as a render reads them: bronze_row_json leaves the columns it shares with bronze_rows
            // (the same rows) to it, counting none of their values, and shows the same figures.
            #expect(sources.first { $0.table == "bronze_row_json" }?.sameRows == "bronze_rows")
            let together = try cached.tables(sources, csvs: [], limit: 0, runners: [warehouse]).tables
            for (table, expected) in zip(together, alone) {
                #expect(table == expected, "\(label), read together: \(table.source.table)")
            }
            let signatures = try warehouse.run(
                "SELECT DISTINCT signature FROM catalog_partition_statistics WHERE table_name = 'bronze_row_json'")
            #expect(signatures.rows.count == 1)
            #expect(signatures.rows.first?.first?.description.contains("record_id:full:elsewhere") == true)
            #expect(uniques.contains("silver_nyc_violations") && uniques.contains("silver_chicago_crashes"))
            // Every column's hashes kept apart from the entries, in slices (a build keeps those of more than 4,096
            // values a partition apart): the same figures, merged a slice at a time.
            guard slicing else { return }
            _ = try warehouse.write { db in try db.execute(sql: "DELETE FROM catalog_partition_statistics") }
            let apart = CatalogReader(
                runner: warehouse, cache: WarehouseCatalogCache(warehouse: warehouse), keptInEntry: 0)
            let sliced = try apart.tables(sources, csvs: [], limit: 0, runners: [warehouse]).tables
            for (table, expected) in zip(sliced, alone) {
                #expect(table == expected, "\(label), hashes kept apart: \(table.source.table)")
            }
            let slices = try warehouse.run(
                "SELECT count(*) FROM catalog_partition_hashes WHERE table_name = 'bronze_rows'")
            #expect(CatalogReader.int(slices.rows[0][0]) > 16, "\(label): \(slices.rows)")
            // A slice deleted by hand (the longest: record ids no other partition holds): its partition is counted
            // again, not merged short.
            _ = try warehouse.write { db in
                try db.execute(
                    sql: """
                        DELETE FROM catalog_partition_hashes WHERE rowid = (SELECT rowid FROM catalog_partition_hashes
                            WHERE table_name = 'bronze_rows' ORDER BY length(hashes) DESC, rowid LIMIT 1)
                        """)
            }
            #expect(try apart.tables(sources, csvs: [], limit: 0, runners: [warehouse]).tables == alone)
            // Entries with hashes kept apart, merged by a reader that would keep fewer apart.
            #expect(try cached.tables(sources, csvs: [], limit: 0, runners: [warehouse]).tables == alone)
        }
        func withSource(_ table: CatalogTable, _ source: CatalogSource) -> CatalogTable {
            var table = table
            table.source = source
            return table
        }
        #expect(try warehouse.run("SELECT count(*) FROM catalog_partition_statistics").rows != [[.integer(0)]])
        try compare("kept by the build")
        _ = try warehouse.write { db in try db.execute(sql: "DELETE FROM catalog_partition_statistics") }
        try compare("counted afresh", slicing: true)
        // The newest day fetched again with two other rows: its statistics are forgotten and counted again.
        let day = try warehouse.run(
            "SELECT max(key) FROM partitions WHERE dataset = 'nyc_violations' AND state = 'complete'"
        ).rows[0][0]
        func slices() throws -> Int {
            CatalogReader.int(
                try warehouse.run(
                    "SELECT count(*) FROM catalog_partition_hashes WHERE partition_key = '\(day.description)'"
                ).rows[0][0])
        }
        #expect(try slices() > 0)
        let b = NYCRowBuilder()
        let slashed = Day(iso: day.description)!.usSlashed
        let body = b.page([
            b.row(summons: "Z1", date: slashed, fine: "12345.67"), b.row(summons: "Z2", date: slashed, county: nil),
        ])
        try warehouse.commitPartition(
            dataset: .nycViolations, key: PartitionKey(day.description),
            pages: [
                BronzePage(
                    fetchID: nil, body: body, sha256: SHA256Hex.of(body),
                    rows: try FlatJSON.elementRanges(of: body).map { (nil, $0) })
            ], fetchedAt: 1_800_000_100)
        #expect(try slices() == 0, "the day's hashes kept apart are forgotten with its entries")
        _ = try await pipeline.clean()
        try compare("after the day changed")
        let fines = try warehouse.run(
            "SELECT max(fine_amount_cents) FROM silver_nyc_violations WHERE partition_key = '\(day.description)'")
        #expect(fines.rows == [[.integer(1_234_567)]])
        // A Chicago month fetched again, with a crash from the future: the Chicago clean rebuilds silver,
        // quarantine and superseded (their statistics forgotten), while the months of bronze it did not touch
        // keep theirs.
        func counted(_ table: String, _ key: String) throws -> [[SQLValue]] {
            try warehouse.run(
                "SELECT count(*) FROM catalog_partition_statistics WHERE table_name = '\(table)' "
                    + "AND dataset = 'chicago_crashes' AND partition_key = '\(key)'"
            ).rows
        }
        #expect(try counted("bronze_rows", "2021-09") == [[.integer(1)]])
        let crashes = Array(
            (#"[{"crash_record_id":"LATER","crash_date":"2030-01-01T00:00:00.000"},"#
                + #"{"crash_record_id":"NEW","crash_date":"2022-01-15T10:00:00.000"}]"#).utf8)
        try warehouse.commitPartition(
            dataset: .chicagoCrashes, key: PartitionKey("2022-01"),
            pages: [
                BronzePage(
                    fetchID: nil, body: crashes, sha256: SHA256Hex.of(crashes),
                    rows: zip(["LATER", "NEW"], try FlatJSON.elementRanges(of: crashes)).map { ($0, $1) })
            ], fetchedAt: 1_800_000_200)
        _ = try await pipeline.clean()
        #expect(try counted("bronze_rows", "2021-09") == [[.integer(1)]], "an untouched month keeps its figures")
        #expect(try counted("quarantine", "2022-01") == [[.integer(0)]])
        let quarantined = try warehouse.run("SELECT record_id FROM quarantine WHERE dataset = 'chicago_crashes'")
        #expect(quarantined.rows.contains([.text("LATER")]))
        try compare("after a Chicago month changed", slicing: true)
    }
}
