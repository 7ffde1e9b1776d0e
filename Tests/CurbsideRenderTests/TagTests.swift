import CurbsideModel
import CurbsideRender
import CurbsideTestSupport
import Foundation
import Testing

@Suite("Tags")
struct TagTests {
    static func body() throws -> String {
        try SamplePage.renderer().bodyHTML(
            for: SamplePage.page(), queries: SamplePage.runner, asOf: SamplePage.context.asOf)
    }

    @Test("value: inline, formatted, escaped, inside its sentence")
    func value() throws {
        #expect(try Self.body().contains("<p>The city issued <span class=\"value\">$9,471,901.00</span> in fines.</p>"))
    }

    @Test("chart: a figure with the inline SVG and a caption naming source, rows and as-of date")
    func chart() throws {
        let html = try Self.body()
        #expect(
            html.contains(
                "<figure class=\"chart-figure\">\n<figcaption><span class=\"figure-title\">Fines issued and paid per day</span> "
                    + "<span class=\"provenance\">Source: <code>gold_nyc_daily</code> · 3 rows · data as of 2025-07-10</span>"
                    + "</figcaption>\n<div class=\"chart-frame chart-wide\">\n<svg "))
        #expect(
            html.contains(
                "<div class=\"chart-frame chart-narrow\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 "
            ))
        #expect(html.contains("class=\"chart line-chart\""))
        #expect(html.contains("<title>Paid, Sun, May 11, 2025: $1,100,162.00</title>"))
        #expect(!html.contains("<p><figure"))
    }

    @Test("bar chart: category labels from data are escaped")
    func barChart() throws {
        let html = try Self.body()
        #expect(html.contains("class=\"chart bar-chart\""))
        #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;: 12</title>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
    }

    @Test("table: headers, right-aligned numbers, caption with provenance, escaped cells")
    func table() throws {
        let html = try Self.body()
        #expect(
            html.contains(
                "<caption><span class=\"figure-title\">Top violations</span> <span class=\"provenance\">"
                    + "Source: <code>gold_nyc_top_violations</code> · 3 rows · data as of 2025-07-10</span></caption>"))
        #expect(
            html.contains("<tr><th scope=\"col\">Violation</th><th scope=\"col\" class=\"num\">Summonses</th></tr>"))
        #expect(
            html.contains(
                "<tr><td>PHTO SCHOOL ZN SPEED VIOLATION</td><td class=\"num\" data-sort=\"412\">412</td></tr>"))
        #expect(
            html.contains(
                "<tr><td>&quot;quoted&quot; &amp; &lt;b&gt;</td><td class=\"num\" data-sort=\"3\">3</td></tr>"))
    }

    @Test("a table of no rows says so; columns default to the query's")
    func emptyTable() throws {
        var runner = InMemoryQueryRunner()
        runner.register("SELECT a, b FROM t", QueryTable(columns: ["a", "b"], rows: [], sources: ["t"]))
        let page = try ContentParser.page(
            from: "---\ntitle: T\nqueries:\n  q: SELECT a, b FROM t\n---\n{{< table query=\"q\" >}}",
            file: "content/t.md")
        let html = try SamplePage.renderer().bodyHTML(for: page, queries: runner, asOf: SamplePage.context.asOf)
        #expect(html.contains("<th scope=\"col\">a</th><th scope=\"col\">b</th>"))
        #expect(html.contains("<td class=\"empty\" colspan=\"2\">No rows</td>"))
        #expect(html.contains("Source: <code>t</code> · 0 rows"))
    }

    @Test("tags in code blocks and code spans stay literal")
    func codeIsLiteral() throws {
        let text = "---\ntitle: T\n---\n```\n{{< value query=\"x\" >}}\n```\n\nUse `{{< value query=\"x\" >}}` inline."
        let page = try ContentParser.page(from: text, file: "content/t.md")
        let html = try SamplePage.renderer().bodyHTML(
            for: page, queries: InMemoryQueryRunner(), asOf: SamplePage.context.asOf)
        #expect(html.contains("<pre><code>{{&lt; value query=&quot;x&quot; &gt;}}\n</code></pre>"))
        #expect(html.contains("<code>{{&lt; value query=&quot;x&quot; &gt;}}</code>"))
    }

    @Test("a query used by several tags runs once")
    func queriesRunOnce() throws {
        let counter = CountingRunner(base: SamplePage.runner)
        _ = try SamplePage.renderer().bodyHTML(
            for: SamplePage.page(), queries: counter, asOf: SamplePage.context.asOf)
        #expect(counter.count == 3)
    }

    /// A page whose queries `hw` (day × hour), `grid` (lat × lng) and `bad` answer from ``gridRunner``, with
    /// `body` starting on line 8.
    static func gridPage(_ body: String) -> String {
        """
        ---
        title: Crashes
        queries:
          hw: SELECT dow, hour, crashes FROM gold_chicago_hour_weekday
          grid: SELECT lat_bin, lng_bin, crashes FROM gold_chicago_grid
          bad: SELECT dow, hour, crashes FROM bad
        ---
        \(body)
        """
    }

    static var gridRunner: InMemoryQueryRunner {
        var runner = InMemoryQueryRunner()
        // Hours out of order and as text, a NULL value, and two pairs without a row.
        runner.register(
            "SELECT dow, hour, crashes FROM gold_chicago_hour_weekday",
            QueryTable(
                columns: ["dow", "hour", "crashes"],
                rows: [
                    [.integer(2), .text("10"), .integer(5)], [.integer(1), .integer(2), .integer(3)],
                    [.integer(1), .integer(10), .integer(4)], [.integer(3), .integer(0), .integer(0)],
                    [.integer(2), .integer(2), .integer(1)], [.integer(1), .integer(0), .integer(2)],
                    [.integer(3), .integer(10), .null],
                ],
                sources: ["gold_chicago_hour_weekday"]))
        runner.register(
            "SELECT lat_bin, lng_bin, crashes FROM gold_chicago_grid",
            QueryTable(
                columns: ["lat_bin", "lng_bin", "crashes"],
                rows: [
                    [.real(41.88), .real(-87.64), .integer(12)], [.real(41.89), .real(-87.63), .integer(3)],
                    [.null, .real(-87.63), .integer(9)], [.real(41.87), .real(-87.62), .null],
                ],
                sources: ["gold_chicago_grid"]))
        runner.register(
            "SELECT dow, hour, crashes FROM bad",
            QueryTable(
                columns: ["dow", "hour", "crashes"],
                rows: [[.integer(1), .integer(0), .integer(2)], [.integer(1), .integer(1), .text("many")]]))
        return runner
    }

    static func renderGridPage(_ body: String) throws -> String {
        let page = try ContentParser.page(from: gridPage(body), file: "content/crashes.md")
        return try SamplePage.renderer().bodyHTML(for: page, queries: gridRunner, asOf: SamplePage.context.asOf)
    }

    @Test("heat map: numeric categories in numeric order, labelled; gaps and NULLs are cells without data")
    func heatMap() throws {
        let html = try Self.renderGridPage(
            "{{< chart query=\"hw\" type=\"heatmap\" x=\"hour\" y=\"dow\" value=\"crashes\" ylabels=\"Sun, Mon, Tue\""
                + " title=\"Crashes by day and hour\" >}}")
        #expect(
            html.contains(
                "<figcaption><span class=\"figure-title\">Crashes by day and hour</span> <span class=\"provenance\">"
                    + "Source: <code>gold_chicago_hour_weekday</code> · 7 rows · data as of 2025-07-10</span>"))
        #expect(
            html.contains(
                "<div class=\"chart-frame chart-wide\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 "))
        #expect(
            html.contains(
                "<div class=\"chart-frame chart-narrow\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 "
            ))
        #expect(html.contains("class=\"chart heat-map\""))
        #expect(html.contains("<title>Sun · 10: 4</title>"))
        #expect(html.contains("<title>Mon · 10: 5</title>"))
        #expect(html.contains("<title>Mon · 0: no data</title>"))
        #expect(html.contains("<title>Tue · 10: no data</title>"))
        #expect(
            html.contains(
                "<desc>Heat map of 3 rows (Sun to Tue) by 3 columns (0 to 10); 6 of 9 cells have data."
                    + " Highest: Mon · 10, 5. Lowest: Tue · 0, 0.</desc>"))
    }

    @Test("heat map: text categories keep their first order and are escaped")
    func heatMapText() throws {
        var runner = InMemoryQueryRunner()
        runner.register(
            "SELECT b, h, n FROM t",
            QueryTable(
                columns: ["b", "h", "n"],
                rows: [
                    [.text("QUEENS"), .text("<b>"), .integer(1)], [.text("BROOKLYN"), .text("<b>"), .integer(2)],
                    [.null, .text("<b>"), .integer(3)],
                ]))
        let page = try ContentParser.page(
            from: "---\ntitle: T\nqueries:\n  q: SELECT b, h, n FROM t\n---\n"
                + "{{< chart query=\"q\" type=\"heatmap\" x=\"b\" y=\"h\" value=\"n\" title=\"T\" >}}",
            file: "content/t.md")
        let html = try SamplePage.renderer().bodyHTML(for: page, queries: runner, asOf: SamplePage.context.asOf)
        #expect(html.contains("by 3 columns (QUEENS to (none))"))
        #expect(html.contains("<title>&lt;b&gt; · BROOKLYN: 2</title>"))
        #expect(!html.contains("<b>"))
    }

    @Test("map: one cell per row at its coordinates; rows without coordinates are left out")
    func map() throws {
        let html = try Self.renderGridPage(
            "{{< chart query=\"grid\" type=\"map\" lat=\"lat_bin\" lng=\"lng_bin\" value=\"crashes\" cell=\"0.01\""
                + " title=\"Crashes by grid cell\" >}}")
        #expect(html.contains("class=\"chart grid-map\""))
        #expect(html.contains("Source: <code>gold_chicago_grid</code> · 4 rows"))
        #expect(html.contains("<title>41.88, -87.64: 12</title>"))
        #expect(html.contains("<title>41.87, -87.62: no data</title>"))
        #expect(html.components(separatedBy: "<title>41.8").count - 1 == 2 * 3)
        #expect(html.contains("viewBox=\"0 0 360 "))
    }

    @Test(
        "heat map and map errors name the file, the line and what to change",
        arguments: [
            (
                "{{< chart query=\"hw\" type=\"pie\" x=\"hour\" y=\"dow\" title=\"T\" >}}",
                "content/crashes.md:8: chart tag: type: expected line, bar, heatmap or map, found 'pie'"
            ),
            (
                "{{< chart query=\"bad\" type=\"heatmap\" x=\"hour\" y=\"dow\" value=\"crashes\" title=\"T\" >}}",
                "content/crashes.md:8: chart tag: column 'crashes' of query 'bad' holds 'many' in row 2, not a number"
            ),
            (
                "{{< chart query=\"bad\" type=\"map\" lat=\"dow\" lng=\"hour\" value=\"crashes\" title=\"T\" >}}",
                "content/crashes.md:8: chart tag: column 'crashes' of query 'bad' holds 'many' in row 2, not a number"
            ),
            (
                "{{< chart query=\"hw\" type=\"heatmap\" x=\"hour\" y=\"weekday\" value=\"crashes\" title=\"T\" >}}",
                "content/crashes.md:8: chart tag: query 'hw' has no column 'weekday'; its columns: dow, hour, crashes"
            ),
            (
                "{{< chart query=\"grid\" type=\"map\" lat=\"lat_bin\" lng=\"lon_bin\" value=\"crashes\" title=\"T\" >}}",
                "content/crashes.md:8: chart tag: query 'grid' has no column 'lon_bin'; its columns: lat_bin, lng_bin, crashes"
            ),
            (
                "{{< chart query=\"hw\" type=\"heatmap\" x=\"hour\" y=\"dow\" title=\"T\" >}}",
                "content/crashes.md:8: chart tag: attribute 'value' is required"
            ),
            (
                "{{< chart query=\"grid\" type=\"map\" lng=\"lng_bin\" value=\"crashes\" title=\"T\" >}}",
                "content/crashes.md:8: chart tag: attribute 'lat' is required"
            ),
            (
                "{{< chart query=\"hw\" type=\"line\" x=\"hour\" y=\"crashes\" value=\"crashes\" title=\"T\" >}}",
                "content/crashes.md:8: chart tag: value: not used by a line chart; a line chart takes: query, type, x,"
                    + " xaxis, y, labels, format, title, ylabel"
            ),
            (
                "{{< chart query=\"grid\" type=\"map\" lat=\"lat_bin\" lng=\"lng_bin\" value=\"crashes\" ylabels=\"a\""
                    + " title=\"T\" >}}",
                "content/crashes.md:8: chart tag: ylabels: not used by a map chart; a map chart takes: query, type, lat, lng,"
                    + " value, cell, format, title"
            ),
            (
                "{{< chart query=\"hw\" type=\"heatmap\" x=\"hour\" y=\"dow\" value=\"crashes\" colour=\"red\" title=\"T\" >}}",
                "content/crashes.md:8: chart tag: unknown attribute 'colour'; expected one of: query, type, x, xaxis, y,"
                    + " labels, value, lat, lng, cell, xlabels, ylabels, format, title, ylabel"
            ),
            (
                "{{< chart query=\"hw\" type=\"heatmap\" x=\"hour\" y=\"dow\" value=\"crashes\" ylabels=\"Sun,Mon\""
                    + " title=\"T\" >}}",
                "content/crashes.md:8: chart tag: ylabels: 2 labels for 3 distinct values of 'dow' (1, 2, 3);"
                    + " give one label per value, in this order"
            ),
            (
                "{{< chart query=\"hw\" type=\"heatmap\" x=\"dow\" y=\"dow\" value=\"crashes\" title=\"T\" >}}",
                "content/crashes.md:8: chart tag: value: rows 2 and 3 of query 'hw' are both at dow 1, dow 1;"
                    + " return one row per cell (GROUP BY both)"
            ),
            (
                "{{< chart query=\"grid\" type=\"map\" lat=\"lat_bin\" lng=\"lng_bin\" value=\"crashes\" cell=\"small\""
                    + " title=\"T\" >}}",
                "content/crashes.md:8: chart tag: cell: expected the cell's side in degrees, such as 0.01, found 'small'"
            ),
        ])
    func gridErrors(body: String, expected: String) {
        do {
            let html = try Self.renderGridPage(body)
            Issue.record("rendered instead of failing: \(html.prefix(80))")
        } catch {
            #expect(String(describing: error) == expected)
        }
    }
}

/// Counts the queries it passes on.
final class CountingRunner: QueryRunner, @unchecked Sendable {
    let base: InMemoryQueryRunner
    private let lock = NSLock()
    private var runs = 0

    init(base: InMemoryQueryRunner) { self.base = base }

    var count: Int { lock.withLock { runs } }

    func run(_ sql: String) throws -> QueryTable {
        lock.withLock { runs += 1 }
        return try base.run(sql)
    }
}
