import CurbsideCharts
import CurbsideModel
import Foundation
import Testing

/// What a line chart tells `assets/explore.js` so it can redraw a narrowed range as the chart itself would.
struct LineChartPlotBoxTests {
    @Test("a line chart names its plot box and x axis for redrawing")
    func plotBox() throws {
        let chart = LineChart(
            title: "T", x: .days([Day(iso: "2025-05-10")!, Day(iso: "2025-05-11")!]),
            series: [LineChart.Series(name: "A", values: [1, 2])], format: .integer)
        let svg = chart.render(width: 640)
        let box = try #require(svg.components(separatedBy: "data-plot=\"").dropFirst().first?.prefix { $0 != "\"" })
        let numbers = box.split(separator: " ").compactMap { Double($0) }
        #expect(numbers.count == 4)
        #expect(numbers[0] >= 40 && numbers[2] == 616 && numbers[3] == 330 && numbers[1] < numbers[3])
        #expect(svg.contains("data-x=\"days\""))
        let labels = LineChart(title: "T", x: .labels(["a"]), series: [], format: .integer).render()
        #expect(labels.contains("data-x=\"labels\""))
    }
}
