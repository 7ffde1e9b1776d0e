import CurbsideAggregate
import CurbsideIngest
import CurbsideModel
import CurbsideRender
import CurbsideWarehouse
import Foundation
import Logging

/// The version's lineage: endpoints → bronze → silver and quarantine → gold → files and pages, with row counts and
/// hashes, from the warehouse as it is. No clock-dependent fact enters it: fetch times stay in `fetches`.
extension Pipeline {
    /// The NYC part of the graph: the endpoint, its bronze rows, silver, quarantine, the gold tables and their CSVs.
    func nycLineage(gold: NYCGold, window: NYCWindow, asOf: Day) throws -> LineageGraph {
        let dataset = DatasetID.nycViolations.rawValue
        let range = "partition_key BETWEEN '\(window.first.iso)' AND '\(window.last.iso)'"
        let current = """
            JOIN partitions t ON t.dataset = b.dataset AND t.key = b.partition_key AND t.generation = b.generation
            WHERE b.dataset = '\(dataset)' AND b.\(range)
            """
        let bronzeRows = try count("SELECT coalesce(sum(b.rows), 0) FROM bronze_pages b \(current)")
        let pages = try warehouse.run(
            "SELECT b.sha256 FROM bronze_pages b \(current) ORDER BY b.partition_key, b.page_index")
        var pageHasher = SHA256Hasher()
        for row in pages.rows { pageHasher.updateField(row.first?.description ?? "") }
        let days = try count(
            "SELECT count(*) FROM partitions WHERE dataset = '\(dataset)' AND state = 'complete' AND key BETWEEN '\(window.first.iso)' AND '\(window.last.iso)'"
        )
        let endpoint = "\(config.nyc.portalURL)/resource/\(config.nyc.datasetID).json"
        var graph = LineageGraph(asOf: asOf)
        graph.add(
            LineageNode(
                id: "endpoint:\(dataset)", kind: .endpoint, label: "\(config.nyc.datasetID) (NYC open data)",
                rows: bronzeRows, hash: pageHasher.hex(),
                query: """
                    GET \(endpoint)
                        ?$where=issue_date='MM/DD/YYYY'   one request per issue date, \(window.first.iso) to \(window.last.iso)
                        &$order=:id
                        &$limit=\(config.ingest.pageSize)&$offset=0, \(config.ingest.pageSize), …
                    """,
                detail: "\(days) day(s) of issue dates in \(pages.rows.count) response page(s); the hash covers the "
                    + "SHA-256 of every response body kept"
                    + (options.sample ? "; served by the bundled portal simulator" : "")))
        graph.add(
            LineageNode(
                id: "bronze:\(dataset)", kind: .bronze, label: "bronze_rows (\(dataset))", rows: bronzeRows,
                hash: try dataHashes(window: window)["nyc.window_rows"],
                detail: "the rows exactly as received, latest fetch of each day"))
        graph.add(
            LineageNode(
                id: "silver:silver_nyc_violations", kind: .silver, label: "silver_nyc_violations", rows: gold.silverRows
            ))
        graph.add(
            LineageNode(
                id: "quarantine:\(dataset)", kind: .quarantine, label: "quarantine (\(dataset))",
                rows: gold.quarantinedRows,
                detail: "rows set aside with the rule they broke"))
        graph.connect("endpoint:\(dataset)", to: "bronze:\(dataset)")
        graph.connect("bronze:\(dataset)", to: "silver:silver_nyc_violations")
        graph.connect("bronze:\(dataset)", to: "quarantine:\(dataset)")
        let tables: [(table: String, file: String, rows: Int)] = [
            ("gold_nyc_daily", "nyc_daily_financials.csv", gold.daily.count),
            ("gold_nyc_weekly", "nyc_weekly_financials.csv", gold.weekly.count),
            ("gold_nyc_top_violations", "nyc_top_violations.csv", gold.topViolations.count),
            ("gold_nyc_by_agency", "nyc_by_agency.csv", gold.byAgency.count),
            ("gold_nyc_by_county", "nyc_by_county.csv", gold.byCounty.count),
            ("gold_nyc_by_hour", "nyc_by_hour.csv", gold.byHour.count),
        ]
        let csvHashes = Dictionary(uniqueKeysWithValues: gold.csvFiles.map { ($0.name, SHA256Hex.of($0.text)) })
        for table in tables {
            graph.add(
                LineageNode(
                    id: "gold:\(table.table)", kind: .gold, label: table.table, rows: table.rows,
                    hash: csvHashes[table.file]))
            graph.add(
                LineageNode(
                    id: "file:data/\(table.file)", kind: .file, label: "data/\(table.file)", rows: table.rows,
                    hash: csvHashes[table.file]))
            graph.connect("silver:silver_nyc_violations", to: "gold:\(table.table)")
            graph.connect("gold:\(table.table)", to: "file:data/\(table.file)")
        }
        return graph
    }

    /// Adds each page, its charts and tables, and an edge from every table its queries read; then the report, which
    /// holds every page.
    func addPages(_ pages: [ContentPage], queries: any QueryRunner, to graph: inout LineageGraph) throws {
        var reportSources: [String] = []
        for page in pages.sorted(by: { $0.outputPath < $1.outputPath }) {
            let figures: [LineageFigure]
            let unused: [NamedQuery]
            do {
                figures = try PageFigures.figures(of: page, queries: queries)
                unused = try page.unusedQueries()
            } catch {
                throw CommandError(.failed("\(error)"))
            }
            // A query no tag names draws nothing, so it is not run (it could only cost time, or never end).
            for query in unused {
                logger.warning(
                    "\(page.file):\(query.line): query '\(query.name)' is not used by any tag of the page; it is not run"
                )
            }
            var sources = Set(figures.flatMap(\.sources))
            // Value tags draw no figure, but what they read is on the page too.
            for query in page.queries where !unused.contains(query) {
                if let table = try? queries.run(query.sql) { sources.formUnion(table.sources) }
            }
            let id = "page:\(page.outputPath)"
            graph.add(LineageNode(id: id, kind: .page, label: page.outputPath, detail: page.title, figures: figures))
            for source in sources.sorted() {
                for node in lineageNodes(forTable: source, in: &graph) { graph.connect(node, to: id) }
            }
            reportSources += sources
        }
        graph.add(
            LineageNode(id: "page:report.html", kind: .page, label: "report.html", detail: "every page, for print"))
        for source in Set(reportSources).sorted() {
            for node in lineageNodes(forTable: source, in: &graph) { graph.connect(node, to: "page:report.html") }
        }
    }

    /// The nodes standing for a warehouse table a query read, added when the graph lacks them.
    private func lineageNodes(forTable table: String, in graph: inout LineageGraph) -> [String] {
        if table == "quarantine" {
            let ids = graph.nodes.filter { $0.kind == .quarantine }.map(\.id)
            if !ids.isEmpty { return ids }
        }
        if table.hasPrefix("bronze_") { return graph.nodes.filter { $0.kind == .bronze }.map(\.id) }
        if table == "models" || table.hasPrefix("model_") {
            let ids = graph.nodes.filter { $0.kind == .model }.map(\.id)
            if !ids.isEmpty { return ids }
        }
        let kind: LineageNode.Kind =
            table.hasPrefix("gold_")
            ? .gold : table.hasPrefix("silver_") ? .silver : table == "quarantine" ? .quarantine : .table
        let id = "\(kind.rawValue):\(table)"
        if graph.node(id) == nil { graph.add(LineageNode(id: id, kind: kind, label: table)) }
        return [id]
    }

    /// The whole number a one-value query returns (0 for none).
    func count(_ sql: String) throws -> Int {
        if case .integer(let n) = try warehouse.run(sql).rows.first?.first { return Int(n) }
        return 0
    }
}
