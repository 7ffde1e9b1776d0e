/// The key of a ``SequentialScale``: the lower end, the seven shades, the upper end, then the no-data box.
///
/// One row when it fits the chart's width; otherwise the no-data box goes on a second row.
struct HeatLegend {
    static let swatchWidth = 16.0
    static let swatchHeight = 12.0
    static let rowHeight = 20.0
    static let missingText = "No data"

    let scale: SequentialScale
    let lowerText: String
    let upperText: String
    let showsMissing: Bool
    /// Where the legend starts.
    let left: Double
    let top: Double
    /// Whether the no-data box needs a row of its own.
    let wraps: Bool

    /// - Parameters:
    ///   - scale: the shades and their ends; an empty scale draws no legend.
    ///   - format: how the ends are written.
    ///   - showsMissing: whether any cell has no data, so the legend explains the crossed box.
    ///   - left: the x where the legend starts.
    ///   - top: the y of its first row's top.
    ///   - width: the chart's width, for wrapping.
    init(scale: SequentialScale, format: ValueFormat, showsMissing: Bool, left: Double, top: Double, width: Double) {
        self.scale = scale
        lowerText = format.format(scale.lower)
        upperText = format.format(scale.upper)
        self.showsMissing = showsMissing
        self.left = left
        self.top = top
        let rampWidth = Self.rampWidth(lowerText, upperText)
        wraps = showsMissing && left + rampWidth + 18 + Self.missingWidth > width
    }

    static func rampWidth(_ lowerText: String, _ upperText: String) -> Double {
        ChartMetrics.width(of: lowerText) + 6 + Double(SequentialScale.steps) * swatchWidth + 6
            + ChartMetrics.width(of: upperText)
    }

    static var missingWidth: Double { swatchWidth + 6 + ChartMetrics.width(of: missingText) }

    /// The height the legend takes, with the space below it.
    var height: Double {
        if scale.isEmpty && !showsMissing { return 0 }
        return Double(wraps ? 2 : 1) * Self.rowHeight + 8
    }

    func node() -> SVGNode {
        var items: [SVGNode] = []
        let middle = top + Self.rowHeight / 2
        var cursor = left
        if !scale.isEmpty {
            items.append(.text(lowerText, x: cursor, y: middle, dy: "0.32em", cssClass: "tick-label"))
            cursor += ChartMetrics.width(of: lowerText) + 6
            for step in 0..<SequentialScale.steps {
                items.append(
                    .rect(
                        x: cursor + Double(step) * Self.swatchWidth, y: middle - Self.swatchHeight / 2,
                        width: Self.swatchWidth, height: Self.swatchHeight, cssClass: "swatch heat-\(step)"))
            }
            cursor += Double(SequentialScale.steps) * Self.swatchWidth + 6
            items.append(.text(upperText, x: cursor, y: middle, dy: "0.32em", cssClass: "tick-label"))
            cursor += ChartMetrics.width(of: upperText) + 18
        }
        if showsMissing {
            let row = wraps ? 1.0 : 0.0
            let x = wraps || scale.isEmpty ? left : cursor
            let y = middle + row * Self.rowHeight
            items.append(
                .missingCell(
                    x: x, y: y - Self.swatchHeight / 2, width: Self.swatchWidth, height: Self.swatchHeight, title: nil,
                    cssClass: "legend-missing"))
            items.append(
                .text(Self.missingText, x: x + Self.swatchWidth + 6, y: y, dy: "0.32em", cssClass: "tick-label"))
        }
        return .group("legend heat-legend", items)
    }
}
