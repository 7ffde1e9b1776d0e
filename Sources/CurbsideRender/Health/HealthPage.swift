import CurbsideCharts
import CurbsideModel

/// `site/health/index.html`: how the runs went, over time, from the warehouse's `runs` and `fetches` tables.
///
/// One self-contained page (the site's stylesheet inline, allowed by its hash) outside every version: rows
/// fetched, HTTP requests, retries and errors, stage durations, quarantined rows and the share of rows that
/// passed the cleaning rules, as charts with text alternatives, then a table of the recent runs.
public enum HealthPage {
    /// Runs drawn in the charts (the newest ones).
    static let chartedRuns = 60
    /// Runs listed in the table (the newest ones).
    static let listedRuns = 30

    /// - Parameters:
    ///   - runs: every run, oldest first.
    ///   - siteTitle: the site's name.
    ///   - stylesheet: the site's CSS (`templates/assets/style.css`), inlined.
    /// - Returns: the page's HTML.
    public static func html(runs: [RunFacts], siteTitle: String, stylesheet: String) -> String {
        let css =
            stylesheet
            + "\n.health-status-failed, .health-status-refused, .health-status-abandoned { font-weight: 700; }\n"
        var body = "<h1>Site health</h1>\n<p class=\"lede\">How each run of \(escapeHTML(siteTitle)) went: rows "
        body += "fetched, HTTP requests, retries and errors, how long each stage took and how many rows were set "
        body += "aside. These are facts about runs, not about the data, so they live here and in "
        body += "<a href=\"metrics.prom\">metrics.prom</a> (Prometheus text format), never inside a version.</p>\n"
        body +=
            "<p><a href=\"../versions.html\">All versions</a> · <a href=\"../index.html\">the newest version</a></p>\n"
        if let last = runs.last {
            body += summary(last)
            let charted = Array(runs.suffix(chartedRuns))
            body += charts(charted)
            body += table(Array(runs.suffix(listedRuns).reversed()), total: runs.count)
        } else {
            body += "<p>No runs recorded yet: run <code>curbside build</code>.</p>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(ContentSecurityPolicy.selfContained(styleHash: ContentSecurityPolicy.hash(css)))">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>Site health · \(escapeHTML(siteTitle))</title>
            <style>\(css)</style>
            </head>
            <body>
            <main id="main" class="page">
            \(body)</main>
            </body>
            </html>

            """
    }

    static func summary(_ run: RunFacts) -> String {
        var html = "<h2>The last run</h2>\n<dl>\n"
        html += "<dt>Run</dt><dd>#\(run.id) <code>\(escapeHTML(run.command))</code>"
        if let asOf = run.asOf { html += ", as of \(asOf.iso)" }
        html += run.sample ? ", sample data" : ", live data"
        html += "</dd>\n<dt>Started</dt><dd>\(RunFacts.time(run.startedAt))</dd>\n"
        html += "<dt>Outcome</dt><dd class=\"health-status-\(escapeHTML(run.status))\">\(escapeHTML(run.status))"
        if let duration = run.duration { html += " after \(RunFacts.duration(duration))" }
        html += "</dd>\n"
        if let version = run.versionID { html += "<dt>Version</dt><dd><code>\(escapeHTML(version))</code></dd>\n" }
        if let error = run.error { html += "<dt>Error</dt><dd><code>\(escapeHTML(error))</code></dd>\n" }
        return html + "</dl>\n"
    }

    static func charts(_ runs: [RunFacts]) -> String {
        let labels = runs.map { "#\($0.id)" }
        let datasets = Array(Set(runs.flatMap(\.datasets))).sorted()
        let counted = datasets.filter { dataset in
            runs.contains { $0.counters.keys.contains { $0.hasPrefix(dataset + ".") } }
        }
        let stages = Array(Set(runs.flatMap(\.stageSeconds.keys))).sorted()
        func values(_ value: (RunFacts) -> Double?) -> [Double?] { runs.map(value) }
        func http(_ path: KeyPath<RunFacts.Fetches, Int>) -> [Double?] {
            values { run in Double(run.fetches.values.reduce(0) { $0 + $1[keyPath: path] }) }
        }
        var html = "<h2>Runs over time</h2>\n"
        html += figure(
            LineChart(
                title: "Rows fetched per run", x: .labels(labels),
                series: counted.map { dataset in
                    .init(name: dataset, values: values { Double($0.counter(dataset, "rows_fetched")) })
                }, format: .integer, yLabel: "Rows"), runs: runs)
        html += figure(
            LineChart(
                title: "HTTP requests, retries and errors per run", x: .labels(labels),
                series: [
                    .init(name: "Requests", values: http(\.requests)), .init(name: "Retries", values: http(\.retries)),
                    .init(name: "Errors", values: http(\.errors)),
                ], format: .integer, yLabel: "Requests"), runs: runs)
        html += figure(
            LineChart(
                title: "Seconds per stage, per run", x: .labels(labels),
                series: stages.map { stage in .init(name: stage, values: values { $0.stageSeconds[stage] }) },
                format: .decimal, yLabel: "Seconds"), runs: runs)
        html += figure(
            LineChart(
                title: "Rows set aside in quarantine per run", x: .labels(labels),
                series: counted.map { dataset in
                    .init(name: dataset, values: values { Double($0.counter(dataset, "quarantined")) })
                }, format: .integer, yLabel: "Rows"), runs: runs)
        html += figure(
            LineChart(
                title: "Rows that passed every cleaning rule, per run", x: .labels(labels),
                series: counted.map { dataset in .init(name: dataset, values: values { $0.quality(dataset) }) },
                format: .percent, yLabel: "Percent of the rows cleaned"), runs: runs)
        let checked = ["nyc", "chicago"].filter { prefix in runs.contains { $0.meanQualityScore(prefix) != nil } }
        if !checked.isEmpty {
            html += figure(
                LineChart(
                    title: "Mean data-quality score per run (1 = every check perfect)", x: .labels(labels),
                    series: checked.map { prefix in .init(name: prefix, values: values { $0.meanQualityScore(prefix) })
                    },
                    format: .decimal, yLabel: "Score"), runs: runs)
        }
        return html
    }

    static func figure(_ chart: LineChart, runs: [RunFacts]) -> String {
        let last = runs.last.map { RunFacts.time($0.startedAt) } ?? ""
        var html = "<figure class=\"chart-figure\">\n<figcaption><span class=\"figure-title\">"
        html += escapeHTML(chart.title) + "</span> <span class=\"provenance\">Sources: <code>runs</code>, "
        html += "<code>fetches</code> · \(LineageText.counted(runs.count, "run")) · last run started \(last)"
        html += "</span></figcaption>\n"
        html += "<div class=\"chart-frame chart-wide\">\n\(chart.render(width: 640))\n</div>\n"
        html += "<div class=\"chart-frame chart-narrow\">\n\(chart.render(width: 360))\n</div>\n</figure>\n"
        return html
    }

    static func table(_ runs: [RunFacts], total: Int) -> String {
        var rows: [[String]] = []
        for run in runs {
            let http = run.fetches.values.reduce(RunFacts.Fetches()) {
                .init(
                    requests: $0.requests + $1.requests, retries: $0.retries + $1.retries,
                    errors: $0.errors + $1.errors,
                    bytes: $0.bytes + $1.bytes)
            }
            let number = { (value: Int) in ValueFormat.integer.format(Double(value)) }
            rows.append([
                "#\(run.id)", "<code>\(escapeHTML(run.command))</code>", RunFacts.time(run.startedAt),
                "<span class=\"health-status-\(escapeHTML(run.status))\">\(escapeHTML(run.status))</span>",
                run.duration.map(RunFacts.duration) ?? "—", number(run.total("rows_fetched")), number(http.requests),
                number(http.retries), number(http.errors), number(run.total("quarantined")),
                run.failedGates.isEmpty
                    ? (run.qualityScores.isEmpty ? "—" : "none")
                    : run.failedGates.map { "<code>\(escapeHTML($0))</code>" }.joined(separator: "<br>"),
                run.versionID.map { "<code>\(escapeHTML($0))</code>" } ?? "—",
            ])
        }
        return "<h2>Recent runs</h2>\n"
            + LineageText.table(
                title: "The last \(LineageText.counted(runs.count, "run")), newest first",
                caption: "Sources: <code>runs</code>, <code>fetches</code> · \(LineageText.counted(runs.count, "row")) "
                    + "of \(total)",
                headers: [
                    "Run", "Command", "Started", "Outcome", "Took", "Rows fetched", "Requests", "Retries", "Errors",
                    "Quarantined", "Failed gates", "Version",
                ], numeric: [5, 6, 7, 8, 9], rows: rows)
    }
}
