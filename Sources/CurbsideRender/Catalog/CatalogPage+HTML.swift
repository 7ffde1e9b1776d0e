import CurbsideCharts
import CurbsideModel

/// The pieces the catalog page is built of: cells, tables, facts, dates and counts, every value escaped.
extension CatalogPage {
    /// A table cell: its HTML and, for numbers, the raw value it sorts by.
    struct Cell {
        var html: String
        var sort: String? = nil

        static func number(_ value: Int) -> Cell { Cell(html: CatalogPage.integer(value), sort: String(value)) }
    }

    /// A value as stored: integers grouped, reals in full, text cut to `limit` characters; NULL `—`.
    static func valueCell(_ value: SQLValue?, limit: Int = 200) -> Cell {
        switch value {
        case nil, .null?: return Cell(html: "—")
        case .integer(let number)?: return Cell(html: integer(Int(number)), sort: String(number))
        case .real(let number)?: return Cell(html: escapeHTML(String(number)), sort: String(number))
        case .text(let text)?:
            let shown = text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
            return Cell(html: escapeHTML(shown))
        }
    }

    static func table(
        title: String, caption: String, headers: [String], numeric: Set<Int>, rows: [[Cell]], cssClass: String,
        pageSize: Int? = nil
    ) -> String {
        let paging = pageSize.map { " data-page-size=\"\($0)\"" } ?? ""
        var html = "<div class=\"table-frame\">\n<table class=\"data-table \(cssClass)\" data-sortable\(paging)>\n"
        html += "<caption><span class=\"figure-title\">\(escapeHTML(title))</span> "
        html += "<span class=\"provenance\">\(caption)</span></caption>\n<thead>\n<tr>"
        for (index, header) in headers.enumerated() {
            html += "<th scope=\"col\"\(numeric.contains(index) ? " class=\"num\"" : "")>\(escapeHTML(header))</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        if rows.isEmpty { html += "<tr><td class=\"empty\" colspan=\"\(headers.count)\">No rows</td></tr>\n" }
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                let align = numeric.contains(index) ? " class=\"num\"" : ""
                let sort = cell.sort.map { " data-sort=\"\(escapeHTML($0))\"" } ?? ""
                html += "<td\(align)\(sort)>\(cell.html)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    static func fact(_ term: String, _ html: String) -> String {
        "<div><dt>\(term)</dt><dd>\(html)</dd></div>\n"
    }

    /// `data as of 2019-11-23; 31 partitions, the newest 2019-10-23`, or one such clause per dataset
    /// (`nyc_violations: data as of …; chicago_crashes: …`) when the table holds several.
    func freshness(asOf: Day, _ parts: [CatalogTable.Part]) -> String {
        let clauses = parts.map { part -> String in
            let day = part.dataset.flatMap { asOfByDataset[$0] } ?? asOf
            var text = "data as of \(day.iso)"
            if let newest = part.newestPartition {
                text += ", \(Self.count(part.partitions, "partition")), the newest \(newest)"
            }
            return (parts.count > 1 ? part.dataset.map { $0 + ": " } ?? "" : "") + text
        }
        return clauses.isEmpty ? "data as of \(asOf.iso); no rows" : clauses.joined(separator: "; ")
    }

    /// The newest partition of each dataset, for the overview, as HTML: `2019-10-23`, or one line per dataset
    /// (`chicago_crashes 2022-09`).
    static func newest(_ parts: [CatalogTable.Part]) -> String {
        let partitioned = parts.filter { $0.newestPartition != nil }
        guard !partitioned.isEmpty else { return "—" }
        guard partitioned.count > 1 else { return escapeHTML(partitioned[0].newestPartition!) }
        return partitioned.map {
            "<span class=\"catalog-part\">" + escapeHTML(($0.dataset.map { $0 + " " } ?? "") + $0.newestPartition!)
                + "</span>"
        }.joined(separator: " ")
    }

    static func integer(_ value: Int) -> String { ValueFormat.integer.format(Double(value)) }

    static func count(_ value: Int, _ noun: String) -> String { integer(value) + " " + noun + (value == 1 ? "" : "s") }
}

extension SQLValue {
    /// Whether the value is stored as a number.
    var isNumber: Bool {
        switch self {
        case .integer, .real: return true
        case .null, .text: return false
        }
    }
}
