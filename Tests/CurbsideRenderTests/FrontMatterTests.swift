import CurbsideRender
import Testing

@Suite("Front matter")
struct FrontMatterTests {
    @Test("title, description, order and queries with their lines")
    func parses() throws {
        let page = try SamplePage.page()
        #expect(page.file == "content/nyc.md")
        #expect(page.slug == "nyc")
        #expect(page.outputPath == "nyc.html")
        #expect(page.title == "Parking & camera violations")
        #expect(page.description == "What the city fined, and what was paid.")
        #expect(page.order == 10)
        #expect(page.queries.map(\.name) == ["daily", "top", "totals"])
        #expect(page.queries.map(\.line) == [6, 10, 12])
        #expect(
            page.queries[0].sql
                == "SELECT date, total_fines_issued, total_paid_amount\nFROM gold_nyc_daily\nORDER BY date")
        #expect(page.queries[2].sql == "SELECT sum(total_fines_issued) AS fines FROM gold_nyc_daily")
        #expect(page.bodyStartLine == 14)
        #expect(page.body.hasPrefix("## Money\n"))
    }

    @Test("quoting, comments, folded blocks, CRLF and defaults")
    func scalars() throws {
        let text =
            "---\r\n# a comment\r\ntitle: 'It''s \"fine\"'\r\ndescription: >\r\n  one\r\n  two\r\n---\r\nbody"
        let page = try ContentParser.page(from: text, file: "content/index.md")
        #expect(page.title == "It's \"fine\"")
        #expect(page.description == "one two")
        #expect(page.order == 100)
        #expect(page.queries.isEmpty)
        #expect(page.isHome)
        #expect(page.outputPath == "index.html")
        #expect(page.body == "body")
        #expect(page.bodyStartLine == 8)
    }

    @Test("content/README.md documents the syntax and is never a page")
    func readme() throws {
        #expect(!ContentParser.isPage("content/README.md"))
        #expect(!ContentParser.isPage("content/notes.txt"))
        #expect(ContentParser.isPage("content/nyc.md"))
        let pages = try ContentParser.pages(from: [
            (file: "content/README.md", text: "# Not a page"),
            (file: "content/nyc.md", text: "---\ntitle: NYC\norder: 10\n---\n"),
            (file: "content/index.md", text: "---\ntitle: Home\norder: 0\n---\n"),
            (file: "content/about.md", text: "---\ntitle: About\norder: 10\n---\n"),
        ])
        #expect(pages.map(\.slug) == ["index", "about", "nyc"])
        #expect(NavItem.items(for: pages).map(\.href) == ["index.html", "about.html", "nyc.html"])
    }
}
