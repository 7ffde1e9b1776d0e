import CurbsideModel
import CurbsideRender
import CurbsideTestSupport
import Foundation
import Testing

/// The paginator's estimates against Chromium's layout, on a report built to be hard: long and short
/// paragraphs, long lists, code, wide and long tables with wrapping text, charts. Printed with headless
/// Chromium and read back with poppler: the PDF must have exactly the pages the cover promises, and every
/// contents entry must start on its page. Skipped, saying what to install, without Chromium or poppler.
@Suite(.serialized) struct ReportPaginationPrintTests {
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = NSTemporaryDirectory() + "curbside-print-\(UUID().uuidString).txt"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: output) }
        process.standardOutput = FileHandle(forWritingAtPath: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Words of varied length, the same every run.
    static func words(_ count: Int, seed: Int) -> String {
        let vocabulary = [
            "summons", "a", "violation", "of", "the", "paid", "outstanding", "judgment", "camera", "is",
            "precinct", "W", "mm", "reductions", "interest", "borough", "Manhattan", "to", "penalties", "ill",
        ]
        return (0..<count).map { vocabulary[($0 * 7 + seed * 13 + $0 * $0 % 5) % vocabulary.count] }
            .joined(separator: " ")
    }

    static var sections: [PageContent] {
        var sections: [PageContent] = []
        for section in 1...4 {
            var body = ""
            for part in 1...5 {
                body += "<h2>Part \(part) of section \(section)</h2>\n"
                body += "<p>\(words(40 + part * 23 + section * 11, seed: part + section))</p>\n"
                if part % 2 == 0 {
                    body +=
                        "<ul>\n"
                        + (1...(6 + part * 2)).map { "<li>\(words(8 + $0 * 3, seed: $0))</li>" }
                        .joined(separator: "\n") + "\n</ul>\n"
                }
                if part == 1 {
                    // A loose list (paragraphs in items) with a nested list.
                    body +=
                        "<ul>\n"
                        + (1...5).map { "<li>\n<p>\(words(10 + $0 * 4, seed: $0 + 3))</p>\n</li>" }
                        .joined(separator: "\n")
                    body += "\n<li>nested<ul>\n<li>one</li>\n<li>two</li>\n<li>three</li>\n</ul>\n</li>\n</ul>\n"
                }
                if part == 3 {
                    body +=
                        "<pre><code>"
                        + (1...12).map { "SELECT \(words($0 % 6 + 2, seed: $0)) FROM gold" }
                        .joined(separator: "\n") + "</code></pre>\n"
                }
                if part == 4 { body += table(rows: 20 + section * 17, seed: section) }
                if part == 5 {
                    body += "<figure class=\"chart-figure\">\n<figcaption><span class=\"figure-title\">A chart</span> "
                    body += "<span class=\"provenance\">Source: <code>t</code> · 3 rows · data as of 2019-11-23</span>"
                    body +=
                        "</figcaption>\n<div class=\"chart-frame chart-wide\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                    body += "viewBox=\"0 0 640 \(300 + section * 60)\" width=\"100%\" role=\"img\" class=\"chart\">"
                    body +=
                        "<title>A chart</title><rect x=\"0\" y=\"0\" width=\"640\" height=\"40\"/></svg>\n</div>\n</figure>\n"
                }
            }
            sections.append(
                PageContent(
                    slug: "s\(section)", title: "Section \(section)", description: words(14, seed: section), body: body)
            )
        }
        return sections
    }

    static func table(rows: Int, seed: Int) -> String {
        var html =
            "<div class=\"table-frame\">\n<table class=\"data-table\">\n<caption><span class=\"figure-title\">Rows"
        html +=
            "</span> <span class=\"provenance\">Source: <code>t</code> · \(rows) rows</span></caption>\n<thead>\n<tr>"
        html +=
            "<th scope=\"col\">Name</th><th scope=\"col\">Description</th><th scope=\"col\" class=\"num\">Fines</th>"
        html += "<th scope=\"col\" class=\"num\">Paid</th></tr>\n</thead>\n<tbody>\n"
        for row in 1...rows {
            html +=
                "<tr><td>\(words(1 + row % 3, seed: row))</td><td>\(words(3 + (row * seed) % 19, seed: row + seed))</td>"
            html += "<td class=\"num\">$\(row * 1_234).00</td><td class=\"num\">$\(row * 987).50</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    static var tools: (chromium: String, pdfinfo: String, pdftotext: String)? {
        guard let chromium = which("chromium") ?? which("chromium-browser") ?? which("google-chrome"),
            let pdfinfo = which("pdfinfo"), let pdftotext = which("pdftotext")
        else { return nil }
        return (chromium, pdfinfo, pdftotext)
    }

    @Test(
        .enabled(
            if: ReportPaginationPrintTests.tools != nil,
            "needs chromium and poppler-utils (apt-get install chromium poppler-utils)"))
    func chromiumPrintsExactlyThePagesTheContentsPromise() throws {
        let (chromium, pdfinfo, pdftotext) = try #require(Self.tools)
        let context = SiteContext(
            siteTitle: "Stress", asOf: Day(iso: "2019-11-23")!, versionID: VersionID("2019-11-23-0000000000"),
            isSample: false, pages: [], dataSources: [])
        let html = try ReportRenderer(templatesDirectory: Fixtures.path("templates"))
            .html(sections: Self.sections, context: context, notes: VersionNotes(headline: [], previous: nil))
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        try html.write(toFile: folder + "/report.html", atomically: true, encoding: .utf8)
        _ = try Self.run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder)/profile",
                "--no-pdf-header-footer", "--print-to-pdf=\(folder)/report.pdf", "file://\(folder)/report.html",
            ])
        let promised = try #require(
            Int(html.components(separatedBy: "<dt>Length</dt>\n<dd>")[1].prefix { $0.isNumber }))
        let info = try Self.run(pdfinfo, [folder + "/report.pdf"])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
            Int($0.split(separator: " ").last!)
        }
        #expect(pages == promised)
        #expect(promised > 12)
        for entry in html.components(separatedBy: "<li class=\"toc-").dropFirst() {
            let number = entry.components(separatedBy: "<span class=\"toc-number\">")[1].prefix { $0 != "<" }
            let page = try #require(
                Int(entry.components(separatedBy: "<span class=\"toc-page\">")[1].prefix { $0.isNumber }))
            let text = try Self.run(
                pdftotext, ["-f", "\(page)", "-l", "\(page)", "-layout", folder + "/report.pdf", "-"])
            let lines = text.split(separator: "\n").map { String($0).trimmingCharacters(in: CharacterSet.whitespaces) }
            #expect(lines.contains { $0.hasPrefix("\(number) ") }, "\(number) should start on page \(page)")
        }
    }
}
