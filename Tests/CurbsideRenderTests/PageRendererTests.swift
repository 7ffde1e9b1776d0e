import CurbsideModel
import CurbsideRender
import CurbsideTestSupport
import Foundation
import Testing

@Suite("Page renderer")
struct PageRendererTests {
    static func html(context: SiteContext = SamplePage.context) throws -> String {
        try SamplePage.renderer().html(for: SamplePage.page(), queries: SamplePage.runner, context: context)
    }

    @Test("matches the golden page")
    func golden() throws {
        #expect(GoldenFile("nyc.html").check(try Self.html()) == nil)
    }

    @Test("the same inputs give the same bytes")
    func deterministic() throws {
        #expect(try Self.html() == Self.html())
        let first = try SamplePage.renderer().site(
            pages: [SamplePage.page()], queries: SamplePage.runner, context: SamplePage.context)
        let second = try SamplePage.renderer().site(
            pages: [SamplePage.page()], queries: SamplePage.runner, context: SamplePage.context)
        #expect(first.map(\.path) == ["nyc.html"])
        #expect(first.map(\.html) == second.map(\.html))
    }

    @Test("a whole HTML5 document: language, charset, viewport, title, relative stylesheet")
    func document() throws {
        let html = try Self.html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<title>Parking &amp; camera violations · Curbside</title>"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"assets/style.css\">"))
    }

    @Test("every link and resource is relative: the version folder works offline from any host")
    func relativeLinks() throws {
        let html = try Self.html()
        for attribute in ["href=\"", "src=\""] {
            for value in html.components(separatedBy: attribute).dropFirst().map({ $0.prefix { $0 != "\"" } }) {
                #expect(!value.hasPrefix("/") && !value.contains("//"), "\(attribute)\(value) is not relative")
            }
        }
    }

    @Test("navigation marks the current page; the site title links home")
    func navigation() throws {
        let html = try Self.html()
        #expect(html.contains("<a class=\"site-title\" href=\"index.html\">Curbside</a>"))
        #expect(!html.contains("<li><a href=\"index.html\">"))
        #expect(html.contains("<li><a href=\"nyc.html\" aria-current=\"page\">NYC violations</a></li>"))
    }

    @Test("a sample build says so on the page; a live build does not")
    func sampleBanner() throws {
        #expect(try Self.html().contains("class=\"sample-banner\""))
        var live = SamplePage.context
        live.isSample = false
        #expect(try !Self.html(context: live).contains("sample-banner"))
    }

    @Test("the footer cites as-of date, version and data sources")
    func footer() throws {
        let html = try Self.html()
        #expect(html.contains("Data as of <time datetime=\"2025-07-10\">Jul 10, 2025</time>"))
        #expect(html.contains("<code>2025-07-10-3f9c2a71d0</code>"))
        #expect(html.contains("<li>NYC Open Parking and Camera Violations (nc67-uf89)</li>"))
    }

    @Test("site titles from configuration are escaped")
    func escapedContext() throws {
        var context = SamplePage.context
        context.siteTitle = "<script>alert(1)</script>"
        let html = try Self.html(context: context)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("assets come from templates/assets, as paths inside the version")
    func assets() throws {
        let assets = try SamplePage.renderer().assets()
        #expect(assets.map(\.path) == ["assets/explore.js", "assets/style.css", "assets/versions.js"])
        #expect(String(decoding: assets[1].bytes, as: UTF8.self).contains("prefers-color-scheme: dark"))
    }
}
