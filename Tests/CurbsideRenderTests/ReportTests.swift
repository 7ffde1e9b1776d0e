import CurbsideModel
import CurbsideRender
import CurbsideTestSupport
import Foundation
import Testing

@Suite("The print report")
struct ReportTests {
    static let hostile = "<script>alert(1)</script>"

    static func context(title: String = "Curbside") -> SiteContext {
        SiteContext(
            siteTitle: title, asOf: Day(iso: "2019-11-23")!, versionID: VersionID("2019-11-23-0123456789"),
            isSample: true,
            pages: [], dataSources: ["NYC Open Parking and Camera Violations (nc67-uf89)"])
    }

    /// A long table: 150 rows of one caption.
    static var longTable: String {
        var html =
            "<div class=\"table-frame\">\n<table class=\"data-table\">\n<caption><span class=\"figure-title\">Many rows"
        html +=
            "</span> <span class=\"provenance\">Source: <code>t</code> · 150 rows · data as of 2019-11-23</span></caption>\n"
        html +=
            "<thead>\n<tr><th scope=\"col\">Name</th><th scope=\"col\" class=\"num\">Value</th></tr>\n</thead>\n<tbody>\n"
        for row in 1...150 { html += "<tr><td>row \(row)</td><td class=\"num\">\(row * 7)</td></tr>\n" }
        return html + "</tbody>\n</table>\n</div>"
    }

    static var sections: [PageContent] {
        [
            PageContent(
                slug: "index", title: "Overview", description: "The short one.",
                body: "<p>See <a href=\"nyc.html\">the details</a>.</p>\n<h2>First part</h2>\n<p>Text.</p>"),
            PageContent(
                slug: "nyc", title: "Details", description: "The long one, \(hostile).",
                body: "<h2>A table</h2>\n" + longTable
                    + "\n<h2>After the table</h2>\n<p>\(String(repeating: "Words and more words. ", count: 40))</p>"
                    + "\n<h3>Deeper</h3>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        ]
    }

    static func render(title: String = "Curbside", notes: VersionNotes? = nil) throws -> String {
        let renderer = try ReportRenderer(templatesDirectory: Fixtures.path("templates"))
        return try renderer.html(
            sections: sections, context: context(title: title),
            notes: notes ?? VersionNotes(headline: [("Fines", "$1.00")], previous: nil))
    }

    /// The `data-page` of the sheet holding `marker`.
    static func page(of marker: String, in html: String) -> Int? {
        guard let at = html.range(of: marker) else { return nil }
        guard let sheet = html[..<at.lowerBound].range(of: "data-page=\"", options: .backwards) else { return nil }
        return Int(html[sheet.upperBound...].prefix { $0 != "\"" })
    }

    @Test func theContentsGiveThePageOnWhichEachSectionAndSubsectionStarts() throws {
        let html = try Self.render()
        let entries = html.components(separatedBy: "<li class=\"toc-").dropFirst()
        #expect(entries.count == 5)
        for entry in entries {
            let anchor = String(entry.split(separator: "\"")[2].dropFirst())
            let promised = Int(entry.components(separatedBy: "<span class=\"toc-page\">")[1].prefix { $0.isNumber })
            #expect(Self.page(of: "id=\"\(anchor)\"", in: html) == promised, "\(anchor)")
        }
        #expect(html.contains("<span class=\"toc-number\">2.2</span> <span class=\"toc-title\">After the table</span>"))
        #expect(Self.page(of: "id=\"page-index\"", in: html) == 3, "cover, contents, then the first section")
    }

    @Test func eachSectionStartsANewSheetAndTheCountMatchesTheCover() throws {
        let html = try Self.render()
        let sheets = html.components(separatedBy: "class=\"sheet").count - 1
        #expect(html.contains("<dd>\(sheets) pages</dd>"))
        let pages = html.components(separatedBy: "data-page=\"").dropFirst().map { Int($0.prefix { $0.isNumber })! }
        #expect(pages == Array(1...sheets))
        #expect(html.contains(".sheet { break-before: page; }"))
        #expect(html.contains(".sheet.cover { break-before: auto; }"))
    }

    @Test func longTablesContinueOnTheNextPageWithTheirCaptionAndHeader() throws {
        let html = try Self.render()
        let parts = html.components(separatedBy: "<table class=\"data-table t1\">").count - 1
        #expect(parts >= 3, "150 rows take several pages")
        #expect(html.components(separatedBy: "<span class=\"continued\"> (continued)</span>").count - 1 == parts - 1)
        #expect(html.components(separatedBy: "<th scope=\"col\" class=\"num\">Value</th>").count - 1 == parts)
        for row in [1, 75, 150] {
            #expect(html.components(separatedBy: "<td>row \(row)</td>").count == 2, "row \(row) appears once")
        }
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains(".t1 col:nth-child(2) { width: "))
    }

    @Test func pagesPrintOnA4WithNumbersInTheFooterAndNothingFromOutside() throws {
        let html = try Self.render()
        #expect(html.contains("@page { size: A4; margin: 45.35pt 51.02pt 56.69pt; }"))
        #expect(html.contains("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); }"))
        #expect(html.contains("@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href=\"http"))
        #expect(html.contains("href=\"#page-nyc\""), "links between pages point into the report")
    }

    @Test func thePolicyAllowsExactlyTheInlineStylesheet() throws {
        let html = try Self.render()
        let css = try #require(html.components(separatedBy: "<style>").last?.components(separatedBy: "</style>").first)
        let policy =
            "default-src 'none'; style-src '\(ContentSecurityPolicy.hash(css))'; img-src data:; "
            + "base-uri 'none'; form-action 'none'"
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">"))
    }

    @Test func hostileTextStaysTextInHTMLAndInCSS() throws {
        let html = try Self.render(title: "\(Self.hostile) \"q\" & </style>")
        #expect(!html.contains("<script>"))
        #expect(html.components(separatedBy: "</style>").count == 2, "the title cannot close the stylesheet")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(
            html.contains(
                "content: \"\\3c script\\3e alert\\28 1\\29 \\3c \\2f script\\3e  \\22 q\\22  \\26  \\3c \\2f style\\3e  · version 2019-11-23-0123456789\""
            ))
    }

    @Test func theCoverComparesWithThePreviousVersion() throws {
        let notes = VersionNotes(
            headline: [("Fines", "$12.00")],
            previous: (VersionID("2019-11-22-aaaa"), Day(iso: "2019-11-22")!, [("Fines", "$10.00")]))
        let html = try Self.render(notes: notes)
        #expect(html.contains("What changed since version 2019-11-22-aaaa"))
        #expect(
            html.contains(
                "<tr><td>Fines</td><td class=\"num\">$12.00</td><td class=\"num\">$10.00</td><td class=\"num\">+$2.00</td></tr>"
            ))
        #expect(try Self.render().contains("This is the first version published on this site"))
    }
}

@Suite("Content file names cannot lead out of the version")
struct ContentFileNameTests {
    @Test(arguments: [
        ("content/../x.md", "x.html"), ("content/sub/../../y.md", "y.html"), ("content/a/b/c.md", "c.html"),
    ])
    func pagesAreNamedByTheirFileNameOnly(file: String, output: String) throws {
        let page = try ContentParser.page(from: "---\ntitle: T\n---\nBody\n", file: file)
        #expect(page.outputPath == output)
    }

    @Test(arguments: [
        "content/..md", "content/.md", "content/a b.md", "content/A.md", "content/x.y.md", "content/../.md",
    ])
    func fileNamesThatCannotBePagesAreRefused(file: String) {
        let name = String(file.split(separator: "/").last!)
        #expect {
            _ = try ContentParser.page(from: "---\ntitle: T\n---\n", file: file)
        } throws: { error in
            "\(error)"
                == "\(file): '\(name)' cannot be a page name: use only a-z, 0-9, '-' and '_' (it becomes the page's URL)"
        }
    }
}
