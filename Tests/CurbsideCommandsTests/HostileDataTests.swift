import CurbsideCommands
import CurbsideModel
import CurbsidePublish
import CurbsideTestSupport
import Foundation
import Testing

/// Hostile text in the data, in a content page and in the config, from the portal to every published file: it
/// shows as text in HTML, SVG, CSV and JSON, never as markup, and nothing is written outside the site folder.
@Suite(.serialized) struct HostileDataTests {
    static let script = "<script>alert(1)</script>"
    static let quoted = "\"quoted\" & <b>"

    /// A project folder like the repository's, but with hostile sample rows, a hostile page and a hostile title.
    static func hostileProject(in folder: String) throws -> String {
        let root = folder + "/project"
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/samples", withIntermediateDirectories: true)
        try manager.copyItem(atPath: Fixtures.path("samples/chicago"), toPath: root + "/samples/chicago")
        try manager.createDirectory(atPath: root + "/samples/nyc", withIntermediateDirectories: true)
        try manager.copyItem(atPath: Fixtures.path("templates"), toPath: root + "/templates")
        try manager.copyItem(atPath: Fixtures.path("content"), toPath: root + "/content")
        var rows = try String(contentsOfFile: Fixtures.path("samples/nyc/nc67-uf89.json"), encoding: .utf8)
        rows = rows.replacingOccurrences(
            of: "\"violation\": \"PHTO SCHOOL ZN SPEED VIOLATION\"", with: "\"violation\": \"\(script)\"")
        rows = rows.replacingOccurrences(
            of: "\"issuing_agency\": \"DEPARTMENT OF TRANSPORTATION\"",
            with: "\"issuing_agency\": \"\\\"quoted\\\" & <b>\"")
        rows = rows.replacingOccurrences(
            of: "\"fine_amount\": \"65\"", with: "\"fine_amount\": \"<img src=x onerror=alert(1)>\"")
        try rows.write(toFile: root + "/samples/nyc/nc67-uf89.json", atomically: true, encoding: .utf8)
        let page = """
            ---
            title: '\(quoted) \(script)'
            description: '\(script)'
            order: 50
            queries:
              evil: SELECT '\(script)' AS label, 1 AS n UNION ALL SELECT '\(quoted.replacingOccurrences(of: "'", with: "''"))', 2
              one: SELECT '\(script)' AS label
            ---
            Value: {{< value query="one" column="label" >}}

            ## \(script)

            {{< table query="evil" title="\(script)" >}}

            {{< chart query="evil" type="bar" x="label" y="n" title="\(script)" >}}
            """
        try page.write(toFile: root + "/content/hostile.md", atomically: true, encoding: .utf8)
        let config = try String(contentsOfFile: Fixtures.path("curbside.yml"), encoding: .utf8)
            .replacingOccurrences(of: "title: Curbside", with: "title: '\(script) & \"site\"'")
        try config.write(toFile: root + "/curbside.yml", atomically: true, encoding: .utf8)
        return root
    }

    @Test func hostileTextIsTextInEveryPublishedFile() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let project = try Self.hostileProject(in: folder)
        var options = SiteFixture.options(folder, projectRoot: project)
        options.configPath = project + "/curbside.yml"
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        let projectBefore = SiteFixture.files(under: project)
        let result = try await SiteFixture.build(options)
        let added = Set(try FileManager.default.contentsOfDirectory(atPath: folder)).subtracting(before)
        #expect(
            added.isSubset(of: ["site", "w.sqlite", "w.sqlite-wal", "w.sqlite-shm", "w.sqlite.lock"]),
            "written outside: \(added)")
        #expect(SiteFixture.files(under: project) == projectBefore)
        let site = folder + "/site"
        var escapedSeen = 0
        for file in SiteFixture.files(under: site) {
            let text = try SiteFixture.text(site + "/" + file)
            switch (file as NSString).pathExtension {
            case "html", "svg":
                #expect(!text.contains(Self.script), "\(file): raw <script> from the data")
                #expect(!text.contains("<b>"), "\(file): raw <b> from the data")
                #expect(!text.contains("<img src=x"), "\(file)")
                if text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") { escapedSeen += 1 }
            case "json":
                _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
            default: break
            }
        }
        #expect(escapedSeen >= 6, "the hostile text shows, escaped, on the pages, the report, lineage and versions")
        let version = "\(site)/v/\(result.outcome.versionID)"
        let top = try SiteFixture.text("\(version)/data/nyc_top_violations.csv")
        #expect(top.contains("\n\(Self.script),"), "CSV keeps the text as it is")
        let agencies = try SiteFixture.text("\(version)/data/nyc_by_agency.csv")
        #expect(agencies.contains("\"\"\"quoted\"\" & <b>\""), "CSV quotes the quote")
        let lineage = try SiteFixture.text("\(version)/lineage.json")
        #expect(lineage.contains(#""detail" : "\"quoted\" & <b> <script>alert(1)</script>""#))
        let page = try SiteFixture.text("\(version)/hostile.html")
        #expect(page.contains("<title>&quot;quoted&quot; &amp; &lt;b&gt; &lt;script&gt;alert(1)&lt;/script&gt; · "))
        #expect(page.contains("<svg"))
        #expect(Verifier().verify(siteRoot: site, version: nil).isClean)
        if let result = try HTMLCheckerTests.check(site) {
            #expect(result.status == 0, "the escaped pages are valid HTML: \(result.output)")
        }
    }
}
