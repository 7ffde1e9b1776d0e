import CurbsideCharts
import CurbsideModel

/// `{{< chart query="daily" type="line" x="date" y="a,b" labels="A,B" format="money" title="…" >}}`: an inline
/// SVG line or bar chart in a `<figure>` whose caption names the source tables, the rows and the as-of date.
enum ChartTag {
    static let allowed = ["query", "type", "x", "y", "labels", "format", "title", "ylabel"]
    static let required = ["query", "type", "x", "y", "title"]
    /// View-box widths of the desktop and the phone drawing.
    static let wideWidth = 640.0
    static let narrowWidth = 360.0

    static func html(_ tag: Tag, file: String, results: inout QueryResults, asOf: Day) throws(RenderError) -> String {
        let attributes = try TagAttributes(tag, file: file, allowed: allowed, required: required)
        let type = attributes["type"]!.trimmed
        guard type == "line" || type == "bar" else {
            throw attributes.bad("type", "expected line or bar, found '\(type)'")
        }
        let format = try attributes.format("format")
        let query = try results.table(for: attributes)
        let x = try QueryResults.column(attributes["x"]!.trimmed, of: query, attributes)
        let yNames = attributes.list("y") ?? []
        var ys: [Int] = []
        for name in yNames { ys.append(try QueryResults.column(name, of: query, attributes)) }
        let labels = attributes.list("labels") ?? yNames
        guard labels.count == ys.count else {
            throw attributes.bad(
                "labels", "\(TableTag.counted(labels.count, "label")) for \(TableTag.counted(ys.count, "y column"))")
        }
        if type == "bar" && ys.count != 1 {
            throw attributes.bad("y", "a bar chart takes one y column, found \(ys.count)")
        }
        var series: [LineChart.Series] = []
        for (name, column) in zip(labels, ys) {
            series.append(LineChart.Series(name: name, values: try numbers(column, query, attributes)))
        }
        let valueFormat = format ?? ValueFormat.inferred(from: query.table.rows.map { $0[ys[0]] })
        let title = attributes["title"]!
        let ylabel = attributes["ylabel"]
        let xValues = query.table.rows.map { $0[x] }
        // A wide and a narrow drawing: CSS shows one, so chart text stays legible on phones without scripts.
        let svgs: [String]
        if type == "bar" {
            let bars = zip(xValues, series[0].values).map { BarChart.Bar(label: label($0), value: $1) }
            let chart = BarChart(title: title, bars: bars, format: valueFormat, valueLabel: ylabel)
            svgs = [chart.render(width: wideWidth), chart.render(width: narrowWidth)]
        } else {
            let days = xValues.map { value -> Day? in
                if case .text(let text) = value { return DateText.day(from: text) }
                return nil
            }
            let axis: LineChart.XAxis =
                days.allSatisfy { $0 != nil } ? .days(days.map { $0! }) : .labels(xValues.map(label))
            let chart = LineChart(title: title, x: axis, series: series, format: valueFormat, yLabel: ylabel)
            svgs = [chart.render(width: wideWidth), chart.render(width: narrowWidth)]
        }
        return "<figure class=\"chart-figure\">\n<figcaption><span class=\"figure-title\">\(escapeHTML(title))</span> "
            + Provenance.html(query: query.name, table: query.table, asOf: asOf)
            + "</figcaption>\n<div class=\"chart-frame chart-wide\">\n\(svgs[0])\n</div>\n"
            + "<div class=\"chart-frame chart-narrow\">\n\(svgs[1])\n</div>\n</figure>"
    }

    /// A category label: the text, or `(none)` for NULL.
    static func label(_ value: SQLValue) -> String {
        value.isNull ? "(none)" : value.description
    }

    /// A column's values as numbers (NULL is a gap).
    /// - Throws: `RenderError` naming the first value that is not a number.
    static func numbers(
        _ column: Int, _ query: (name: String, table: QueryTable), _ attributes: TagAttributes
    ) throws(RenderError) -> [Double?] {
        var values: [Double?] = []
        for (row, fields) in query.table.rows.enumerated() {
            let value = fields[column]
            if value.isNull {
                values.append(nil)
                continue
            }
            guard let number = value.number, number.isFinite else {
                throw attributes.error(
                    .notANumber(
                        tag: "chart", query: query.name, column: query.table.columns[column], row: row + 1,
                        value: value.description))
            }
            values.append(number)
        }
        return values
    }
}
