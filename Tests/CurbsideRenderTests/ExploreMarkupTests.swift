import CurbsideModel
import CurbsideRender
import CurbsideTestSupport
import Foundation
import Testing

/// What the pages carry for `assets/explore.js`: each chart's rows as an inert JSON block, each line chart's plot box,
/// sortable tables with raw sort keys; and what stays out of the print report.
@Suite("Markup for the explorer")
struct ExploreMarkupTests {
    static func body() throws -> String {
        try SamplePage.renderer().bodyHTML(
            for: try SamplePage.page(), queries: SamplePage.runner, asOf: SamplePage.context.asOf)
    }

    /// The JSON of every chart's data block, in page order.
    static func blocks(_ html: String) throws -> [[String: Any]] {
        try html.components(separatedBy: "<script type=\"application/json\" class=\"chart-data\">").dropFirst().map {
            let json = String($0.prefix { $0 != "<" })
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        }
    }

    @Test("each chart embeds the rows it draws, with column names, labels and format")
    func dataBlocks() throws {
        let blocks = try Self.blocks(try Self.body())
        #expect(blocks.count == 2)
        let line = blocks[0]
        #expect(line["type"] as? String == "line")
        #expect(line["format"] as? String == "money")
        #expect(line["columns"] as? [String] == ["date", "total_fines_issued", "total_paid_amount"])
        #expect(line["labels"] as? [String] == ["Fines issued", "Paid"])
        let rows = try #require(line["rows"] as? [[Any]])
        #expect(rows.count == 3)
        #expect(rows[0][0] as? String == "2025-05-10")
        #expect(rows[2][2] as? Double == 1_867_251.21)
        let bar = blocks[1]
        #expect(bar["type"] as? String == "bar")
        #expect((bar["rows"] as? [[Any]])?[1][0] as? String == "<script>alert(1)</script>")
    }

    @Test("no value can end the data block: <, > and & are JSON escapes")
    func hostileValues() throws {
        let html = try Self.body()
        let block = try #require(
            html.components(separatedBy: "class=\"chart-data\">").last?.components(separatedBy: "</script>").first)
        #expect(block.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"))
        #expect(block.contains("\\\"quoted\\\" \\u0026 \\u003cb\\u003e"))
        #expect(!block.contains("<") && !block.contains(">"))
        #expect(html.components(separatedBy: "</script>").count - 1 == 2, "one end tag per data block, none from data")
    }

    @Test("tables are sortable: numbers and dates carry their raw value; pagesize sets rows per page")
    func sortableTables() throws {
        var runner = InMemoryQueryRunner()
        runner.register(
            "SELECT day, fines, note FROM t",
            QueryTable(
                columns: ["day", "fines", "note"],
                rows: [[.text("2025-05-10"), .real(1234.5), .text("a")], [.null, .null, .null]], sources: ["t"]))
        let page = try ContentParser.page(
            from: """
                ---
                title: T
                queries:
                  q: SELECT day, fines, note FROM t
                ---
                {{< table query="q" format="date,money,text" pagesize="10" >}}
                """, file: "content/t.md")
        let html = try SamplePage.renderer().bodyHTML(for: page, queries: runner, asOf: SamplePage.context.asOf)
        #expect(html.contains("<table class=\"data-table\" data-sortable data-page-size=\"10\">"))
        #expect(
            html.contains(
                "<tr><td data-sort=\"2025-05-10\">May 10, 2025</td><td class=\"num\" data-sort=\"1234.5\">$1,234.50</td>"
                    + "<td>a</td></tr>"))
        #expect(html.contains("<tr><td>—</td><td class=\"num\">—</td><td>—</td></tr>"))
    }

    @Test(
        "pagesize must be a whole number from 5 to 1000",
        arguments: ["4", "lots", "1001"])
    func badPageSize(value: String) throws {
        let page = try ContentParser.page(
            from:
                "---\ntitle: T\nqueries:\n  q: SELECT day FROM t\n---\n{{< table query=\"q\" pagesize=\"\(value)\" >}}",
            file: "content/t.md")
        do {
            _ = try SamplePage.renderer().bodyHTML(
                for: page, queries: InMemoryQueryRunner(), asOf: SamplePage.context.asOf)
            Issue.record("no error for pagesize=\"\(value)\"")
        } catch {
            #expect(
                "\(error)"
                    == "content/t.md:6: table tag: pagesize: expected a whole number of rows per page from 5 to 1000, "
                    + "found '\(value)'")
        }
    }

    @Test("the print report keeps the wide drawing and drops the data block and the narrow drawing")
    func report() throws {
        let renderer = try ReportRenderer(templatesDirectory: Fixtures.path("templates"))
        let html = try renderer.html(
            sections: [PageContent(slug: "nyc", title: "NYC", description: "", body: try Self.body())],
            context: SamplePage.context, notes: VersionNotes(headline: [], previous: nil))
        #expect(!html.contains("application/json") && !html.contains("chart-data"))
        #expect(!html.contains("chart-narrow"))
        #expect(html.contains("class=\"chart-frame chart-wide\""))
        #expect(!html.contains("explore.js"))
    }

    @Test("every page loads the explorer, from the site's own assets")
    func layout() throws {
        let html = try SamplePage.renderer().html(
            for: try SamplePage.page(), queries: SamplePage.runner, context: SamplePage.context)
        #expect(html.contains("<script src=\"assets/explore.js\" defer></script>"))
        #expect(!html.contains("<script>") && !html.contains(" style=\""))
    }
}
