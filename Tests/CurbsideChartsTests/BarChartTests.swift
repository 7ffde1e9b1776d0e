import CurbsideCharts
import CurbsideTestSupport
import Foundation
import Testing

@Suite("Bar chart")
struct BarChartTests {
    static let chart = BarChart(
        title: "Top violations",
        bars: [
            .init(label: "PHTO SCHOOL ZN SPEED VIOLATION", value: 412),
            .init(label: "NO PARKING-STREET CLEANING", value: 187),
            .init(label: "FAIL TO DSPLY MUNI METER RECPT", value: 96),
            .init(label: "FIRE HYDRANT", value: 41),
            .init(label: "UNKNOWN", value: nil),
        ],
        format: .integer, valueLabel: "Summonses")

    @Test("matches the golden SVG")
    func golden() {
        #expect(GoldenFile("bar-chart.svg").check(Self.chart.render() + "\n") == nil)
    }

    @Test("long labels are cut with an ellipsis; the title keeps the full label and value")
    func truncation() {
        let svg = Self.chart.render()
        #expect(svg.contains(">PHTO SCHOOL ZN SPEED VIOL…</text>"))
        #expect(svg.contains("<title>PHTO SCHOOL ZN SPEED VIOLATION: 412</title>"))
        #expect(svg.contains(">NO PARKING-STREET CLEANING</text>"))
    }

    @Test("a phone-sized chart gives labels at most 42% of its width")
    func narrow() {
        let svg = Self.chart.render(width: 360)
        #expect(svg.contains("viewBox=\"0 0 360 "))
        #expect(svg.contains(">PHTO SCHOOL ZN S…</text>"))
        #expect(svg.contains("<title>PHTO SCHOOL ZN SPEED VIOLATION: 412</title>"))
    }

    @Test("values are written at the bar ends, a missing value as a dash without a bar")
    func values() {
        let svg = Self.chart.render()
        #expect(svg.contains(">412</text>"))
        #expect(svg.contains("<title>UNKNOWN: —</title>"))
        #expect(svg.components(separatedBy: "class=\"bar-rect\"").count - 1 == 4)
    }

    @Test("summary names the extremes")
    func summary() {
        #expect(
            Self.chart.summary
                == "Bar chart of 5 categories by summonses. Highest: PHTO SCHOOL ZN SPEED VIOLATION, 412."
                + " Lowest: FIRE HYDRANT, 41.")
    }

    @Test("labels are escaped")
    func escaping() {
        let chart = BarChart(
            title: "<script>alert(1)</script>", bars: [.init(label: "\"quoted\" & <b>", value: 1)], format: .integer)
        let svg = chart.render()
        #expect(!svg.contains("<script>"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("<title>&quot;quoted&quot; &amp; &lt;b&gt;: 1</title>"))
    }

    @Test("rendering twice gives the same bytes")
    func deterministic() {
        #expect(Self.chart.render() == Self.chart.render())
    }
}
