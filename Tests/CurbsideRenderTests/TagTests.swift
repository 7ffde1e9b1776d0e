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
        #expect(html.contains("<tr><td>PHTO SCHOOL ZN SPEED VIOLATION</td><td class=\"num\">412</td></tr>"))
        #expect(html.contains("<tr><td>&quot;quoted&quot; &amp; &lt;b&gt;</td><td class=\"num\">3</td></tr>"))
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
