import CurbsideCharts
import CurbsideModel
import CurbsideTestSupport
import Foundation
import Testing

@Suite("Line chart")
struct LineChartTests {
    static let first = Day(year: 2025, month: 5, day: 10)!

    /// Two weeks of real daily figures from the reference pipeline (2025-05-10 …).
    static let chart = LineChart(
        title: "Fines issued and paid per day",
        x: .days((0..<14).map { first.adding(days: $0) }),
        series: [
            .init(
                name: "Fines issued",
                values: [
                    3_205_996, 2_407_675, 3_858_230, 4_007_850, 3_776_475, 3_795_435, 3_551_245, 2_757_470,
                    2_308_860, 3_669_725, 3_899_365, 3_803_130, 3_659_285, 3_409_980,
                ]),
            .init(
                name: "Paid",
                values: [
                    1_339_307.31, 1_100_162, 1_867_251.21, 1_958_028.51, 1_812_690.5, nil, 1_640_002.13,
                    1_199_861, 1_010_405.77, 1_601_322.4, 1_716_092.09, 1_600_013.8, 1_460_091.36, 1_320_001,
                ]),
        ],
        format: .money)

    @Test("matches the golden SVG")
    func golden() {
        #expect(GoldenFile("line-chart.svg").check(Self.chart.render() + "\n") == nil)
    }

    @Test("is an accessible, responsive image with a text alternative")
    func accessible() {
        let svg = Self.chart.render()
        #expect(
            svg.hasPrefix(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 360\" width=\"100%\" role=\"img\""))
        #expect(svg.contains("<title>Fines issued and paid per day</title>"))
        #expect(
            Self.chart.summary
                == "Line chart of Fines issued and Paid by day, May 10, 2025 to May 23, 2025 (14 days), in US dollars."
                + " Fines issued: lowest $2,308,860.00 on May 18, 2025, highest $4,007,850.00 on May 13, 2025."
                + " Paid: lowest $1,010,405.77 on May 18, 2025, highest $1,958,028.51 on May 13, 2025.")
    }

    @Test("every point has a title with series, date and exact value; a missing value is a gap")
    func points() {
        let svg = Self.chart.render()
        #expect(svg.contains("<title>Paid, Sat, May 10, 2025: $1,339,307.31</title>"))
        #expect(svg.components(separatedBy: "class=\"point\"").count - 1 == 27)
        let paid = svg.components(separatedBy: "<g class=\"series series-2\">")[1]
        let path = paid.components(separatedBy: "<path d=\"")[1].prefix { $0 != "\"" }
        #expect(path.filter { $0 == "M" }.count == 2)
    }

    @Test("y axis starts at 0 with money ticks and a unit label")
    func axis() {
        let svg = Self.chart.render()
        for label in ["$0", "$1M", "$2M", "$3M", "$4M", "$5M"] {
            #expect(svg.contains(">\(label)</text>"))
        }
        #expect(svg.contains(">US dollars</text>"))
    }

    @Test("date labels never collide, however many days, on a wide or a phone-sized chart", arguments: [640.0, 360])
    func dateTicks(width: Double) {
        for count in [1, 2, 7, 31, 90, 365] {
            let chart = LineChart(
                title: "t", x: .days((0..<count).map { Self.first.adding(days: $0) }),
                series: [.init(name: "s", values: Array(repeating: 1, count: count))], format: .integer)
            let xs = tickPositions(chart.render(width: width))
            #expect(!xs.isEmpty)
            for (a, b) in zip(xs, xs.dropFirst()) {
                #expect(b - a >= 56, "labels \(a) and \(b) collide for \(count) days at width \(width)")
            }
        }
    }

    @Test("labels are escaped: a series name is text, not markup")
    func escaping() {
        let chart = LineChart(
            title: "\"quoted\" & <b>", x: .labels(["<script>alert(1)</script>", "b"]),
            series: [.init(name: "<script>alert(1)</script>", values: [1, 2])], format: .integer)
        let svg = chart.render()
        #expect(!svg.contains("<script>"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("<title>&quot;quoted&quot; &amp; &lt;b&gt;</title>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("no data draws an empty frame that says so")
    func empty() {
        let chart = LineChart(title: "t", x: .days([]), series: [.init(name: "s", values: [])], format: .money)
        #expect(chart.render().contains(">No data</text>"))
        #expect(chart.summary == "Line chart of s with no data.")
    }

    /// The x of every x-axis tick label.
    private func tickPositions(_ svg: String) -> [Double] {
        let axis = svg.components(separatedBy: "<g class=\"axis x-axis\">")[1].components(separatedBy: "</g>")[0]
        return axis.components(separatedBy: "<text x=\"").dropFirst().compactMap {
            Double($0.prefix { $0 != "\"" })
        }
    }
}
