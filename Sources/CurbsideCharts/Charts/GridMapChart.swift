/// A map of square grid cells (0.01° of latitude by 0.01° of longitude by default), each shaded by its value.
///
/// Drawn north up in an equirectangular projection whose longitudes are shrunk by the cosine of the extent's
/// mean latitude, so a metre is as long across as it is up (a 0.01° cell at Chicago is drawn 0.83 km wide by
/// 1.11 km tall, as it is on the ground); the drawing keeps the data's aspect ratio. No tiles
/// and no external resources: light graticule lines with their latitudes and longitudes give the place. Shades
/// and legend are those of ``HeatMapChart``; each cell's `<title>` reads `41.88, -87.64: 12`.
public struct GridMapChart: Sendable, Hashable {
    /// One cell, by the coordinates of its centre; a `nil` value is drawn as a crossed box (no data).
    public struct Cell: Sendable, Hashable {
        public var latitude: Double
        public var longitude: Double
        public var value: Double?

        public init(latitude: Double, longitude: Double, value: Double?) {
            self.latitude = latitude
            self.longitude = longitude
            self.value = value
        }
    }

    public var title: String
    public var cells: [Cell]
    /// The side of a cell, in degrees.
    public var cellSize: Double
    public var format: ValueFormat

    /// - Parameters:
    ///   - title: the chart's accessible name.
    ///   - cells: the cells, by their centres; cells with a non-finite coordinate are left out.
    ///   - cellSize: the side of a cell in degrees (positive; anything else means 0.01).
    ///   - format: how values are written in the legend and the titles.
    public init(title: String, cells: [Cell], cellSize: Double = 0.01, format: ValueFormat) {
        self.title = title
        self.cells = cells
        self.cellSize = cellSize.isFinite && cellSize > 0 ? cellSize : 0.01
        self.format = format
    }

    /// The chart as SVG markup.
    /// - Parameter width: the view-box width; the height follows from the data's extent.
    public func render(width: Double = 640) -> String { svg(width: width).render() }

    /// The chart as an SVG tree.
    /// - Parameter width: the view-box width (at least 280); the height follows the data's aspect ratio, capped
    ///   at three quarters of the width (at least 300) so a long, thin extent stays on screen.
    public func svg(width: Double = 640) -> SVGNode {
        let layout = GridMapLayout(chart: self, width: max(280, width))
        var children: [SVGNode] = [.title(title), .desc(summary), layout.legend.node()]
        if layout.isEmpty {
            children.append(
                .text(
                    "No data", x: layout.width / 2, y: (layout.mapTop + layout.mapBottom) / 2, anchor: "middle",
                    cssClass: "empty"))
        } else {
            children += [layout.graticule(), layout.cellNodes()]
        }
        return .svg(width: layout.width, height: layout.height, cssClass: "chart grid-map", children)
    }

    /// The cells that can be placed.
    var placed: [Cell] {
        cells.filter { $0.latitude.isFinite && $0.longitude.isFinite }
    }

    /// Decimals for coordinates: as many as the cell size needs (0.01 → 2).
    var coordinateDecimals: Int { max(1, NumberText.decimalsNeeded(for: cellSize)) }

    /// `41.88`: a latitude or longitude with ``coordinateDecimals``.
    func coordinateText(_ degrees: Double) -> String {
        NumberText.fixed(degrees, decimals: coordinateDecimals, grouping: false)
    }

    /// `41.88, -87.64`.
    func place(_ cell: Cell) -> String {
        coordinateText(cell.latitude) + ", " + coordinateText(cell.longitude)
    }

    /// A cell's tooltip: `41.88, -87.64: 12`, or `41.88, -87.64: no data`.
    func cellTitle(_ cell: Cell) -> String {
        place(cell) + ": " + (cell.value.flatMap { $0.isFinite ? format.format($0) : nil } ?? "no data")
    }

    /// One paragraph for `<desc>`: how many cells over which extent, then the highest and lowest.
    public var summary: String {
        let cells = placed
        let valued = cells.compactMap { cell in cell.value.flatMap { $0.isFinite ? (cell, $0) : nil } }
        guard let high = valued.max(by: { $0.1 < $1.1 }), let low = valued.min(by: { $0.1 < $1.1 }) else {
            return "Map with no data."
        }
        let text = coordinateText
        let size = SVGNumber.format(cellSize, decimals: 6)
        var summary = "Map of \(HeatMapChart.counted(cells.count, "cell")) of \(size)°"
        summary += ", latitude \(text(cells.map(\.latitude).min()!)) to \(text(cells.map(\.latitude).max()!))"
        summary += ", longitude \(text(cells.map(\.longitude).min()!)) to \(text(cells.map(\.longitude).max()!))"
        summary += valued.count == cells.count ? "." : "; \(valued.count) with data."
        summary += " Highest: \(place(high.0)), \(format.format(high.1))."
        if valued.count > 1 {
            summary += " Lowest: \(place(low.0)), \(format.format(low.1))."
        }
        return summary
    }
}
