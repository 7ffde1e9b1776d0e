import CurbsideCharts
import CurbsideModel

/// `{{< table query="top10" columns="violation,violations" headers="Violation,Summonses" format="text,integer" >}}`:
/// an HTML table of a query's rows, numbers right-aligned, with a caption naming sources, rows and as-of date.
enum TableTag {
    static let allowed = ["query", "columns", "headers", "format", "title"]

    static func html(_ tag: Tag, file: String, results: inout QueryResults, asOf: Day) throws(RenderError) -> String {
        let attributes = try TagAttributes(tag, file: file, allowed: allowed, required: ["query"])
        let formats = try attributes.formats("format")
        let query = try results.table(for: attributes)
        let names = attributes.list("columns") ?? query.table.columns
        var columns: [Int] = []
        for name in names { columns.append(try QueryResults.column(name, of: query, attributes)) }
        let headers = attributes.list("headers") ?? names
        guard headers.count == columns.count else {
            throw attributes.bad("headers", "\(counted(headers.count, "name")) for \(counted(columns.count, "column"))")
        }
        if let formats, formats.count != columns.count && formats.count != 1 {
            throw attributes.bad(
                "format",
                "\(counted(formats.count, "format")) for \(counted(columns.count, "column")); give one, or one per column"
            )
        }
        let columnFormats = columns.enumerated().map { position, column in
            formats.map { $0.count == 1 ? $0[0] : $0[position] }
                ?? ValueFormat.inferred(from: query.table.rows.map { $0[column] })
        }
        return render(
            title: attributes["title"], headers: headers, columns: columns, formats: columnFormats,
            rows: query.table.rows, caption: Provenance.html(query: query.name, table: query.table, asOf: asOf))
    }

    static func render(
        title: String?, headers: [String], columns: [Int], formats: [ValueFormat], rows: [[SQLValue]], caption: String
    ) -> String {
        let numeric = formats.map { $0.isNumeric ? " class=\"num\"" : "" }
        var html = "<div class=\"table-frame\">\n<table class=\"data-table\">\n<caption>"
        if let title, !title.isEmpty { html += "<span class=\"figure-title\">\(escapeHTML(title))</span> " }
        html += caption + "</caption>\n<thead>\n<tr>"
        for (header, align) in zip(headers, numeric) {
            html += "<th scope=\"col\"\(align)>\(escapeHTML(header))</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        if rows.isEmpty {
            html += "<tr><td class=\"empty\" colspan=\"\(columns.count)\">No rows</td></tr>\n"
        }
        for row in rows {
            html += "<tr>"
            for (position, column) in columns.enumerated() {
                html += "<td\(numeric[position])>\(escapeHTML(formats[position].format(row[column])))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>"
    }

    /// `1 name`, `2 names`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
