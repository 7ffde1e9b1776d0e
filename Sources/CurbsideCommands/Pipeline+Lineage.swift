import CurbsideAggregate
import CurbsideIngest
import CurbsideModel
import CurbsideRender
import CurbsideWarehouse
import Foundation

/// `lineage.json`: the graph from portal endpoints through bronze, silver and gold to files and pages,
/// with row counts and hashes. No clock-dependent facts: those stay in the warehouse.
struct LineageDocument: Codable {
    struct Node: Codable {
        var id: String
        var kind: String
        var label: String
        var rows: Int?
        var hash: String?
    }
    struct Edge: Codable {
        var source: String
        var target: String
    }
    var asOf: String
    var nodes: [Node]
    var edges: [Edge]

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of"
        case nodes, edges
    }
}

extension Pipeline {
    func lineageJSON(gold: NYCGold, window: NYCWindow, pages: [ContentPage]) throws -> String {
        let range = "partition_key BETWEEN '\(window.first.iso)' AND '\(window.last.iso)'"
        func count(_ sql: String) throws -> Int {
            if case .integer(let n) = try warehouse.run(sql).rows.first?.first { return Int(n) }
            return 0
        }
        let bronzeRows = try count(
            """
            SELECT count(*) FROM bronze_rows b JOIN partitions p ON p.dataset = b.dataset AND p.key = b.partition_key
            AND p.generation = b.generation WHERE b.dataset = 'nyc_violations' AND b.\(range)
            """)
        let hashes = try dataHashes(window: window)
        let endpoint = "\(config.nyc.portalURL)/resource/\(config.nyc.datasetID).json"
        var nodes: [LineageDocument.Node] = [
            .init(
                id: "endpoint:nyc", kind: "endpoint",
                label:
                    "GET \(endpoint) ($where issue_date = each day \(window.first.iso)…\(window.last.iso), $order :id)",
                rows: bronzeRows, hash: nil),
            .init(
                id: "bronze:nyc_violations", kind: "bronze",
                label: "bronze_rows (nyc_violations, latest fetch of each day)",
                rows: bronzeRows, hash: hashes["nyc.window_rows"]),
            .init(
                id: "silver:silver_nyc_violations", kind: "silver", label: "silver_nyc_violations",
                rows: gold.silverRows,
                hash: nil),
            .init(
                id: "quarantine:nyc_violations", kind: "quarantine", label: "quarantine (nyc_violations)",
                rows: gold.quarantinedRows, hash: nil),
        ]
        var edges: [LineageDocument.Edge] = [
            .init(source: "endpoint:nyc", target: "bronze:nyc_violations"),
            .init(source: "bronze:nyc_violations", target: "silver:silver_nyc_violations"),
            .init(source: "bronze:nyc_violations", target: "quarantine:nyc_violations"),
        ]
        let goldTables: [(table: String, file: String, rows: Int)] = [
            ("gold_nyc_daily", "nyc_daily_financials.csv", gold.daily.count),
            ("gold_nyc_weekly", "nyc_weekly_financials.csv", gold.weekly.count),
            ("gold_nyc_top_violations", "nyc_top_violations.csv", gold.topViolations.count),
            ("gold_nyc_by_agency", "nyc_by_agency.csv", gold.byAgency.count),
            ("gold_nyc_by_county", "nyc_by_county.csv", gold.byCounty.count),
            ("gold_nyc_by_hour", "nyc_by_hour.csv", gold.byHour.count),
        ]
        let csvHashes = Dictionary(uniqueKeysWithValues: gold.csvFiles.map { ($0.name, SHA256Hex.of($0.text)) })
        for g in goldTables {
            nodes.append(.init(id: "gold:\(g.table)", kind: "gold", label: g.table, rows: g.rows, hash: nil))
            nodes.append(
                .init(
                    id: "file:data/\(g.file)", kind: "file", label: "data/\(g.file)", rows: g.rows,
                    hash: csvHashes[g.file]))
            edges.append(.init(source: "silver:silver_nyc_violations", target: "gold:\(g.table)"))
            edges.append(.init(source: "gold:\(g.table)", target: "file:data/\(g.file)"))
        }
        for page in pages.sorted(by: { $0.outputPath < $1.outputPath }) {
            nodes.append(.init(id: "page:\(page.outputPath)", kind: "page", label: page.title, rows: nil, hash: nil))
            var sources = Set<String>()
            for query in page.queries {
                if let table = try? warehouse.run(query.sql) { sources.formUnion(table.sources) }
            }
            for source in sources.sorted() {
                let kind = source.hasPrefix("gold_") ? "gold" : source.hasPrefix("silver_") ? "silver" : "table"
                let id = kind == "table" ? "table:\(source)" : "\(kind):\(source)"
                if !nodes.contains(where: { $0.id == id }) {
                    nodes.append(.init(id: id, kind: kind, label: source, rows: nil, hash: nil))
                }
                edges.append(.init(source: id, target: "page:\(page.outputPath)"))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = LineageDocument(
            asOf: window.last.adding(days: config.nyc.windowEndDays).iso, nodes: nodes, edges: edges)
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
