import CurbsideCharts
import CurbsideTestSupport
import Foundation
import Testing

@Suite("Grid map")
struct GridMapChartTests {
    /// 20 cells of 0.01° around the Loop (41.88, -87.63): busiest in the middle, one without data, one zero.
    static let cells: [GridMapChart.Cell] = {
        var cells: [GridMapChart.Cell] = []
        for (row, latitude) in [41.90, 41.89, 41.88, 41.87, 41.86].enumerated() {
            for (column, longitude) in [-87.65, -87.64, -87.63, -87.62, -87.61].enumerated() {
                let distance = abs(row - 2) + abs(column - 2)
                guard distance < 4 else { continue }  // leave the corners out: 25 − 4 − 1 = 20 cells
                if row == 0 && column == 1 { continue }
                let value: Double? = row == 4 && column == 2 ? nil : Double(max(0, 12 - 4 * distance - column % 2))
                cells.append(GridMapChart.Cell(latitude: latitude, longitude: longitude, value: value))
            }
        }
        return cells
    }()

    static let chart = GridMapChart(title: "Crashes by grid cell", cells: cells, format: .integer)

    @Test("matches the golden SVG", arguments: [640.0, 360])
    func golden(width: Double) {
        let name = width == 640 ? "grid-map.svg" : "grid-map-\(Int(width)).svg"
        #expect(GoldenFile(name).check(Self.chart.render(width: width) + "\n") == nil)
    }

    @Test("every cell has a title with its coordinates and value; a missing value is a crossed box")
    func cellTitles() {
        #expect(Self.cells.count == 20)
        let svg = Self.chart.render()
        #expect(svg.contains("<title>41.88, -87.63: 12</title>"))
        #expect(svg.contains("<title>41.86, -87.63: no data</title>"))
        #expect(svg.components(separatedBy: "class=\"cell heat-").count - 1 == 19)
        #expect(svg.components(separatedBy: "<g class=\"cell cell-missing\">").count - 1 == 1)
        #expect(svg.contains("class=\"cell heat-6\">\n<title>41.88, -87.63: 12</title>"))
        #expect(svg.contains("class=\"cell heat-0\">\n<title>41.90, -87.62: 0</title>"))
    }

    @Test("north is up, east is right, and a cell is as tall and wide as on the ground", arguments: [640.0, 360])
    func projection(width: Double) throws {
        let svg = Self.chart.render(width: width)
        let centre = try #require(rect(svg, title: "41.88, -87.63: 12"))
        let north = try #require(rect(svg, title: "41.89, -87.63: 8"))
        let east = try #require(rect(svg, title: "41.88, -87.62: 7"))
        #expect(north.y < centre.y)
        #expect(east.x > centre.x)
        // Cell pitch: one cell apart in each direction; across / up = cos(41.88°).
        let across = east.x - centre.x
        let up = centre.y - north.y
        #expect(abs(across / up - cos(41.88 * Double.pi / 180)) < 0.01)
    }

    @Test("graticule lines every round step, labelled, within the map")
    func graticule() {
        let svg = Self.chart.render()
        let graticule = svg.components(separatedBy: "<g class=\"graticule\">")[1].components(separatedBy: "</g>")[0]
        for label in ["41.86", "41.88", "41.9", "-87.64", "-87.62"] {
            #expect(graticule.contains(">\(label)</text>") || graticule.contains(">\(label)0</text>"), "\(label)")
        }
        #expect(graticule.contains("class=\"map-frame\""))
    }

    @Test("a long strip keeps its aspect ratio but is capped in height", arguments: [640.0, 360])
    func tallStrip(width: Double) throws {
        let strip = (0..<40).map { GridMapChart.Cell(latitude: 41.64 + Double($0) * 0.01, longitude: -87.6, value: 1) }
        let svg = GridMapChart(title: "t", cells: strip, format: .integer).render(width: width)
        let height = try #require(viewBoxHeight(svg))
        #expect(height <= max(300, width * 0.75) + 60)
        #expect(height >= max(300, width * 0.75))
    }

    @Test("a single cell is drawn in an extent of at least six cells")
    func singleCell() throws {
        let chart = GridMapChart(
            title: "t", cells: [.init(latitude: 41.88, longitude: -87.63, value: 5)], format: .integer)
        let svg = chart.render(width: 360)
        let cell = try #require(rect(svg, title: "41.88, -87.63: 5"))
        #expect(cell.x > 0 && cell.width < 360 / 5)
        #expect(svg.contains("class=\"cell heat-6\""))
        #expect(
            chart.summary
                == "Map of 1 cell of 0.01°, latitude 41.88 to 41.88, longitude -87.63 to -87.63. Highest: 41.88, -87.63, 5."
        )
    }

    @Test("the summary gives the cells, the extent and the extremes")
    func summary() {
        #expect(
            Self.chart.summary
                == "Map of 20 cells of 0.01°, latitude 41.86 to 41.90, longitude -87.65 to -87.61; 19 with data."
                + " Highest: 41.88, -87.63, 12. Lowest: 41.90, -87.62, 0.")
    }

    @Test("no cells draws a frame that says so, at both widths")
    func empty() {
        let chart = GridMapChart(title: "t", cells: [], format: .integer)
        for width in [640.0, 360] {
            let svg = chart.render(width: width)
            #expect(svg.contains("class=\"empty\">No data</text>"))
            #expect(!svg.contains("class=\"cell"))
        }
        #expect(chart.summary == "Map with no data.")
    }

    @Test("rendering twice gives the same bytes")
    func deterministic() {
        #expect(Self.chart.render() == Self.chart.render())
    }

    /// The rectangle of the cell whose title is `title`.
    private func rect(_ svg: String, title: String) -> (x: Double, y: Double, width: Double)? {
        guard let end = svg.range(of: ">\n<title>\(title)</title>") else { return nil }
        let before = svg[..<end.lowerBound]
        guard let start = before.range(of: "<rect ", options: .backwards) else { return nil }
        let element = " " + before[start.upperBound...]
        func number(_ name: String) -> Double? {
            element.components(separatedBy: " \(name)=\"").dropFirst().first.flatMap {
                Double($0.prefix { $0 != "\"" })
            }
        }
        guard let x = number("x"), let y = number("y"), let width = number("width") else { return nil }
        return (x, y, width)
    }

    private func viewBoxHeight(_ svg: String) -> Double? {
        svg.components(separatedBy: "viewBox=\"0 0 ").dropFirst().first?.split(separator: " ").dropFirst().first
            .flatMap { Double($0.prefix { $0 != "\"" }) }
    }
}
