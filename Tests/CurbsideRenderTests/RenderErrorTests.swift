import CurbsideModel
import CurbsideRender
import CurbsideTestSupport
import Testing

/// The exact text authors read, with file and line.
@Suite("Error messages")
struct RenderErrorTests {
    /// A page with two queries whose body (starting on line 9) is `body`.
    static func page(_ body: String) -> String {
        """
        ---
        title: NYC
        queries:
          daily: |
            SELECT date, total_fines_issued FROM gold_nyc_daily ORDER BY date
          top10: |
            SELECT violation, violations FROM gold_nyc_top_violations ORDER BY rank
        ---
        \(body)
        """
    }

    static func message(_ text: String, file: String = "content/nyc.md", runner: InMemoryQueryRunner = runner)
        -> String?
    {
        do {
            let page = try ContentParser.page(from: text, file: file)
            _ = try SamplePage.renderer().bodyHTML(for: page, queries: runner, asOf: SamplePage.context.asOf)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    static var runner: InMemoryQueryRunner {
        var runner = InMemoryQueryRunner()
        runner.register(
            "SELECT date, total_fines_issued FROM gold_nyc_daily ORDER BY date",
            QueryTable(
                columns: ["date", "total_fines_issued"], rows: [[.text("2025-05-10"), .text("lots")]],
                sources: ["gold_nyc_daily"]))
        runner.fail(
            "SELECT violation, violations FROM gold_nyc_top_violations ORDER BY rank",
            message: "no such table: gold_nyc_top_violations")
        return runner
    }

    @Test(
        "tag errors",
        arguments: [
            (
                "Text\n\n{{< chart query=\"dayly\" type=\"line\" x=\"date\" y=\"total_fines_issued\" title=\"T\" >}}",
                "content/nyc.md:11: chart tag: query 'dayly' is not defined; defined queries: daily, top10"
            ),
            (
                "{{< table query=\"daily\" columns=\"date,fines\" >}}",
                "content/nyc.md:9: table tag: query 'daily' has no column 'fines'; its columns: date, total_fines_issued"
            ),
            (
                "{{< table query=\"daily\" colour=\"red\" >}}",
                "content/nyc.md:9: table tag: unknown attribute 'colour'; expected one of: query, columns, headers, format, title, pagesize"
            ),
            (
                "{{< chart query=\"daily\" type=\"line\" x=\"date\" y=\"total_fines_issued\" >}}",
                "content/nyc.md:9: chart tag: attribute 'title' is required"
            ),
            (
                "one\ntwo {{< value query=\"daily\" column=\"date\"",
                "content/nyc.md:10: tag '{{<' is not closed by '>}}' on the same line"
            ),
            (
                "{{< table query=\"daily\" format=\"dollars\" >}}",
                "content/nyc.md:9: table tag: unknown format 'dollars'; expected one of: money, integer, percent, decimal, date, text"
            ),
            (
                "{{< chart query=\"daily\" type=\"pie\" x=\"date\" y=\"total_fines_issued\" title=\"T\" >}}",
                "content/nyc.md:9: chart tag: type: expected line, bar, heatmap or map, found 'pie'"
            ),
            (
                "{{< chart query=\"daily\" type=\"line\" xaxis=\"log\" x=\"date\" y=\"total_fines_issued\" title=\"T\" >}}",
                "content/nyc.md:9: chart tag: xaxis: expected linear (numbers placed by value), found 'log'"
            ),
            (
                "{{< chart query=\"daily\" type=\"line\" x=\"date\" y=\"total_fines_issued\" title=\"T\" >}}",
                "content/nyc.md:9: chart tag: column 'total_fines_issued' of query 'daily' holds 'lots' in row 1, not a number"
            ),
            (
                "\n\n{{< table query=\"top10\" >}}",
                "content/nyc.md:6: query 'top10' failed: no such table: gold_nyc_top_violations (run for the tag on line 11)"
            ),
            (
                "{{< graph query=\"daily\" >}}",
                "content/nyc.md:9: unknown tag 'graph'; expected one of: chart, table, value"
            ),
            (
                "See {{< table query=\"daily\" >}} here",
                "content/nyc.md:9: table tag must be on a line of its own"
            ),
            (
                "{{< table query=daily >}}",
                "content/nyc.md:9: table tag: expected attributes as name=\"value\", found 'query=daily'"
            ),
            (
                "{{< table query=\"daily\" query=\"top10\" >}}",
                "content/nyc.md:9: table tag: attribute 'query' is given twice"
            ),
            (
                "{{< chart query=\"daily\" type=\"line\" x=\"date\" y=\"total_fines_issued\" labels=\"A,B\" title=\"T\" >}}",
                "content/nyc.md:9: chart tag: labels: 2 labels for 1 y column"
            ),
        ])
    func tagErrors(body: String, expected: String) {
        #expect(Self.message(Self.page(body)) == expected)
    }

    @Test("a value query must return exactly one row")
    func notOneRow() {
        var runner = InMemoryQueryRunner()
        runner.register(
            "SELECT 1 AS a UNION ALL SELECT 2", QueryTable(columns: ["a"], rows: [[.integer(1)], [.integer(2)]]))
        let text =
            "---\ntitle: T\nqueries:\n  two: SELECT 1 AS a UNION ALL SELECT 2\n---\nIt is {{< value query=\"two\" >}}."
        #expect(
            Self.message(text, file: "content/t.md", runner: runner)
                == "content/t.md:6: value tag: query 'two' must return exactly one row, it returned 2")
    }

    @Test("a page without queries says how to add one")
    func noQueries() {
        let text = "---\ntitle: T\n---\n{{< value query=\"x\" >}}"
        #expect(
            Self.message(text)
                == "content/nyc.md:4: value tag: query 'x' is not defined; this page defines no queries (add them under 'queries:' in the front matter)"
        )
    }

    @Test(
        "front matter errors",
        arguments: [
            (
                "# Title\n",
                "content/nyc.md:1: front matter: missing; start the file with a line '---', then 'title: …', then another '---'"
            ),
            ("---\ntitle: T\n", "content/nyc.md:1: front matter: not closed; add a line '---' after the last key"),
            (
                "---\ntitel: T\n---\n",
                "content/nyc.md:2: front matter: unknown key 'titel'; expected one of: title, description, order, datasets, queries"
            ),
            ("---\ndescription: D\n---\n", "content/nyc.md:1: front matter: 'title' is required"),
            (
                "---\ntitle: T\ndatasets: nyc, boston\n---\n",
                "content/nyc.md:3: front matter: unknown dataset 'boston'; expected one of: nyc, chicago, model"
            ),
            (
                "---\ntitle: T\norder: first\n---\n",
                "content/nyc.md:3: front matter: order must be a whole number, found 'first'"
            ),
            ("---\ntitle: T\ntitle: U\n---\n", "content/nyc.md:3: front matter: 'title' is given twice"),
            ("---\ntitle T\n---\n", "content/nyc.md:2: front matter: expected 'key: value', found 'title T'"),
            ("---\ntitle: \"T\n---\n", "content/nyc.md:2: front matter: the quote \" is not closed on this line"),
            (
                "---\ntitle: T\nqueries:\n  a: SELECT 1\n  a: SELECT 2\n---\n",
                "content/nyc.md:5: front matter: query 'a' is defined twice (first on line 4)"
            ),
            (
                "---\ntitle: T\nqueries:\n  a: |\n---\n",
                "content/nyc.md:4: front matter: query 'a' has no SQL; write it as an indented block after 'a: |'"
            ),
            (
                "---\ntitle: T\nqueries:\n  top-10: SELECT 1\n---\n",
                "content/nyc.md:4: front matter: query name 'top-10' must be letters, digits and '_', starting with a letter"
            ),
        ])
    func frontMatterErrors(text: String, expected: String) {
        #expect(Self.message(text) == expected)
    }

    @Test("a file name that cannot be a URL")
    func fileName() {
        #expect(throws: RenderError(file: "content/My Page.md", line: nil, reason: .badFileName("My Page.md"))) {
            try ContentParser.page(from: "---\ntitle: T\n---\n", file: "content/My Page.md")
        }
        let error = RenderError(file: "content/My Page.md", line: nil, reason: .badFileName("My Page.md"))
        #expect(
            error.description
                == "content/My Page.md: 'My Page.md' cannot be a page name: use only a-z, 0-9, '-' and '_' (it becomes the page's URL)"
        )
    }

    @Test("the home page must exist")
    func missingHome() {
        #expect(throws: RenderError.self) {
            try ContentParser.pages(from: [(file: "content/nyc.md", text: "---\ntitle: NYC\n---\n")])
        }
        let error = RenderError(file: "content/index.md", line: nil, reason: .missingHomePage)
        #expect(error.description == "content/index.md: the home page is missing; add it (it becomes index.html)")
    }
}
