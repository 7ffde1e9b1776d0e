/// Where the parts of a ``HeatMapChart`` go: the legend on top, row labels left, the grid, column labels below.
struct HeatMapLayout {
    let chart: HeatMapChart
    let width: Double
    let scale: SequentialScale
    let legend: HeatLegend
    let rowLabelWidth: Double
    let left: Double
    let right: Double
    let top: Double
    let cellWidth: Double
    let rowHeight: Double
    let bottom: Double
    let height: Double

    /// Gap between neighbouring cells, so the grid reads as cells rather than a smear.
    static let gap = 1.5

    init(chart: HeatMapChart, width: Double) {
        self.chart = chart
        self.width = width
        scale = SequentialScale(values: chart.presentValues)
        let rowLabelWidth = min(120, width * 0.3)
        self.rowLabelWidth = rowLabelWidth
        let widest = chart.rows.map { ChartMetrics.width(of: ChartMetrics.truncated($0, toWidth: rowLabelWidth)) }
        left = (widest.max() ?? 0) + 10
        // The last column label is centred on its column; leave room for half of it.
        let lastLabel = chart.columns.last.map { ChartMetrics.width(of: Self.columnText($0)) } ?? 0
        let columnCount = Double(max(1, chart.columns.count))
        let plainCell = (width - left - 4) / columnCount
        right = width - max(4, lastLabel / 2 - plainCell / 2 + 2)
        cellWidth = (right - left) / columnCount
        rowHeight = min(28, max(16, cellWidth.rounded(.down)))
        let isEmpty = chart.rows.isEmpty || chart.columns.isEmpty
        let missing = !isEmpty && chart.presentValues.count < chart.rows.count * chart.columns.count
        legend = HeatLegend(
            scale: scale, format: chart.format, showsMissing: missing, left: left, top: 4, width: width)
        top = 4 + legend.height
        bottom = top + (isEmpty ? 80 : Double(chart.rows.count) * rowHeight)
        height = bottom + (isEmpty ? 8 : 26)
    }

    var isEmpty: Bool { chart.rows.isEmpty || chart.columns.isEmpty }

    static func columnText(_ label: String) -> String {
        ChartMetrics.truncated(label, toWidth: 80)
    }

    func x(_ column: Int) -> Double { left + Double(column) * cellWidth }

    func y(_ row: Int) -> Double { top + Double(row) * rowHeight }

    func rowLabels() -> SVGNode {
        let labels = chart.rows.enumerated().map { row, label in
            SVGNode.text(
                ChartMetrics.truncated(label, toWidth: rowLabelWidth), x: left - 6, y: y(row) + rowHeight / 2,
                anchor: "end", dy: "0.32em", cssClass: "tick-label")
        }
        return .group("axis y-axis", labels)
    }

    /// Column labels under the grid, every `stride`-th one so that neighbours never touch.
    func columnLabels() -> SVGNode {
        let widest = chart.columns.map { ChartMetrics.width(of: Self.columnText($0)) }.max() ?? 0
        let stride = TickPlacement.stride(
            span: chart.columns.count - 1, plotWidth: cellWidth * Double(chart.columns.count - 1),
            labelWidth: widest, strides: TickPlacement.labelStrides(upTo: chart.columns.count))
        let labels = Swift.stride(from: 0, to: chart.columns.count, by: stride).map { column in
            SVGNode.text(
                Self.columnText(chart.columns[column]), x: x(column) + cellWidth / 2, y: bottom + 16,
                anchor: "middle", cssClass: "tick-label")
        }
        return .group("axis x-axis", labels)
    }

    func cells() -> SVGNode {
        var nodes: [SVGNode] = []
        let half = Self.gap / 2
        for row in chart.rows.indices {
            for column in chart.columns.indices {
                let title = chart.cellTitle(row: row, column: column)
                let (cx, cy) = (x(column) + half, y(row) + half)
                let (w, h) = (cellWidth - Self.gap, rowHeight - Self.gap)
                if let value = chart.value(row: row, column: column) {
                    nodes.append(.cell(value, scale: scale, x: cx, y: cy, width: w, height: h, title: title))
                } else {
                    nodes.append(.missingCell(x: cx, y: cy, width: w, height: h, title: title))
                }
            }
        }
        return .group("cells", nodes)
    }
}
