import CurbsideModel

/// A line chart of one or more named series over days or ordered labels, drawn as accessible inline SVG.
///
/// The y axis starts at 0 and ends on a round tick; each point is a small circle whose `<title>` gives the
/// series, the x value and the exact value; a `<desc>` summarises the data for screen readers.
public struct LineChart: Sendable, Hashable {
    /// What the x axis shows.
    public enum XAxis: Sendable, Hashable {
        /// Calendar days, placed by date so gaps in the data show as gaps.
        case days([Day])
        /// Ordered categories, evenly spaced.
        case labels([String])
        /// Numbers, placed by value on a linear axis (curves such as ROC: false-positive rate → true-positive rate).
        case numbers([Double])

        /// `days`, `labels` or `numbers`: how the x axis places its positions.
        var kind: String {
            switch self {
            case .days: return "days"
            case .labels: return "labels"
            case .numbers: return "numbers"
            }
        }

        var count: Int {
            switch self {
            case .days(let days): return days.count
            case .labels(let labels): return labels.count
            case .numbers(let numbers): return numbers.count
            }
        }
    }

    /// One named line; `nil` values are gaps.
    public struct Series: Sendable, Hashable {
        public var name: String
        public var values: [Double?]

        /// - Parameters:
        ///   - name: shown in the legend and in each point's title.
        ///   - values: one per x position; `nil` leaves a gap.
        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var x: XAxis
    public var series: [Series]
    public var format: ValueFormat
    /// What the y axis measures, shown above it; `nil` uses the format's unit (`US dollars`, `Percent`).
    public var yLabel: String?

    /// - Parameters:
    ///   - title: the chart's accessible name.
    ///   - x: the x positions.
    ///   - series: the lines, each with one value per x position.
    ///   - format: how values are written on the axis and in titles.
    ///   - yLabel: what the y axis measures; `nil` for the format's default unit.
    public init(title: String, x: XAxis, series: [Series], format: ValueFormat, yLabel: String? = nil) {
        self.title = title
        self.x = x
        self.series = series
        self.format = format
        self.yLabel = yLabel
    }

    /// The chart as SVG markup.
    /// - Parameter width: the view-box width; text keeps its size, so a narrower chart suits a phone.
    public func render(width: Double = 640) -> String { svg(width: width).render() }

    /// The chart as an SVG tree.
    /// - Parameter width: the view-box width (at least 280); text keeps its size, so a narrower chart suits a
    ///   phone.
    public func svg(width: Double = 640) -> SVGNode {
        let layout = LineChartLayout(chart: self, width: max(280, width))
        var children: [SVGNode] = [.title(title), .desc(summary), layout.legend()]
        if let unit = yLabel ?? format.defaultUnitLabel {
            children.append(.text(unit, x: 0, y: layout.top - 12, cssClass: "unit"))
        }
        children += [layout.yAxis(), layout.xAxis()]
        if layout.isEmpty {
            children.append(
                .text(
                    "No data", x: (layout.left + layout.right) / 2, y: (layout.top + layout.bottom) / 2,
                    anchor: "middle", cssClass: "empty"))
        }
        for (index, line) in series.enumerated() {
            children.append(layout.series(line, index: index))
        }
        // The plot box and the kind of x axis, so assets/explore.js can redraw a narrowed range the same way.
        return .svg(width: layout.width, height: layout.height, cssClass: "chart line-chart", children)
            .appending([SVGAttribute("data-plot", layout.plotBox), SVGAttribute("data-x", x.kind)])
    }

    /// The text of the x position `index`, for titles and the description.
    func xText(_ index: Int, long: Bool) -> String {
        switch x {
        case .days(let days): return long ? DateText.withWeekday(days[index]) : DateText.long(days[index])
        case .labels(let labels): return labels[index]
        case .numbers(let numbers): return NumberText.fixed(numbers[index], decimals: 3)
        }
    }
}
