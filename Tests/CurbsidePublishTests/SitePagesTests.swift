import CurbsideModel
import CurbsidePublish
import Foundation
import Testing

@Suite("Pages beside the versions: versions.html, pdf/, health/")
struct SitePagesTests {
    @Test func publishListsEveryVersionInBothListsWithLinksThatResolve() throws {
        try TestSite.with { site in
            var publisher = site.publisher()
            publisher.siteTitle = "Fines & <b>fees</b>"
            _ = try publisher.publish(
                Fixture.first, files: Fixture.firstFiles + [SiteFile(path: "report.html", text: "r")])
            _ = try publisher.publish(
                Fixture.record("2026-11-02-bbbbbbbbbb", asOf: "2026-11-02"), files: Fixture.files("b"))
            let top = try site.text("versions.html")
            let nested = try site.text("v/versions.html")
            #expect(top.contains("<title>Versions · Fines &amp; &lt;b&gt;fees&lt;/b&gt;</title>"))
            #expect(
                top.contains(
                    "<a href=\"v/2026-11-02-bbbbbbbbbb/index.html\"><code>2026-11-02-bbbbbbbbbb</code></a> <span class=\"muted\">(newest)</span>"
                ))
            #expect(nested.contains("<a href=\"../v/2026-11-02-bbbbbbbbbb/index.html\">"))
            #expect(top.contains("<a href=\"v/2026-11-01-aaaaaaaaaa/report.html\">report.html</a>"))
            #expect(
                !top.contains("v/2026-11-02-bbbbbbbbbb/report.html"), "no link to a report the version does not have")
            #expect(!top.contains("health/index.html"), "no health page yet")
            for (page, folder) in [(top, ""), (nested, "v/")] {
                for link in Self.links(in: page) {
                    let target = URL(fileURLWithPath: site.root + "/" + folder + link).standardized.path
                    #expect(FileManager.default.fileExists(atPath: target), "\(folder)versions.html → \(link)")
                }
            }
            #expect(Verifier().verify(siteRoot: site.root, version: nil).isClean, "v/versions.html is not a version")
        }
    }

    @Test func healthAndPDFsAreStoredBesideTheVersionsAndListed() throws {
        try TestSite.with { site in
            let publisher = site.publisher(retention: 1)
            _ = try publisher.publish(Fixture.first, files: Fixture.firstFiles)
            try publisher.storeHealth([
                SiteFile(path: "index.html", text: "h"), SiteFile(path: "metrics.prom", text: "m 1\n"),
            ])
            try publisher.storePDF(Array("%PDF-1.4".utf8), for: Fixture.first.id)
            #expect(try site.text("health/metrics.prom") == "m 1\n")
            #expect(try site.text("pdf/2026-11-01-aaaaaaaaaa.pdf") == "%PDF-1.4")
            let page = try site.text("versions.html")
            #expect(page.contains("<a href=\"health/index.html\">site health</a>"))
            #expect(page.contains("<a href=\"pdf/2026-11-01-aaaaaaaaaa.pdf\">PDF</a>"))
            #expect(try site.text("v/versions.html").contains("<a href=\"../pdf/2026-11-01-aaaaaaaaaa.pdf\">PDF</a>"))
            #expect(
                Verifier().verify(siteRoot: site.root, version: nil).isClean,
                "nothing outside v/ and latest/ is checked")
            _ = try publisher.publish(
                Fixture.record("2026-11-02-bbbbbbbbbb", asOf: "2026-11-02"), files: Fixture.files("b"))
            #expect(!site.exists("pdf/2026-11-01-aaaaaaaaaa.pdf"), "retention takes the PDF with its version")
            #expect(!(try site.text("versions.html")).contains(".pdf"))
        }
    }

    @Test(arguments: [
        (
            "../x",
            #"publish to SITE: file path "../x" must be a plain file name in health/ (no "/", no ".."); rename the file."#
        ),
        (
            "a/b",
            #"publish to SITE: file path "a/b" must be a plain file name in health/ (no "/", no ".."); rename the file."#
        ),
    ])
    func healthFilesArePlainNamesInsideTheSite(name: String, message: String) throws {
        try TestSite.with { site in
            do {
                try site.publisher().storeHealth([SiteFile(path: name, text: "x")])
                Issue.record("expected an error for \(name)")
            } catch {
                #expect("\(error)".replacingOccurrences(of: site.root, with: "SITE") == message)
            }
            #expect(!FileManager.default.fileExists(atPath: site.root + "/x"))
        }
    }

    @Test func aPDFNeedsAVersionIDThatIsOneFolderName() throws {
        try TestSite.with { site in
            #expect(throws: PublishError.self) { try site.publisher().storePDF([1], for: VersionID("../../etc")) }
            #expect(!FileManager.default.fileExists(atPath: site.root + "/pdf"))
        }
    }

    /// Every `href` of a page.
    static func links(in html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
}
