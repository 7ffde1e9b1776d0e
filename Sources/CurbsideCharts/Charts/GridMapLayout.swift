import Foundation

/// Where the parts of a ``GridMapChart`` go: the legend on top, then the map with latitudes left of it and
/// longitudes under it.
///
/// Projection: x = (longitude − west) · cos(φ) · s, y = (north − latitude) · s, with φ the middle latitude of the
/// extent and s the view-box units per degree, chosen so the map fills the width unless that would make it
/// taller than ``maximumMapHeight``.
struct GridMapLayout {
    let chart: GridMapChart
    let width: Double
    let scale: SequentialScale
    let legend: HeatLegend
    /// The extent in degrees, half a cell beyond the outermost centres (at least ``minimumCells`` cells wide).
    let south: Double
    let north: Double
    let west: Double
    let east: Double
    /// cos(middle latitude): how much shorter a degree of longitude is than one of latitude.
    let shrink: Double
    /// View-box units per degree of latitude.
    let unitsPerDegree: Double
    let mapLeft: Double
    let mapTop: Double
    let mapWidth: Double
    let mapHeight: Double
    let height: Double
    let latitudeTicks: [Double]
    let longitudeTicks: [Double]
    let tickDecimals: (latitude: Int, longitude: Int)

    /// The extent never shrinks below this many cells a side, so one cell does not fill the chart.
    static let minimumCells = 6.0

    init(chart: GridMapChart, width: Double) {
        self.chart = chart
        self.width = width
        let cells = chart.placed
        scale = SequentialScale(values: cells.compactMap(\.value))
        let half = chart.cellSize / 2
        let minimumSpan = chart.cellSize * Self.minimumCells
        (south, north) = Self.span(cells.map(\.latitude), half: half, minimum: minimumSpan, fallback: 0)
        (west, east) = Self.span(cells.map(\.longitude), half: half, minimum: minimumSpan, fallback: 0)
        shrink = max(0.05, cos((south + north) / 2 * .pi / 180))
        legend = HeatLegend(
            scale: scale, format: chart.format, showsMissing: cells.contains { !($0.value?.isFinite ?? false) },
            left: 0, top: 4, width: width)
        mapTop = 4 + legend.height
        // Margins from a first guess at the labels: latitudes at the left, half a longitude label at the right.
        let latitudeWidth = [south, north].map { ChartMetrics.width(of: chart.coordinateText($0)) }.max()!
        let longitudeWidth = [west, east].map { ChartMetrics.width(of: chart.coordinateText($0)) }.max()!
        let left = latitudeWidth + 10
        let available = width - left - longitudeWidth / 2 - 2
        let maximumHeight = Self.maximumMapHeight(width: width)
        unitsPerDegree = min(available / ((east - west) * shrink), maximumHeight / (north - south))
        mapWidth = (east - west) * shrink * unitsPerDegree
        mapHeight = (north - south) * unitsPerDegree
        mapLeft = left + (available - mapWidth) / 2
        height = mapTop + mapHeight + (cells.isEmpty ? 8 : 26)
        // Lines on the frame add nothing, and their labels would crowd the corner where the axes meet.
        let (low, high) = (south + 10 / unitsPerDegree, north - 10 / unitsPerDegree)
        latitudeTicks = Self.ticks(from: south, to: north, length: mapHeight, labelSize: 20).filter {
            $0 > low && $0 < high
        }
        let (start, end) = (west + longitudeWidth / 2 / (shrink * unitsPerDegree), east - 4 / (shrink * unitsPerDegree))
        longitudeTicks = Self.ticks(from: west, to: east, length: mapWidth, labelSize: longitudeWidth).filter {
            $0 > start && $0 < end
        }
        tickDecimals = (Self.decimals(latitudeTicks), Self.decimals(longitudeTicks))
    }

    var isEmpty: Bool { chart.placed.isEmpty }
    var mapBottom: Double { mapTop + mapHeight }

    /// Three quarters of the width, but at least 300 units, so a phone gets a squarer map.
    static func maximumMapHeight(width: Double) -> Double { max(300, width * 0.75) }

    /// The outermost centres widened by half a cell, then to `minimum` around their middle.
    static func span(_ values: [Double], half: Double, minimum: Double, fallback: Double) -> (Double, Double) {
        guard let low = values.min(), let high = values.max() else {
            return (fallback - minimum / 2, fallback + minimum / 2)
        }
        let middle = (low + high) / 2
        let span = max(high - low + 2 * half, minimum)
        return (middle - span / 2, middle + span / 2)
    }

    /// Graticule values: multiples of a round step (0.01, 0.02, 0.025, 0.05, …) from ``NiceScale``, spaced so
    /// their labels keep a gap of at least 10 units.
    static func ticks(from low: Double, to high: Double, length: Double, labelSize: Double) -> [Double] {
        let span = high - low
        guard span > 0, length > 0 else { return [] }
        var target = max(1, Int(length / (labelSize + 30)))
        var step = NiceScale(minimum: 0, maximum: span, targetTickCount: target).step
        while step / span * length < labelSize + 10 && target > 1 {
            target -= 1
            step = NiceScale(minimum: 0, maximum: span, targetTickCount: target).step
        }
        let decimals = NumberText.decimalsNeeded(for: step)
        let rounding = pow(10, Double(decimals))
        var ticks: [Double] = []
        var index = (low / step).rounded(.up)
        while index * step <= high + step * 1e-9 {
            ticks.append((index * step * rounding).rounded() / rounding)
            index += 1
        }
        return ticks
    }

    /// The decimals that write every tick exactly (0.05 steps → 2).
    static func decimals(_ ticks: [Double]) -> Int {
        guard ticks.count > 1 else { return ticks.first.map(NumberText.decimalsNeeded(for:)) ?? 0 }
        return NumberText.decimalsNeeded(for: abs(ticks[1] - ticks[0]))
    }

    func x(_ longitude: Double) -> Double { mapLeft + (longitude - west) * shrink * unitsPerDegree }

    func y(_ latitude: Double) -> Double { mapTop + (north - latitude) * unitsPerDegree }

    /// The frame, the graticule lines and their labels, under the cells.
    func graticule() -> SVGNode {
        var nodes: [SVGNode] = [
            .rect(x: mapLeft, y: mapTop, width: mapWidth, height: mapHeight, cssClass: "map-frame")
        ]
        for latitude in latitudeTicks {
            nodes.append(
                .line(x1: mapLeft, y1: y(latitude), x2: mapLeft + mapWidth, y2: y(latitude), cssClass: "gridline"))
            nodes.append(
                .text(
                    NumberText.fixed(latitude, decimals: tickDecimals.latitude, grouping: false), x: mapLeft - 6,
                    y: y(latitude), anchor: "end", dy: "0.32em", cssClass: "tick-label"))
        }
        for longitude in longitudeTicks {
            nodes.append(
                .line(x1: x(longitude), y1: mapTop, x2: x(longitude), y2: mapBottom, cssClass: "gridline"))
            nodes.append(
                .text(
                    NumberText.fixed(longitude, decimals: tickDecimals.longitude, grouping: false), x: x(longitude),
                    y: mapBottom + 16, anchor: "middle", cssClass: "tick-label"))
        }
        return .group("graticule", nodes)
    }

    func cellNodes() -> SVGNode {
        let side = chart.cellSize * unitsPerDegree
        let half = chart.cellSize / 2
        // A hairline gap between neighbours, smaller for small cells.
        let gap = min(1, side * 0.08)
        let nodes = chart.placed.map { cell -> SVGNode in
            let left = x(cell.longitude - half) + gap / 2
            let top = y(cell.latitude + half) + gap / 2
            let (w, h) = (side * shrink - gap, side - gap)
            let title = chart.cellTitle(cell)
            guard let value = cell.value, value.isFinite else {
                return .missingCell(x: left, y: top, width: w, height: h, title: title)
            }
            return .cell(value, scale: scale, x: left, y: top, width: w, height: h, title: title)
        }
        return .group("cells", nodes)
    }
}
