import CurbsideCharts
import CurbsideModel

/// `{{< value query="totals" column="fines" format="money" >}}`: one value from a one-row query, inline.
enum ValueTag {
    static let allowed = ["query", "column", "format"]

    static func html(_ tag: Tag, file: String, results: inout QueryResults) throws(RenderError) -> String {
        let attributes = try TagAttributes(tag, file: file, allowed: allowed, required: ["query"])
        let format = try attributes.format("format")
        let query = try results.table(for: attributes)
        let column: Int
        if let name = attributes["column"]?.trimmed {
            column = try QueryResults.column(name, of: query, attributes)
        } else if query.table.columns.count == 1 {
            column = 0
        } else {
            throw attributes.bad(
                "column",
                "query '\(query.name)' returns \(query.table.columns.count) columns; name one with column=\"…\"")
        }
        guard query.table.rows.count == 1 else {
            throw attributes.error(.notOneRow(tag: "value", query: query.name, rows: query.table.rows.count))
        }
        let value = query.table.rows[0][column]
        let text = (format ?? ValueFormat.inferred(from: [value])).format(value)
        return "<span class=\"value\">" + escapeHTML(text) + "</span>"
    }
}
