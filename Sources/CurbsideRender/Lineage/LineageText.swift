import CurbsideCharts
import CurbsideModel

/// The words and tables beside the lineage drawing: its text alternative for screen readers, phones and print.
public enum LineageText {
    /// `gold table gold_nyc_daily: 31 rows, sha256 3f9c2a71…`: a node in one sentence.
    static func sentence(for node: LineageNode) -> String {
        var facts: [String] = []
        if let rows = node.rows {
            facts.append(ValueFormat.integer.format(Double(rows)) + (rows == 1 ? " row" : " rows"))
        }
        if let hash = node.hash { facts.append("sha256 " + hash) }
        if let detail = node.detail { facts.append(detail) }
        return "\(node.kind.noun) \(node.label)" + (facts.isEmpty ? "" : ": " + facts.joined(separator: ", "))
    }

    /// The body of the lineage page: the drawing in a captioned figure, then every node, every request and every
    /// figure as tables.
    /// - Parameters:
    ///   - graph: the version's lineage.
    ///   - headingLevel: the level of the section headings (2 on the page, 3 inside the report).
    ///   - figureLast: put the drawing after the tables, under its own heading (the report prints it on a page
    ///     of its own, turned to landscape).
    /// - Returns: HTML, every value escaped.
    public static func html(for graph: LineageGraph, headingLevel: Int = 2, figureLast: Bool = false) -> String {
        let h = "h\(headingLevel)"
        var html = "<p>Each step the published numbers passed through, from the portal's answer to the file or page "
        html += "you read, is counted and hashed: the same figures are in <a href=\"lineage.json\">lineage.json</a>. "
        html +=
            "Fetch times are on the health page, not here, so that this page stays the same for the same data.</p>\n"
        let figure = figureHTML(graph)
        if !figureLast { html += figure }
        html += tablesHTML(graph, heading: h)
        if figureLast { html += "<\(h) id=\"lineage-graph\">The graph</\(h)>\n" + figure }
        return html
    }

    static func figureHTML(_ graph: LineageGraph) -> String {
        let diagram = LineageDiagram(graph: graph)
        var html = "<figure class=\"chart-figure lineage-figure\">\n<figcaption><span class=\"figure-title\">"
        html += escapeHTML(diagram.title) + "</span> <span class=\"provenance\">Source: "
        html += "<code>lineage.json</code> · \(counted(graph.nodes.count, "node")), "
        html += "\(counted(graph.connectedEdges.count, "edge")) · data as of \(graph.asOf.iso)</span></figcaption>\n"
        html += "<div class=\"chart-frame lineage-frame\">\n" + diagram.render() + "\n</div>\n</figure>\n"
        return html
    }

    static func tablesHTML(_ graph: LineageGraph, heading h: String) -> String {
        let nodes = graph.nodes.sorted { ($0.kind.layer, $0.id) < ($1.kind.layer, $1.id) }
        let edges = graph.connectedEdges
        var html = "<\(h) id=\"lineage-nodes\">Every step</\(h)>\n"
        var rows: [[String]] = []
        for node in nodes {
            let feeds = edges.filter { $0.source == node.id }.compactMap { graph.node($0.target)?.label }
            rows.append([
                escapeHTML(node.kind.noun), escapeHTML(node.label),
                node.rows.map { ValueFormat.integer.format(Double($0)) } ?? "—",
                node.hash.map { "<code>" + escapeHTML(String($0.prefix(8))) + "</code>" } ?? "—",
                feeds.isEmpty ? "—" : feeds.map(escapeHTML).joined(separator: ", "),
            ])
        }
        html += table(
            title: "Nodes of the lineage graph, from the portal to the pages",
            caption:
                "Source: <code>lineage.json</code> · \(counted(nodes.count, "row")) · data as of \(graph.asOf.iso)",
            headers: ["Kind", "Name", "Rows", "SHA-256", "Feeds"], numeric: [2], rows: rows)
        let endpoints = nodes.filter { $0.kind == .endpoint }
        if !endpoints.isEmpty {
            html += "<\(h) id=\"lineage-requests\">Requests to the portals</\(h)>\n"
            for node in endpoints {
                html += "<p><strong>\(escapeHTML(node.label))</strong>"
                if let detail = node.detail { html += ": " + escapeHTML(detail) }
                html += "</p>\n"
                if let query = node.query { html += "<pre><code>" + escapeHTML(query) + "</code></pre>\n" }
            }
        }
        let pages = nodes.filter { $0.kind == .page && !($0.figures ?? []).isEmpty }
        if !pages.isEmpty {
            html += "<\(h) id=\"lineage-figures\">Charts and tables</\(h)>\n"
            var figureRows: [[String]] = []
            for page in pages {
                for figure in page.figures ?? [] {
                    figureRows.append([
                        escapeHTML(page.label), escapeHTML(figure.title), escapeHTML(figure.kind),
                        figure.sources.map { "<code>" + escapeHTML($0) + "</code>" }.joined(separator: ", "),
                        ValueFormat.integer.format(Double(figure.rows)),
                    ])
                }
            }
            html += table(
                title: "Every chart and table, with its source tables",
                caption: "Source: <code>lineage.json</code> · \(counted(figureRows.count, "row")) · "
                    + "data as of \(graph.asOf.iso)",
                headers: ["Page", "Figure", "Kind", "Source tables", "Rows"], numeric: [4], rows: figureRows)
        }
        return html
    }

    /// A data table of already-escaped cells.
    static func table(title: String, caption: String, headers: [String], numeric: Set<Int>, rows: [[String]])
        -> String
    {
        var html = "<div class=\"table-frame\">\n<table class=\"data-table\">\n<caption><span class=\"figure-title\">"
        html += escapeHTML(title) + "</span> <span class=\"provenance\">" + caption + "</span></caption>\n"
        html += "<thead>\n<tr>"
        for (index, header) in headers.enumerated() {
            html += "<th scope=\"col\"\(numeric.contains(index) ? " class=\"num\"" : "")>\(escapeHTML(header))</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                html += "<td\(numeric.contains(index) ? " class=\"num\"" : "")>\(cell)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        ValueFormat.integer.format(Double(count)) + " " + noun + (count == 1 ? "" : "s")
    }
}
