import CurbsideCharts
import CurbsideModel

/// `{{< table query="top10" columns="violation,violations" headers="Violation,Summonses" format="text,integer" >}}`:
/// an HTML table of a query's rows, numbers right-aligned, with a caption naming sources, rows and as-of date.
///
/// The table is marked `data-sortable` and numbers and dates carry their raw value in `data-sort`, so
/// `assets/explore.js` can sort, filter and page it; without scripts it is the whole table.
enum TableTag {
    static let allowed = ["query", "columns", "headers", "format", "title", "pagesize"]
    /// The rows per page an author may ask for with `pagesize`.
    static let pageSizes = 5...1000

    static func html(_ tag: Tag, file: String, results: inout QueryResults, asOf: Day) throws(RenderError) -> String {
        let attributes = try TagAttributes(tag, file: file, allowed: allowed, required: ["query"])
        let formats = try attributes.formats("format")
        var pageSize: Int?
        if let text = attributes["pagesize"]?.trimmed {
            guard let size = Int(text), pageSizes.contains(size) else {
                throw attributes.bad(
                    "pagesize",
                    "expected a whole number of rows per page from \(pageSizes.lowerBound) to \(pageSizes.upperBound), "
                        + "found '\(text)'")
            }
            pageSize = size
        }
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
            rows: query.table.rows, caption: Provenance.html(query: query.name, table: query.table, asOf: asOf),
            pageSize: pageSize)
    }

    static func render(
        title: String?, headers: [String], columns: [Int], formats: [ValueFormat], rows: [[SQLValue]], caption: String,
        pageSize: Int? = nil
    ) -> String {
        let numeric = formats.map { $0.isNumeric ? " class=\"num\"" : "" }
        let paging = pageSize.map { " data-page-size=\"\($0)\"" } ?? ""
        var html = "<div class=\"table-frame\">\n<table class=\"data-table\" data-sortable\(paging)>\n<caption>"
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
                let key = sortKey(row[column], formats[position]).map { " data-sort=\"\(escapeHTML($0))\"" } ?? ""
                html += "<td\(numeric[position])\(key)>\(escapeHTML(formats[position].format(row[column])))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>"
    }

    /// What a cell sorts by when its text would sort wrongly: the number behind `$1,234.50`, the ISO date behind
    /// `May 10, 2025`; nil for text and NULL (sorted by what they show, NULL last).
    static func sortKey(_ value: SQLValue, _ format: ValueFormat) -> String? {
        switch (format, value) {
        case (_, .null), (.text, _): return nil
        case (.date, .text(let text)): return DateText.day(from: text)?.iso
        case (.date, _): return nil
        case (_, .integer(let number)): return String(number)
        case (_, .real(let number)): return number.isFinite ? String(number) : nil
        case (_, .text(let text)): return Double(text).flatMap { $0.isFinite ? String($0) : nil }
        }
    }

    /// `1 name`, `2 names`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
