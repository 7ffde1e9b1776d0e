import CurbsideCharts
import CurbsideTestSupport
import Foundation
import Testing

@Suite("Heat map")
struct HeatMapChartTests {
    static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    /// Crashes by hour on an ordinary day: quiet at night, a peak at 17:00.
    static let hourly: [Double] = [1, 1, 0, 0, 0, 1, 2, 4, 6, 5, 4, 5, 6, 6, 7, 8, 10, 12, 9, 6, 4, 3, 2, 1]
    /// (day, hour) pairs without data.
    static let missing: Set<[Int]> = [[0, 3], [0, 4], [3, 2], [6, 5]]

    /// 7 × 24 with weekday bumps, four missing cells and several zeros.
    static let chart = HeatMapChart(
        title: "Crashes by day and hour",
        rows: days,
        columns: (0..<24).map(String.init),
        values: days.indices.map { day in
            (0..<24).map { hour -> Double? in
                missing.contains([day, hour]) ? nil : hourly[hour] + ((1...5).contains(day) ? Double(day % 3) : 0)
            }
        },
        format: .integer)

    @Test("matches the golden SVG", arguments: [640.0, 360])
    func golden(width: Double) {
        let name = width == 640 ? "heat-map.svg" : "heat-map-\(Int(width)).svg"
        #expect(GoldenFile(name).check(Self.chart.render(width: width) + "\n") == nil)
    }

    @Test("every cell has a title with row, column and value; missing cells are crossed boxes that say so")
    func cells() {
        let svg = Self.chart.render()
        #expect(svg.contains("<title>Tue · 17: 14</title>"))
        #expect(svg.contains("<title>Sun · 3: no data</title>"))
        #expect(svg.components(separatedBy: "class=\"cell heat-").count - 1 == 7 * 24 - 4)
        #expect(svg.components(separatedBy: "<g class=\"cell cell-missing\">").count - 1 == 4)
        #expect(svg.contains("<g class=\"legend-missing\">"))
        #expect(svg.contains(">No data</text>"))
    }

    @Test("zero is the lightest shade and the maximum the darkest; the legend gives both ends")
    func shades() throws {
        let svg = Self.chart.render()
        #expect(try #require(cellClass(svg, title: "Sun · 2: 0")) == "cell heat-0")
        #expect(try #require(cellClass(svg, title: "Tue · 17: 14")) == "cell heat-6")
        #expect(try #require(cellClass(svg, title: "Sun · 17: 12")) == "cell heat-6")
        #expect(try #require(cellClass(svg, title: "Sun · 8: 6")) == "cell heat-3")
        let legend = svg.components(separatedBy: "<g class=\"legend heat-legend\">")[1]
        #expect(legend.contains(">0</text>"))
        #expect(legend.contains(">14</text>"))
        #expect(legend.components(separatedBy: "class=\"swatch heat-").count - 1 == 7)
    }

    @Test(
        "column labels never collide; wider labels are thinned more on a phone",
        arguments: [(false, 640.0, 12), (false, 360, 12), (true, 640, 12), (true, 360, 6)])
    func columnLabels(clock: Bool, width: Double, count: Int) {
        var chart = Self.chart
        if clock { chart.columns = (0..<24).map { ($0 < 10 ? "0" : "") + "\($0):00" } }
        let svg = chart.render(width: width)
        let axis = svg.components(separatedBy: "<g class=\"axis x-axis\">")[1].components(separatedBy: "</g>")[0]
        let xs = axis.components(separatedBy: "<text x=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        #expect(xs.count == count)
        let labelWidth = clock ? 36.0 : 16
        for (a, b) in zip(xs, xs.dropFirst()) {
            #expect(b - a >= labelWidth + 8, "labels at \(a) and \(b) collide at width \(width)")
        }
        #expect(svg.contains("viewBox=\"0 0 \(Int(width)) "))
        #expect(svg.components(separatedBy: "class=\"tick-label\">Sat</text>").count - 1 == 1)
    }

    @Test("the summary gives the size, the cells with data and the extremes")
    func summary() {
        #expect(
            Self.chart.summary
                == "Heat map of 7 rows (Sun to Sat) by 24 columns (0 to 23); 164 of 168 cells have data."
                + " Highest: Tue · 17, 14. Lowest: Sun · 2, 0.")
    }

    @Test("one cell: the darkest shade, a legend from 0 to its value")
    func singleCell() {
        let chart = HeatMapChart(title: "t", rows: ["a"], columns: ["b"], values: [[12]], format: .integer)
        let svg = chart.render(width: 360)
        #expect(svg.contains("class=\"cell heat-6\">\n<title>a · b: 12</title>"))
        #expect(svg.contains(">12</text>"))
        #expect(!svg.contains("legend-missing"))
        #expect(
            chart.summary
                == "Heat map of 1 row (a to a) by 1 column (b to b); 1 of 1 cells have data. Highest: a · b, 12.")
    }

    @Test("all values equal: one shade, no division by zero", arguments: [0.0, 7])
    func allEqual(value: Double) {
        let chart = HeatMapChart(
            title: "t", rows: ["a", "b"], columns: ["x", "y"], values: [[value, value], [value, value]],
            format: .integer)
        let svg = chart.render()
        let shade = value == 0 ? "heat-0" : "heat-6"
        #expect(svg.components(separatedBy: "class=\"cell \(shade)\"").count - 1 == 4)
        #expect(!svg.contains("NaN"))
    }

    @Test(
        "no data draws a frame that says so, at both widths",
        arguments: [
            HeatMapChart(title: "t", rows: [], columns: [], values: [], format: .integer),
            HeatMapChart(title: "t", rows: ["a"], columns: [], values: [[]], format: .integer),
        ])
    func empty(chart: HeatMapChart) {
        for width in [640.0, 360] {
            let svg = chart.render(width: width)
            #expect(svg.contains("class=\"empty\">No data</text>"))
            #expect(!svg.contains("class=\"cell"))
        }
        #expect(chart.summary == "Heat map with no data.")
    }

    @Test("every cell missing: crossed boxes and a legend of only the no-data box")
    func allMissing() {
        let chart = HeatMapChart(title: "t", rows: ["a"], columns: ["x", "y"], values: [[nil]], format: .integer)
        let svg = chart.render()
        #expect(svg.components(separatedBy: "<g class=\"cell cell-missing\">").count - 1 == 2)
        #expect(!svg.contains("swatch heat-"))
        #expect(svg.contains("<g class=\"legend-missing\">"))
        #expect(chart.summary == "Heat map with no data.")
    }

    @Test("labels are escaped")
    func escaping() {
        let chart = HeatMapChart(
            title: "<script>", rows: ["\"r\" & <b>"], columns: ["<i>"], values: [[1]], format: .integer)
        let svg = chart.render()
        #expect(!svg.contains("<script>") && !svg.contains("<b>") && !svg.contains("<i>"))
        #expect(svg.contains("<title>&quot;r&quot; &amp; &lt;b&gt; · &lt;i&gt;: 1</title>"))
    }

    @Test("rendering twice gives the same bytes")
    func deterministic() {
        #expect(Self.chart.render(width: 360) == Self.chart.render(width: 360))
    }

    /// The class of the cell whose title is `title`.
    private func cellClass(_ svg: String, title: String) -> String? {
        guard let end = svg.range(of: "\">\n<title>\(title)</title>") else { return nil }
        let before = svg[..<end.lowerBound]
        guard let start = before.range(of: "class=\"", options: .backwards) else { return nil }
        return String(before[start.upperBound...])
    }
}
