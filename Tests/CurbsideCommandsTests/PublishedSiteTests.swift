import CurbsideCommands
import CurbsideModel
import CurbsidePublish
import CurbsideTestSupport
import Foundation
import Testing

/// The sample site as a reader, a browser and an auditor see it: every page, link, policy and file.
@Suite("The published sample site")
struct PublishedSiteTests {
    @Test func everyVersionHasItsPagesReportLineageAndChanges() async throws {
        let (site, version) = try await SiteFixture.shared()
        let files = SiteFixture.files(under: "\(site)/v/\(version)")
        for name in [
            "index.html", "nyc.html", "lineage.html", "lineage.json", "report.html", "changes.json", "manifest.json",
            "assets/style.css", "assets/versions.js", "data/nyc_daily_financials.csv",
        ] {
            #expect(files.contains(name), "\(name)")
        }
        #expect(!files.contains { $0.hasSuffix(".pdf") })
        for name in [
            "index.html", "versions.html", "v/versions.html", "versions.json", "health/index.html",
            "health/metrics.prom",
        ] {
            #expect(FileManager.default.fileExists(atPath: "\(site)/\(name)"), "\(name)")
        }
        #expect(Verifier().verify(siteRoot: site, version: nil).isClean)
    }

    @Test func everyPageHasALanguageATitleAPolicyAndNoInlineScript() async throws {
        let (site, _) = try await SiteFixture.shared()
        let pages = SiteFixture.files(under: site).filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 12)
        for page in pages {
            let html = try SiteFixture.text("\(site)/\(page)")
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(page)")
            #expect(html.contains("<title>") && !html.contains("<title></title>"), "\(page)")
            #expect(
                html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"), "\(page)")
            #expect(
                !html.contains("<script>") && !html.contains(" style=\""),
                "\(page): no inline script or style attribute")
        }
    }

    @Test func everyRelativeLinkAndAssetResolvesAndEveryAnchorExists() async throws {
        let (site, _) = try await SiteFixture.shared()
        var checked = 0
        for page in SiteFixture.files(under: site).filter({ $0.hasSuffix(".html") }) {
            let html = try SiteFixture.text("\(site)/\(page)")
            let folder = (page as NSString).deletingLastPathComponent
            for reference in SiteFixture.references(in: html) {
                if reference.hasPrefix("http://www.w3.org/2000/svg") { continue }
                #expect(
                    !reference.hasPrefix("http:") && !reference.hasPrefix("https:") && !reference.hasPrefix("//"),
                    "\(page) → \(reference): external")
                let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(
                    String.init)
                let target = parts[0].isEmpty ? page : (folder.isEmpty ? parts[0] : folder + "/" + parts[0])
                let resolved = URL(fileURLWithPath: site + "/" + target).standardized.path
                #expect(resolved.hasPrefix(site + "/"), "\(page) → \(reference) leaves the site")
                #expect(FileManager.default.fileExists(atPath: resolved), "\(page) → \(reference)")
                if parts.count == 2, !parts[1].isEmpty, resolved.hasSuffix(".html") {
                    let targetHTML = try SiteFixture.text(resolved)
                    #expect(targetHTML.contains("id=\"\(parts[1])\""), "\(page) → \(reference): no such anchor")
                }
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func theReportIsOneSelfContainedFile() async throws {
        let (site, version) = try await SiteFixture.shared()
        let html = try SiteFixture.text("\(site)/v/\(version)/report.html")
        #expect(!html.contains("<link") && !html.contains("<script") && !html.contains(" src="))
        #expect(html.contains("<svg"), "charts are inline")
        #expect(html.contains("class=\"sheet cover\" data-page=\"1\""))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("Data as of <time datetime=\"2019-11-23\">Nov 23, 2019</time>"))
        #expect(html.contains("<code>\(version)</code>"))
        #expect(html.contains("<strong>Sample data.</strong>"))
    }

    @Test func lineageJSONAndPageDescribeTheSameGraphWithoutClockTimes() async throws {
        let (site, version) = try await SiteFixture.shared()
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(site)/v/\(version)/lineage.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let kinds = Set(nodes.compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["endpoint", "bronze", "silver", "quarantine", "gold", "file", "page"]))
        let endpoint = try #require(nodes.first { $0["kind"] as? String == "endpoint" })
        #expect((endpoint["query"] as? String)?.contains("$where=issue_date='MM/DD/YYYY'") == true)
        #expect(endpoint["rows"] as? Int == 219)
        #expect((endpoint["hash"] as? String)?.count == 64)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("fetched_at") && !text.contains("127.0.0.1") && !text.contains("seconds"))
        let page = try SiteFixture.text("\(site)/v/\(version)/lineage.html")
        #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox="))
        #expect(page.contains("\(nodes.count) nodes"))
        #expect(page.contains("Source: <code>lineage.json</code>"))
    }

    @Test func healthAndMetricsDescribeTheRun() async throws {
        let (site, version) = try await SiteFixture.shared()
        let metrics = try SiteFixture.text("\(site)/health/metrics.prom")
        #expect(metrics.contains("curbside_last_run_success 1\n"))
        #expect(metrics.contains("curbside_last_run_rows_fetched{dataset=\"nyc\"} "))
        #expect(metrics.contains("# TYPE curbside_runs_total counter\n"))
        let health = try SiteFixture.text("\(site)/health/index.html")
        #expect(health.contains("<code>\(version)</code>"))
        #expect(health.contains("Rows fetched per run"))
    }
}
