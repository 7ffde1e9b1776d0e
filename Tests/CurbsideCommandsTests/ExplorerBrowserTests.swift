import CurbsideCommands
import CurbsideTestSupport
import CurbsideTrain
import Foundation
import Testing

/// `assets/explore.js` run by headless Chromium on the sample site's own pages: a small driver script, loaded after
/// it, clicks, types, presses keys and moves the pointer as a reader would, then writes what the page did into a
/// `<pre>` that `--dump-dom` prints. Skipped, saying what to install, without Chromium (`.ci/run` installs it).
@Suite("The explorer in headless Chromium", .serialized)
struct ExplorerBrowserTests {
    static var chromium: String? {
        ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(SiteFixture.which).first
    }

    /// The driver: reads the page before and after each action into a JSON object.
    static let driver = #"""
        (() => {
          const out = {}, all = (s, r = document) => [...r.querySelectorAll(s)];
          const texts = (s, r) => all(s, r).map((n) => n.textContent);
          const finish = () => {
            const pre = document.createElement("pre");
            pre.id = "explore-test";
            pre.textContent = JSON.stringify(out);
            document.body.append(pre);
          };
          const blobs = [], create = URL.createObjectURL;
          URL.createObjectURL = (blob) => { blobs.push(blob); return create.call(URL, blob); };
          window.addEventListener("click", (e) => { if (e.target.closest("a[download]")) e.preventDefault(); });
          try {
            const table = document.querySelector("table[data-page-size='5']");
            if (table) {
              const visible = () => all("tbody tr", table).filter((r) => !r.hidden);
              const column = (k) => visible().map((r) => r.cells[k].getAttribute("data-sort") ?? r.cells[k].textContent);
              const heads = all("thead th", table), status = table.querySelector(".table-status");
              const pager = table.closest(".table-frame").nextElementSibling, label = () => pager.querySelector("span").textContent;
              out.rows = all("tbody tr", table).length;
              out.first = { names: column(1), status: status.textContent, label: label() };
              heads[2].querySelector("button").click();
              out.ascending = { values: column(2), sort: heads[2].getAttribute("aria-sort") };
              heads[2].querySelector("button").click();
              out.descending = { values: column(2), sort: heads[2].getAttribute("aria-sort"), others: heads.filter((h) => h.hasAttribute("aria-sort")).length };
              pager.querySelectorAll("button")[1].click();
              out.second = { values: column(2), label: label(), status: status.textContent, previous: pager.querySelectorAll("button")[0].disabled };
              heads[1].querySelector("button").click();
              out.byName = column(1);
              const filter = table.querySelector('input[type="search"]');
              filter.value = "GOLD";
              filter.dispatchEvent(new Event("input"));
              out.filtered = { names: column(1), status: status.textContent, label: label(),
                matching: all("tbody tr", table).filter((r) => r.textContent.toLowerCase().includes("gold")).length };
              filter.value = "no such thing";
              filter.dispatchEvent(new Event("input"));
              out.none = { visible: visible().length, status: status.textContent };
              return finish();
            }
            const figures = all("figure.chart-figure"), line = figures.find((f) => f.querySelector(".chart-series"));
            const svg = line.querySelector(".chart-wide svg"), tip = line.querySelector(".chart-tip");
            const live = line.querySelector("p[aria-live]");
            const state = () => ({
              yTicks: texts(".y-axis .tick-label", svg), xTicks: texts(".x-axis .tick-label", svg),
              tips: all(".point", svg).map((p) => p.getAttribute("data-tip")),
              paths: all("path.line", svg).map((p) => p.getAttribute("d")),
              series: all("g.series", svg).map((g) => g.getAttribute("class")),
            });
            out.server = state();
            out.controls = { dates: all('input[type="date"]', line).length, series: texts(".chart-series label", line),
              links: texts(".chart-download", line), focusable: svg.getAttribute("tabindex"), titles: all(".point title", svg).length };
            line.querySelector(".chart-range button").click();
            out.redrawn = state();
            const [from, to] = all('input[type="date"]', line);
            from.value = "2019-10-01";
            from.dispatchEvent(new Event("change"));
            to.value = "2019-10-10";
            to.dispatchEvent(new Event("change"));
            out.range = state();
            out.rangeStatus = live.textContent;
            all(".chart-series input", line)[0].click();
            out.toggled = state();
            svg.focus();
            out.focused = { hidden: tip.hidden, text: tip.textContent, active: document.activeElement === svg };
            for (let k = 0; k < 3; k++) svg.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
            out.keys = { hidden: tip.hidden, lines: texts("strong, .tip-line", tip), active: all(".is-active", svg).length, live: live.textContent };
            svg.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
            out.escaped = tip.hidden;
            const bars = figures.find((f) => f.querySelector("svg.bar-chart")), barSVG = bars.querySelector(".chart-wide svg");
            const bar = all(".bar", barSVG)[1], rect = bar.querySelector("rect"), box = rect.getBoundingClientRect();
            rect.dispatchEvent(new PointerEvent("pointermove", { clientX: box.left + 2, clientY: box.top + 2, bubbles: true }));
            out.hover = { expected: bar.getAttribute("data-tip"), tip: bars.querySelector(".chart-tip").textContent,
              hidden: bars.querySelector(".chart-tip").hidden, active: bar.classList.contains("is-active") };
            const links = all(".chart-download", line);
            links[0].click();
            links[1].click();
            out.names = links.map((a) => a.getAttribute("download"));
            Promise.all(blobs.map((b) => b.text())).then(([csv, drawing]) => {
              out.csv = csv;
              out.svg = drawing;
              finish();
            });
          } catch (e) {
            out.error = String((e && e.stack) || e);
            finish();
          }
        })();
        """#

    /// A copy of the shared sample version with `page` loading the driver after the explorer, run in Chromium.
    /// - Returns: what the driver wrote.
    static func drive(_ page: String, chromium: String, edit: (String) -> String = { $0 }) async throws -> [String: Any]
    {
        let (site, version) = try await SiteFixture.shared()
        let folder = try Fixtures.temporaryFolder("curbside-explore")
        defer { Fixtures.removeTemporaryFolder(folder) }
        let root = folder + "/v"
        try FileManager.default.copyItem(atPath: "\(site)/v/\(version)", toPath: root)
        try driver.write(toFile: root + "/assets/explore-test.js", atomically: true, encoding: .utf8)
        let tag = "<script src=\"assets/explore.js\" defer></script>"
        let html = try SiteFixture.text("\(root)/\(page)")
        #expect(html.contains(tag))
        try edit(
            html.replacingOccurrences(of: tag, with: tag + "\n<script src=\"assets/explore-test.js\" defer></script>")
        )
        .write(toFile: "\(root)/\(page)", atomically: true, encoding: .utf8)
        let dom = try dump("\(root)/\(page)", chromium: chromium)
        let text = try #require(
            dom.components(separatedBy: "<pre id=\"explore-test\">").dropFirst().first?.components(
                separatedBy: "</pre>"
            )
            .first, "the driver wrote nothing: \(dom.suffix(2000))")
        let json = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(result["error"] == nil, "\(result["error"] ?? "")")
        return result
    }

    /// The DOM of `path` after load, as headless Chromium prints it (standard error dropped: it logs D-Bus noise).
    static func dump(_ path: String, chromium: String) throws -> String {
        let timeout = SiteFixture.which("timeout")
        let (status, dom) = try SiteFixture.run(
            timeout ?? chromium,
            (timeout == nil ? [] : ["120", chromium])
                + [
                    "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,2000",
                    "--virtual-time-budget=10000", "--dump-dom", "file://" + path,
                ],
            standardError: false)
        #expect(status == 0, "chromium exited with \(status)")
        return dom
    }

    @Test(
        "charts: hover and keys show exact values, a date range and series toggles redraw as the server drew, downloads",
        .enabled(
            if: ExplorerBrowserTests.chromium != nil,
            "chromium is not installed (apt-get install chromium): the explorer was not run"))
    func charts() async throws {
        let out = try await Self.drive("nyc.html", chromium: Self.chromium!)
        let server = try #require(out["server"] as? [String: [String]])
        let redrawn = try #require(out["redrawn"] as? [String: [String]])
        #expect(server == redrawn, "redrawn over all dates, the chart is the server's: ticks, points, titles, paths")
        #expect(server["tips"]?.count == 93 && server["series"]?.count == 3)
        let controls = try #require(out["controls"] as? [String: Any])
        #expect(
            controls["dates"] as? Int == 2 && controls["focusable"] as? String == "0" && controls["titles"] as? Int == 0
        )
        #expect(controls["series"] as? [String] == [" Fines issued", " Paid", " Amount due"])
        #expect(controls["links"] as? [String] == ["Download data (CSV)", "Download SVG"])

        let range = try #require(out["range"] as? [String: [String]])
        let tips = try #require(range["tips"])
        #expect(tips.count == 30, "10 days × 3 series")
        #expect(Set(tips).isSubset(of: Set(server["tips"] ?? [])), "each point says what the server's point said")
        #expect(tips.allSatisfy { tip in (1...10).contains { tip.contains(", Oct \($0), 2019: ") } })
        #expect(range["xTicks"]?.first == "Oct 1" && range["xTicks"]?.last == "Oct 10")
        #expect(range["yTicks"]?.first == "$0" && range["yTicks"] != server["yTicks"], "the value axis fits the range")
        #expect(
            out["rangeStatus"] as? String
                == "Showing 10 of 31 points, Tue, Oct 1, 2019 to Thu, Oct 10, 2019; series: Fines issued, Paid, Amount due."
        )

        let toggled = try #require(out["toggled"] as? [String: [String]])
        #expect(toggled["series"] == ["series series-2", "series series-3"])
        #expect(toggled["tips"]?.count == 20 && toggled["tips"]?.contains { $0.hasPrefix("Fines issued") } == false)

        let focused = try #require(out["focused"] as? [String: Any])
        #expect(focused["active"] as? Bool == true && focused["hidden"] as? Bool == false)
        #expect((focused["text"] as? String)?.hasPrefix("Tue, Oct 1, 2019Paid: ") == true)
        let keys = try #require(out["keys"] as? [String: Any])
        let paid = try #require(
            tips.first { $0.hasPrefix("Paid, Fri, Oct 4, 2019: ") }?.components(separatedBy: ": ").last)
        let due = try #require(
            tips.first { $0.hasPrefix("Amount due, Fri, Oct 4, 2019: ") }?.components(separatedBy: ": ").last)
        #expect(keys["lines"] as? [String] == ["Fri, Oct 4, 2019", "Paid: \(paid)", "Amount due: \(due)"])
        #expect(keys["live"] as? String == "Fri, Oct 4, 2019. Paid: \(paid). Amount due: \(due)")
        #expect(keys["active"] as? Int == 2 && keys["hidden"] as? Bool == false)
        #expect(out["escaped"] as? Bool == true)

        let hover = try #require(out["hover"] as? [String: Any])
        #expect(hover["hidden"] as? Bool == false && hover["active"] as? Bool == true)
        #expect(
            hover["tip"] as? String == hover["expected"] as? String && (hover["tip"] as? String)?.contains(": ") == true
        )

        #expect(
            out["names"] as? [String] == [
                "fines-issued-paid-and-still-due-by-issue-date.csv",
                "fines-issued-paid-and-still-due-by-issue-date.svg",
            ])
        let csv = try #require(out["csv"] as? String).split(separator: "\n")
        #expect(csv.count == 11 && csv[0] == "date,total_paid_amount,total_amount_due")
        #expect(csv[1].hasPrefix("2019-10-01,") && csv[10].hasPrefix("2019-10-10,"))
        let svg = try #require(out["svg"] as? String)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 20)
        #expect(svg.contains("<title>Paid, Fri, Oct 4, 2019: \(paid)</title>") && svg.contains("fill=\"rgb("))
        #expect(!svg.contains("tabindex") && !svg.contains("data-tip"))
    }

    @Test(
        "tables: sort by a column either way, filter by text, page through",
        .enabled(
            if: ExplorerBrowserTests.chromium != nil,
            "chromium is not installed (apt-get install chromium): the explorer was not run"))
    func tables() async throws {
        let out = try await Self.drive("catalog.html", chromium: Self.chromium!) { html in
            html.replacingOccurrences(
                of: "class=\"data-table catalog-overview\" data-sortable",
                with: "class=\"data-table catalog-overview\" data-sortable data-page-size=\"5\"")
        }
        let rows = try #require(out["rows"] as? Int)
        let pages = (rows + 4) / 5
        #expect(rows >= 11)
        let first = try #require(out["first"] as? [String: Any])
        #expect((first["names"] as? [String])?.count == 5 && first["label"] as? String == "Page 1 of \(pages)")
        #expect(first["status"] as? String == "Rows 1–5 of \(rows)")
        let ascending = try #require(out["ascending"] as? [String: Any])
        let up = try #require(ascending["values"] as? [String]).compactMap(Int.init)
        #expect(up.count == 5 && up == up.sorted() && ascending["sort"] as? String == "ascending")
        let descending = try #require(out["descending"] as? [String: Any])
        let down = try #require(descending["values"] as? [String]).compactMap(Int.init)
        #expect(down.count == 5 && down == down.sorted(by: >) && descending["sort"] as? String == "descending")
        #expect(descending["others"] as? Int == 1, "only the sorted column says aria-sort")
        let second = try #require(out["second"] as? [String: Any])
        let next = try #require(second["values"] as? [String]).compactMap(Int.init)
        #expect(next.count == 5 && next == next.sorted(by: >) && next[0] <= down[4])
        #expect(
            second["label"] as? String == "Page 2 of \(pages)" && second["status"] as? String == "Rows 6–10 of \(rows)")
        #expect(second["previous"] as? Bool == false)
        let names = try #require(out["byName"] as? [String])
        #expect(names == names.sorted() && names.count == 5)
        let filtered = try #require(out["filtered"] as? [String: Any])
        let matching = try #require(filtered["matching"] as? Int)
        #expect(matching >= 6 && matching < rows)
        #expect((filtered["names"] as? [String])?.allSatisfy { $0.hasPrefix("gold_") } == true)
        #expect(
            filtered["status"] as? String
                == "Rows 1–5 of \(matching); \(matching) of \(rows) rows match “GOLD”")
        #expect(filtered["label"] as? String == "Page 1 of \((matching + 4) / 5)")
        let none = try #require(out["none"] as? [String: Any])
        #expect(none["visible"] as? Int == 0 && none["status"] as? String == "0 of \(rows) rows match “no such thing”")
    }

    @Test(
        "without scripts: every chart, caption and table row is there, and no control",
        .enabled(
            if: ExplorerBrowserTests.chromium != nil,
            "chromium is not installed (apt-get install chromium): the explorer was not run"))
    func withoutScripts() async throws {
        let (site, version) = try await SiteFixture.shared()
        let chromium = Self.chromium!
        // A copy whose Content-Security-Policy lets no script run: the page as a reader without JavaScript gets it
        // (Chromium's --dump-dom itself needs scripting, so it cannot simply be switched off).
        let folder = try Fixtures.temporaryFolder("curbside-explore")
        defer { Fixtures.removeTemporaryFolder(folder) }
        try FileManager.default.copyItem(atPath: "\(site)/v/\(version)", toPath: folder + "/v")
        let page = folder + "/v/nyc.html"
        let html = try SiteFixture.text(page)
        #expect(html.contains("script-src 'self'"))
        try html.replacingOccurrences(of: "script-src 'self'", with: "script-src 'none'")
            .write(toFile: page, atomically: true, encoding: .utf8)
        let off = try Self.dump(page, chromium: chromium)
        let on = try Self.dump("\(site)/v/\(version)/nyc.html", chromium: chromium)
        for dom in [off, on] {
            #expect(dom.components(separatedBy: "<figure class=\"chart-figure").count - 1 == 6)
            #expect(dom.components(separatedBy: "<figcaption>").count - 1 == 6)
            #expect(dom.components(separatedBy: "<svg ").count - 1 == 12)
        }
        #expect(!off.contains("chart-controls") && !off.contains("chart-tip") && !off.contains("sort-button"))
        #expect(!off.contains("<tr hidden") && !off.contains("tabindex"))
        #expect(off.contains("<title>Fines issued, Mon, Sep 23, 2019: $280.00</title>"), "without scripts, SVG titles")
        #expect(on.components(separatedBy: "<div class=\"chart-controls\">").count - 1 == 6)
        #expect(on.contains("<button type=\"button\" class=\"sort-button\">"))
    }

    /// All the JavaScript a version can ship: the version menu, the explorer and the model page's scorer.
    static let budget = 40_000

    @Test("all our JavaScript stays within its budget, unminified")
    func budget() throws {
        let assets = Fixtures.path("templates/assets")
        var sizes: [String: Int] = ["model-scorer.js": ModelScorerJS.formScript.utf8.count]
        for name in try FileManager.default.contentsOfDirectory(atPath: assets) where name.hasSuffix(".js") {
            sizes[name] = try Fixtures.bytes("templates/assets/\(name)").count
        }
        #expect(Set(sizes.keys) == ["explore.js", "model-scorer.js", "versions.js"])
        let total = sizes.values.reduce(0, +)
        #expect(total <= Self.budget, "\(total) bytes of JavaScript (\(sizes)); the budget is \(Self.budget)")
    }
}
