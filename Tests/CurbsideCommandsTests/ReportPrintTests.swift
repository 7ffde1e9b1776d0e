import CurbsideCommands
import CurbsideModel
import CurbsidePublish
import CurbsideTestSupport
import Foundation
import Testing

/// `report.html` printed by headless Chromium (as `build --pdf` does), read back with poppler's `pdfinfo` and
/// `pdftotext`: the PDF has exactly the pages the report promises, and each section starts on the page its
/// contents entry gives. Skipped, saying what to install, without Chromium or poppler-utils.
@Suite(.serialized) struct ReportPrintTests {
    static var tools: (chromium: String, pdftotext: String, pdfinfo: String)? {
        guard
            let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(SiteFixture.which).first,
            let pdftotext = SiteFixture.which("pdftotext"), let pdfinfo = SiteFixture.which("pdfinfo")
        else { return nil }
        return (chromium, pdftotext, pdfinfo)
    }

    @Test(
        .enabled(
            if: ReportPrintTests.tools != nil,
            "printing the report needs chromium and poppler-utils (apt-get install chromium poppler-utils)"))
    func thePrintedReportHasThePagesAndSectionStartsItsContentsPromise() async throws {
        let tools = try #require(Self.tools)
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let result = try await SiteFixture.build(
            SiteFixture.options(folder), run: BuildRun(pdf: true, environment: ["CURBSIDE_CHROMIUM": tools.chromium]))
        #expect(result.notes.isEmpty, "\(result.notes)")
        let site = folder + "/site"
        let id = result.outcome.versionID.rawValue
        let pdf = "\(site)/pdf/\(id).pdf"
        #expect(FileManager.default.fileExists(atPath: pdf))
        let html = try SiteFixture.text("\(site)/v/\(id)/report.html")
        let promised = try #require(
            Int(html.components(separatedBy: "<dt>Length</dt>\n<dd>")[1].prefix { $0.isNumber }))
        let info = try SiteFixture.run(tools.pdfinfo, [pdf]).output
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
            Int($0.split(separator: " ").last!)
        }
        #expect(pages == promised, "the cover says \(promised) pages, the PDF has \(pages ?? 0)")
        #expect(info.contains("A4"))
        var checked = 0
        for entry in html.components(separatedBy: "<li class=\"toc-").dropFirst() {
            let number = entry.components(separatedBy: "<span class=\"toc-number\">")[1].prefix { $0 != "<" }
            let page = try #require(
                Int(entry.components(separatedBy: "<span class=\"toc-page\">")[1].prefix { $0.isNumber }))
            let text = try SiteFixture.run(tools.pdftotext, ["-f", "\(page)", "-l", "\(page)", "-layout", pdf, "-"])
                .output
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(lines.contains { $0.hasPrefix("\(number) ") }, "contents: \(number) on page \(page), not there")
            #expect(text.contains("Page \(page) of \(promised)"), "the footer of page \(page)")
            checked += 1
        }
        #expect(checked >= 8)
        let first = try SiteFixture.run(tools.pdftotext, ["-f", "1", "-l", "1", "-layout", pdf, "-"]).output
        #expect(first.contains(id) && !first.contains("Page 1 of"), "the cover names the version, without a number")
        #expect(Verifier().verify(siteRoot: site, version: nil).isClean, "the PDF is not part of the version")
        #expect(try SiteFixture.text("\(site)/versions.html").contains("<a href=\"pdf/\(id).pdf\">PDF</a>"))

        // Printed again, the same report gives the same bytes: the dates Chromium stamps are the as-of.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        let again = try await SiteFixture.build(
            SiteFixture.options(folder), run: BuildRun(pdf: true, environment: ["CURBSIDE_CHROMIUM": tools.chromium]))
        #expect(!again.outcome.published)
        #expect(try Data(contentsOf: URL(fileURLWithPath: pdf)) == bytes)
        #expect(String(decoding: bytes, as: UTF8.self).contains("/CreationDate (D:20191123000000+00'00')"))
    }

    @Test func withoutChromiumTheBuildSucceedsAndSaysWhatToInstall() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let result = try await SiteFixture.build(
            SiteFixture.options(folder), run: BuildRun(pdf: true, environment: ["PATH": folder]))
        #expect(result.outcome.published)
        #expect(
            result.notes == [
                "note: --pdf: no Chromium found (looked for $CURBSIDE_CHROMIUM, then chromium, chromium-browser, "
                    + "google-chrome, google-chrome-stable, chrome on PATH), so report.pdf was not printed; report.html "
                    + "is published and prints from any browser. Install Chromium (Debian: apt-get install chromium) "
                    + "and build again with --pdf."
            ])
        #expect(!FileManager.default.fileExists(atPath: folder + "/site/pdf"))
    }
}
