import CurbsideCharts
import CurbsideModel

/// The rows behind a chart, embedded beside its drawings for `assets/explore.js` (tooltips, a narrowed date range,
/// series toggles, the CSV download). Without scripts the block is inert and the SVG says everything.
extension ChartTag {
    /// `<script type="application/json" class="chart-data">{"type":"line","format":"money","columns":[…],
    /// "labels":[…],"rows":[[…],…]}</script>`: a data block, which browsers never run, with `<`, `>` and `&`
    /// escaped in every string so no value can end the element.
    ///
    /// `columns` are the query's names of the columns drawn: x then each y (line, bar), x, y and value (heatmap),
    /// lat, lng and value (map); `labels` name the series of a line or bar chart; each row holds those columns'
    /// values as the warehouse returned them (numbers as numbers, NULL as `null`).
    /// - Throws: `RenderError` for a column the query lacks (already checked when drawing).
    static func dataBlock(
        _ kind: Kind, _ attributes: TagAttributes, query: (name: String, table: QueryTable), format: ValueFormat?
    ) throws(RenderError) -> String {
        let names: [String]
        var labels: [String] = []
        switch kind {
        case .line, .bar:
            let ys = attributes.list("y") ?? []
            names = [attributes["x"]!.trimmed] + ys
            labels = attributes.list("labels") ?? ys
        case .heatmap: names = ["x", "y", "value"].map { attributes[$0]!.trimmed }
        case .map: names = ["lat", "lng", "value"].map { attributes[$0]!.trimmed }
        }
        var columns: [Int] = []
        for name in names { columns.append(try QueryResults.column(name, of: query, attributes)) }
        let valueFormat =
            format
            ?? ValueFormat.inferred(from: query.table.rows.map { $0[columns[kind == .line || kind == .bar ? 1 : 2]] })
        var json = "{\"type\":\(JSONString.quoted(kind.rawValue)),\"format\":\(JSONString.quoted(valueFormat.rawValue))"
        json +=
            ",\"columns\":[" + columns.map { JSONString.quoted(query.table.columns[$0]) }.joined(separator: ",") + "]"
        json += ",\"labels\":[" + labels.map(JSONString.quoted).joined(separator: ",") + "],\"rows\":["
        json += query.table.rows.map { row in "[" + columns.map { Self.json(row[$0]) }.joined(separator: ",") + "]" }
            .joined(separator: ",")
        return "<script type=\"application/json\" class=\"chart-data\">" + json + "]}</script>"
    }

    /// One warehouse value as JSON: a number, a string or `null` (also for a number JSON cannot hold).
    static func json(_ value: SQLValue) -> String {
        switch value {
        case .null: return "null"
        case .integer(let number): return String(number)
        case .real(let number): return number.isFinite ? String(number) : "null"
        case .text(let text): return JSONString.quoted(text)
        }
    }
}
