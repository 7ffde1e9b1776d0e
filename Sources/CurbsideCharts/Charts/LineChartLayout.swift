import CurbsideModel

/// Where the parts of a ``LineChart`` go: margins from the labels' sizes, then the scales.
struct LineChartLayout {
    let chart: LineChart
    let width: Double
    let scale: NiceScale
    let tickLabels: [String]
    /// The x scale of a numeric axis.
    let xScale: NiceScale?
    let height = 360.0
    let top: Double
    let left: Double
    let right: Double
    let bottom: Double
    private let legendRows: [[(index: Int, x: Double)]]

    init(chart: LineChart, width: Double) {
        self.chart = chart
        self.width = width
        let values = chart.series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        scale = NiceScale(
            minimum: values.min() ?? 0, maximum: values.max() ?? 1, integral: chart.format == .integer)
        tickLabels = chart.format.tickLabels(scale.ticks)
        if case .numbers(let numbers) = chart.x {
            let finite = numbers.filter(\.isFinite)
            xScale = NiceScale(minimum: finite.min() ?? 0, maximum: finite.max() ?? 1)
        } else {
            xScale = nil
        }
        legendRows = Self.legendRows(chart.series.map(\.name), width: width)
        top = 8 + Double(legendRows.count) * 20 + 30
        left = max(40, (tickLabels.map(ChartMetrics.width(of:)).max() ?? 0) + 14)
        right = width - 24
        bottom = height - 30
    }

    /// `left top right bottom` of the plot area, in view-box units.
    var plotBox: String { [left, top, right, bottom].map { SVGNumber.format($0) }.joined(separator: " ") }

    var isEmpty: Bool { chart.x.count == 0 || chart.series.allSatisfy { $0.values.allSatisfy { $0 == nil } } }

    func y(_ value: Double) -> Double {
        bottom - (bottom - top) * scale.fraction(value)
    }

    /// The x of position `index`: by date for days, evenly spaced for labels.
    func x(_ index: Int) -> Double {
        switch chart.x {
        case .days(let days):
            guard let first = days.min(), let last = days.max(), last > first else { return (left + right) / 2 }
            return left + (right - left) * Double(days[index] - first) / Double(last - first)
        case .labels(let labels):
            guard labels.count > 1 else { return (left + right) / 2 }
            return left + (right - left) * Double(index) / Double(labels.count - 1)
        case .numbers(let numbers):
            return position(numbers[index])
        }
    }

    /// The x of a value on a numeric axis.
    func position(_ value: Double) -> Double {
        guard let xScale else { return (left + right) / 2 }
        return left + (right - left) * xScale.fraction(value)
    }

    static func legendRows(_ names: [String], width chartWidth: Double) -> [[(index: Int, x: Double)]] {
        var rows: [[(index: Int, x: Double)]] = [[]]
        var cursor = 0.0
        for (index, name) in names.enumerated() {
            let width = 18 + ChartMetrics.width(of: name) + 20
            if cursor > 0 && cursor + width > chartWidth {
                rows.append([])
                cursor = 0
            }
            rows[rows.count - 1].append((index, cursor))
            cursor += width
        }
        return rows
    }

    func legend() -> SVGNode {
        var items: [SVGNode] = []
        for (row, entries) in legendRows.enumerated() {
            let baseline = 8 + Double(row) * 20 + 10
            for entry in entries {
                items.append(
                    .group(
                        "legend-item " + ChartMetrics.seriesClass(entry.index),
                        [
                            .rect(x: entry.x, y: baseline - 6, width: 12, height: 12, cssClass: "swatch"),
                            .text(
                                chart.series[entry.index].name, x: entry.x + 18, y: baseline, dy: "0.32em",
                                cssClass: "legend-label"),
                        ]))
            }
        }
        return .group("legend", items)
    }

    func yAxis() -> SVGNode {
        var grid: [SVGNode] = []
        for (tick, label) in zip(scale.ticks, tickLabels) {
            let cssClass = tick == 0 ? "baseline" : "gridline"
            grid.append(.line(x1: left, y1: y(tick), x2: right, y2: y(tick), cssClass: cssClass))
            grid.append(.text(label, x: left - 8, y: y(tick), anchor: "end", dy: "0.32em", cssClass: "tick-label"))
        }
        return .group("axis y-axis", grid)
    }

    func xAxis() -> SVGNode {
        var nodes: [SVGNode] = []
        if let xScale {
            for (tick, label) in zip(xScale.ticks, ValueFormat.decimal.tickLabels(xScale.ticks)) {
                nodes.append(
                    .line(x1: position(tick), y1: bottom, x2: position(tick), y2: bottom + 5, cssClass: "tick"))
                nodes.append(.text(label, x: position(tick), y: bottom + 19, anchor: "middle", cssClass: "tick-label"))
            }
            return .group("axis x-axis", nodes)
        }
        for index in tickIndices() {
            let label: String
            switch chart.x {
            case .days(let days): label = DateText.short(days[index])
            case .labels(let labels): label = ChartMetrics.truncated(labels[index], toWidth: 110)
            case .numbers(let numbers): label = NumberText.fixed(numbers[index], decimals: 2)
            }
            nodes.append(.line(x1: x(index), y1: bottom, x2: x(index), y2: bottom + 5, cssClass: "tick"))
            nodes.append(.text(label, x: x(index), y: bottom + 19, anchor: "middle", cssClass: "tick-label"))
        }
        return .group("axis x-axis", nodes)
    }

    /// The positions that get a label: a stride wide enough that labels never touch.
    func tickIndices() -> [Int] {
        switch chart.x {
        case .days(let days):
            guard let first = days.first, let last = days.last else { return [] }
            let widest = days.map { ChartMetrics.width(of: DateText.short($0)) }.max() ?? 0
            let stride = TickPlacement.stride(
                span: last - first, plotWidth: right - left, labelWidth: widest, strides: TickPlacement.dayStrides)
            return days.indices.filter { (days[$0] - first) % stride == 0 }
        case .labels(let labels):
            let widest = labels.map { ChartMetrics.width(of: ChartMetrics.truncated($0, toWidth: 110)) }.max() ?? 0
            let stride = TickPlacement.stride(
                span: labels.count - 1, plotWidth: right - left, labelWidth: widest,
                strides: TickPlacement.labelStrides(upTo: labels.count))
            return Array(Swift.stride(from: 0, to: labels.count, by: stride))
        case .numbers: return []
        }
    }

    func series(_ series: LineChart.Series, index: Int) -> SVGNode {
        var path = ""
        var points: [SVGNode] = []
        var penDown = false
        let radius = chart.x.count <= 62 ? 3.0 : 1.8
        for (position, value) in series.values.enumerated() where position < chart.x.count {
            guard let value, value.isFinite else {
                penDown = false
                continue
            }
            let px = SVGNumber.format(x(position))
            let py = SVGNumber.format(y(value))
            path += (path.isEmpty ? "" : " ") + (penDown ? "L" : "M") + px + " " + py
            penDown = true
            let title = "\(series.name), \(chart.xText(position, long: true)): \(chart.format.format(value))"
            points.append(
                .element(
                    "circle",
                    [
                        SVGAttribute("cx", px), SVGAttribute("cy", py), .number("r", radius),
                        SVGAttribute("class", "point"),
                    ],
                    [.title(title)]))
        }
        let line = SVGNode.element(
            "path", [SVGAttribute("d", path), SVGAttribute("class", "line"), SVGAttribute("fill", "none")])
        return .group("series " + ChartMetrics.seriesClass(index), (path.isEmpty ? [] : [line]) + points)
    }
}
