import CurbsideCharts
import CurbsideModel

/// `{{< chart query="daily" type="line" x="date" y="a,b" labels="A,B" format="money" title="…" >}}`: an inline
/// SVG chart in a `<figure>` whose caption names the source tables, the rows and the as-of date.
///
/// Types: `line` and `bar` (x, y), `heatmap` (x, y, value: see ``heatMap(_:query:format:)``) and `map` (lat,
/// lng, value: see ``gridMap(_:query:format:)``). Each is drawn twice, wide and narrow; CSS shows one.
enum ChartTag {
    /// A chart type and the attributes it takes.
    enum Kind: String, CaseIterable {
        case line
        case bar
        case heatmap
        case map

        var allowed: [String] {
            switch self {
            case .line: return ["query", "type", "x", "xaxis", "y", "labels", "format", "title", "ylabel"]
            case .bar: return ["query", "type", "x", "y", "labels", "format", "title", "ylabel"]
            case .heatmap: return ["query", "type", "x", "y", "value", "xlabels", "ylabels", "format", "title"]
            case .map: return ["query", "type", "lat", "lng", "value", "cell", "format", "title"]
            }
        }

        var required: [String] {
            switch self {
            case .line, .bar: return ["query", "type", "x", "y", "title"]
            case .heatmap: return ["query", "type", "x", "y", "value", "title"]
            case .map: return ["query", "type", "lat", "lng", "value", "title"]
            }
        }

        /// `line, bar, heatmap or map`.
        static var names: String {
            allCases.dropLast().map(\.rawValue).joined(separator: ", ") + " or " + allCases.last!.rawValue
        }
    }

    /// Every attribute some type takes, in the order messages list them.
    static let allowed = [
        "query", "type", "x", "xaxis", "y", "labels", "value", "lat", "lng", "cell", "xlabels", "ylabels", "format",
        "title", "ylabel",
    ]
    /// View-box widths of the desktop and the phone drawing.
    static let wideWidth = 640.0
    static let narrowWidth = 360.0

    static func html(_ tag: Tag, file: String, results: inout QueryResults, asOf: Day) throws(RenderError) -> String {
        let kind = try kind(of: tag, file: file)
        let attributes = try TagAttributes(tag, file: file, allowed: kind.allowed, required: kind.required)
        let format = try attributes.format("format")
        let query = try results.table(for: attributes)
        let title = attributes["title"]!
        // A wide and a narrow drawing: CSS shows one, so chart text stays legible on phones without scripts.
        let svgs: [String]
        switch kind {
        case .line, .bar:
            svgs = try lineOrBar(kind, attributes, query: query, format: format)
        case .heatmap:
            let chart = try heatMap(attributes, query: query, format: format)
            svgs = [chart.render(width: wideWidth), chart.render(width: narrowWidth)]
        case .map:
            let chart = try gridMap(attributes, query: query, format: format)
            svgs = [chart.render(width: wideWidth), chart.render(width: narrowWidth)]
        }
        return "<figure class=\"chart-figure\">\n<figcaption><span class=\"figure-title\">\(escapeHTML(title))</span> "
            + Provenance.html(query: query.name, table: query.table, asOf: asOf)
            + "</figcaption>\n<div class=\"chart-frame chart-wide\">\n\(svgs[0])\n</div>\n"
            + "<div class=\"chart-frame chart-narrow\">\n\(svgs[1])\n</div>\n"
            + (try dataBlock(kind, attributes, query: query, format: format)) + "\n</figure>"
    }

    /// The tag's `type`, after checking that every attribute is one some chart takes and that this type takes it.
    /// - Throws: `RenderError` for an unknown attribute, a missing or unknown type, or an attribute of another type.
    static func kind(of tag: Tag, file: String) throws(RenderError) -> Kind {
        let attributes = try TagAttributes(tag, file: file, allowed: allowed, required: ["type"])
        let type = attributes["type"]!.trimmed
        guard let kind = Kind(rawValue: type) else {
            throw attributes.bad("type", "expected \(Kind.names), found '\(type)'")
        }
        for attribute in tag.attributes where !kind.allowed.contains(attribute.name) {
            throw attributes.bad(
                attribute.name,
                "not used by a \(type) chart; a \(type) chart takes: \(kind.allowed.joined(separator: ", "))")
        }
        return kind
    }

    static func lineOrBar(
        _ kind: Kind, _ attributes: TagAttributes, query: (name: String, table: QueryTable), format: ValueFormat?
    ) throws(RenderError) -> [String] {
        if let xaxis = attributes["xaxis"]?.trimmed, xaxis != "linear" {
            throw attributes.bad("xaxis", "expected linear (numbers placed by value), found '\(xaxis)'")
        }
        let x = try QueryResults.column(attributes["x"]!.trimmed, of: query, attributes)
        let yNames = attributes.list("y") ?? []
        var ys: [Int] = []
        for name in yNames { ys.append(try QueryResults.column(name, of: query, attributes)) }
        let labels = attributes.list("labels") ?? yNames
        guard labels.count == ys.count else {
            throw attributes.bad(
                "labels", "\(TableTag.counted(labels.count, "label")) for \(TableTag.counted(ys.count, "y column"))")
        }
        if kind == .bar && ys.count != 1 {
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
        if kind == .bar {
            let bars = zip(xValues, series[0].values).map { BarChart.Bar(label: label($0), value: $1) }
            let chart = BarChart(title: title, bars: bars, format: valueFormat, valueLabel: ylabel)
            return [chart.render(width: wideWidth), chart.render(width: narrowWidth)]
        }
        let axis: LineChart.XAxis
        switch attributes["xaxis"]?.trimmed {
        case nil, "":
            let days = xValues.map { value -> Day? in
                if case .text(let text) = value { return DateText.day(from: text) }
                return nil
            }
            axis = days.allSatisfy { $0 != nil } ? .days(days.map { $0! }) : .labels(xValues.map(label))
        case "linear":
            // Numbers placed by value; a row without an x cannot be placed and is an error.
            var positions: [Double] = []
            for (row, value) in try numbers(x, query, attributes).enumerated() {
                guard let value else {
                    throw attributes.error(
                        .notANumber(
                            tag: "chart", query: query.name, column: query.table.columns[x], row: row + 1, value: ""))
                }
                positions.append(value)
            }
            axis = .numbers(positions)
        default:
            axis = .labels(xValues.map(label))
        }
        let chart = LineChart(title: title, x: axis, series: series, format: valueFormat, yLabel: ylabel)
        return [chart.render(width: wideWidth), chart.render(width: narrowWidth)]
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
