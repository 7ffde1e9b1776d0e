/// A horizontal bar chart for ranked or ordered categories (top violations, agencies, hours of the day).
///
/// Labels sit left of the bars and are cut with an ellipsis past ``labelWidth``; each bar's `<title>`
/// holds the full label and the exact value, and the value is written at the bar's end. The value axis starts
/// at 0.
public struct BarChart: Sendable, Hashable {
    /// One category and its value; `nil` draws no bar and writes `—`.
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Double?

        public init(label: String, value: Double?) {
            self.label = label
            self.value = value
        }
    }

    /// Labels wider than this (in view-box units, about 30 capitals), or than 42% of a narrow chart, are
    /// truncated on the chart, never in titles.
    public static let labelWidth = 230.0

    public var title: String
    public var bars: [Bar]
    public var format: ValueFormat
    /// What the values count or measure (`Summonses`), used in the description and under the axis.
    public var valueLabel: String?

    /// - Parameters:
    ///   - title: the chart's accessible name.
    ///   - bars: the categories, drawn top to bottom in this order.
    ///   - format: how values are written.
    ///   - valueLabel: what the values are; `nil` for the format's default unit.
    public init(title: String, bars: [Bar], format: ValueFormat, valueLabel: String? = nil) {
        self.title = title
        self.bars = bars
        self.format = format
        self.valueLabel = valueLabel
    }

    /// The chart as SVG markup.
    /// - Parameter width: the view-box width; text keeps its size, so a narrower chart suits a phone.
    public func render(width: Double = 640) -> String { svg(width: width).render() }

    /// The chart as an SVG tree.
    /// - Parameter width: the view-box width (at least 280); labels get at most 42% of it.
    public func svg(width: Double = 640) -> SVGNode {
        let layout = BarChartLayout(chart: self, width: max(280, width))
        var children: [SVGNode] = [.title(title), .desc(summary), layout.grid()]
        if bars.isEmpty {
            children.append(.text("No data", x: layout.width / 2, y: 40, anchor: "middle", cssClass: "empty"))
        }
        children += bars.enumerated().map { layout.bar($1, row: $0) }
        if let unit = valueLabel ?? format.defaultUnitLabel {
            children.append(
                .text(
                    unit, x: (layout.left + layout.right) / 2, y: layout.height - 6, anchor: "middle", cssClass: "unit")
            )
        }
        return .svg(width: layout.width, height: layout.height, cssClass: "chart bar-chart", children)
    }

    /// One paragraph for `<desc>`: how many bars, then the highest and lowest.
    public var summary: String {
        let measure = valueLabel.map { " by \($0.lowercased())" } ?? ""
        let present = bars.filter { $0.value != nil }
        guard let high = present.max(by: { $0.value! < $1.value! }),
            let low = present.min(by: { $0.value! < $1.value! })
        else {
            return "Bar chart\(measure) with no data."
        }
        var text = "Bar chart of \(bars.count) \(bars.count == 1 ? "category" : "categories")\(measure)."
        text += " Highest: \(high.label), \(format.format(high.value!))."
        if bars.count > 1 {
            text += " Lowest: \(low.label), \(format.format(low.value!))."
        }
        return text
    }
}
