import CurbsideRender
import CurbsideTestSupport
import Testing

@Suite("Markdown")
struct MarkdownTests {
    static func html(_ body: String) throws -> String {
        let page = try ContentParser.page(from: "---\ntitle: T\n---\n" + body, file: "content/t.md")
        return try SamplePage.renderer().bodyHTML(
            for: page, queries: InMemoryQueryRunner(), asOf: SamplePage.context.asOf)
    }

    @Test("GitHub-flavoured extensions are on")
    func extensions() throws {
        let html = try Self.html("| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~old~~ www.example.com\n\n- [x] done\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<td align=\"right\">2</td>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done"))
    }

    @Test("author HTML passes through, but the tag filter disarms script")
    func authorHTML() throws {
        let html = try Self.html("<details><summary>More</summary>\n\nText\n\n</details>\n\n<script>x</script>\n")
        #expect(html.contains("<details><summary>More</summary>"))
        #expect(html.contains("&lt;script>x&lt;/script>"))
    }
}
