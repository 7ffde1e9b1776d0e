/// Where the parts of a ``BarChart`` go: a label column sized to the labels, bars, then room for values.
struct BarChartLayout {
    let chart: BarChart
    let width: Double
    let labelWidth: Double
    let scale: NiceScale
    let tickLabels: [String]
    let rowHeight = 26.0
    let barHeight = 18.0
    let top = 8.0
    let left: Double
    let right: Double
    let plotBottom: Double
    let height: Double

    init(chart: BarChart, width: Double) {
        self.chart = chart
        self.width = width
        let labelWidth = min(BarChart.labelWidth, width * 0.42)
        self.labelWidth = labelWidth
        let values = chart.bars.compactMap(\.value).filter(\.isFinite)
        scale = NiceScale(
            minimum: values.min() ?? 0, maximum: values.max() ?? 1, targetTickCount: 5,
            integral: chart.format == .integer)
        tickLabels = chart.format.tickLabels(scale.ticks)
        let widest = chart.bars.map { ChartMetrics.width(of: Self.shortLabel($0.label, labelWidth)) }.max() ?? 0
        left = min(widest, labelWidth) + 12
        let valueWidth = chart.bars.map { ChartMetrics.width(of: Self.valueText($0, chart.format)) }.max() ?? 0
        let tickOverhang = (tickLabels.last.map(ChartMetrics.width(of:)) ?? 0) / 2
        right = width - max(valueWidth + 10, tickOverhang + 4)
        plotBottom = top + Double(max(1, chart.bars.count)) * rowHeight
        let unitRow = (chart.valueLabel ?? chart.format.defaultUnitLabel) == nil ? 0.0 : 18.0
        height = plotBottom + 26 + unitRow
    }

    static func shortLabel(_ label: String, _ labelWidth: Double) -> String {
        ChartMetrics.truncated(label, toWidth: labelWidth)
    }

    static func valueText(_ bar: BarChart.Bar, _ format: ValueFormat) -> String {
        bar.value.map(format.format) ?? "—"
    }

    func x(_ value: Double) -> Double {
        left + (right - left) * scale.fraction(value)
    }

    func grid() -> SVGNode {
        var nodes: [SVGNode] = []
        for (tick, label) in zip(scale.ticks, tickLabels) {
            nodes.append(
                .line(x1: x(tick), y1: top, x2: x(tick), y2: plotBottom, cssClass: tick == 0 ? "baseline" : "gridline"))
            nodes.append(.text(label, x: x(tick), y: plotBottom + 17, anchor: "middle", cssClass: "tick-label"))
        }
        return .group("axis x-axis", nodes)
    }

    func bar(_ bar: BarChart.Bar, row: Int) -> SVGNode {
        let rowTop = top + Double(row) * rowHeight + (rowHeight - barHeight) / 2
        let middle = rowTop + barHeight / 2
        let valueText = Self.valueText(bar, chart.format)
        var children: [SVGNode] = [
            .title("\(bar.label): \(valueText)"),
            .text(
                Self.shortLabel(bar.label, labelWidth), x: left - 8, y: middle, anchor: "end", dy: "0.32em",
                cssClass: "bar-label"),
        ]
        var end = x(0)
        if let value = bar.value, value.isFinite {
            let from = min(x(0), x(value))
            let to = max(x(0), x(value))
            children.append(.rect(x: from, y: rowTop, width: to - from, height: barHeight, cssClass: "bar-rect"))
            end = to
        }
        children.append(.text(valueText, x: end + 6, y: middle, dy: "0.32em", cssClass: "value-label"))
        return .group("bar " + ChartMetrics.seriesClass(0), children)
    }
}
