import CurbsideCharts
import CurbsideModel

/// The line under every chart and table that says where its numbers come from.
enum Provenance {
    /// `Source: gold_nyc_daily · 31 rows · data as of 2025-06-10`, as escaped HTML.
    /// - Parameters:
    ///   - query: the query's name, named when the warehouse reported no source tables.
    ///   - table: the query's result.
    ///   - asOf: the build's as-of date.
    static func html(query: String, table: QueryTable, asOf: Day) -> String {
        let sources =
            table.sources.isEmpty
            ? "query " + escapeHTML(query)
            : table.sources.map { "<code>" + escapeHTML($0) + "</code>" }.joined(separator: ", ")
        let label = table.sources.count > 1 ? "Sources" : "Source"
        let rows = ValueFormat.integer.format(Double(table.rows.count)) + (table.rows.count == 1 ? " row" : " rows")
        return "<span class=\"provenance\">\(label): \(sources) · \(rows) · data as of \(asOf.iso)</span>"
    }
}
