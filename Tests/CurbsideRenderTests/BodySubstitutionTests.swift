import CurbsideModel
import CurbsideTestSupport
import Testing

@testable import CurbsideRender

@Suite("Tag tokens replaced in Markdown's output")
struct BodySubstitutionTests {
    static let tags: [(html: String, isBlock: Bool)] = [
        ("<figure>chart</figure>", true), ("<strong>42</strong>", false), ("<table>t</table>", true),
    ]

    @Test("a block tag alone in a paragraph takes the paragraph's place; inline tags stay in their text")
    func paragraphs() {
        let html = "<p>TKN000000Z</p>\n<p>Total: TKN000001Z fines.</p>\n<p>See TKN000002Z here</p>\n"
        #expect(
            BodyRenderer.substituting(Self.tags, prefix: "TKN", in: html)
                == "<figure>chart</figure>\n<p>Total: <strong>42</strong> fines.</p>\n"
                + "<p>See <table>t</table> here</p>\n")
    }

    @Test("text like a token but not one stays, and a tag's own HTML is never searched")
    func lookalikes() {
        let tags: [(html: String, isBlock: Bool)] = [("TKN000001Z from data", false), ("<em>x</em>", false)]
        let html = "TKN12345Z TKN000009Z TKN00000Z <p>TKN000000Z</p> TKN000001ZTKN"
        #expect(
            BodyRenderer.substituting(tags, prefix: "TKN", in: html)
                == "TKN12345Z TKN000009Z TKN00000Z <p>TKN000001Z from data</p> <em>x</em>TKN")
    }

    @Test("the whole body renders with every tag in place and no token left behind")
    func wholeBody() throws {
        var runner = InMemoryQueryRunner()
        runner.register("SELECT n FROM t", QueryTable(columns: ["n"], rows: [[.integer(7)]], sources: ["t"]))
        let page = try ContentParser.page(
            from: "---\ntitle: T\nqueries:\n  q: SELECT n FROM t\n---\nA {{< value query=\"q\" column=\"n\" >}} and "
                + "{{< value query=\"q\" column=\"n\" >}}.\n\n{{< table query=\"q\" >}}\n",
            file: "content/t.md")
        let html = try SamplePage.renderer().bodyHTML(for: page, queries: runner, asOf: SamplePage.context.asOf)
        #expect(!html.contains("CURBSIDETAG"))
        #expect(
            html.hasPrefix(
                "<p>A <span class=\"value\">7</span> and <span class=\"value\">7</span>.</p>\n<div class=\"table-frame\">"
            ))
    }
}
