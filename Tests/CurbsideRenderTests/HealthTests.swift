import CurbsideModel
import CurbsideRender
import Testing

@Suite("Health page and metrics.prom")
struct HealthTests {
    static let hostile = "<script>alert(1)</script>"

    static var runs: [RunFacts] {
        [
            RunFacts(
                id: 1, command: "build", asOf: Day(iso: "2019-11-23"), sample: true, startedAt: 1_800_000_000,
                finishedAt: 1_800_000_012.5, status: "succeeded", error: nil,
                stageSeconds: ["ingest": 2.25, "render": 0.5],
                counters: ["nyc.rows_fetched": 219, "nyc.rows_cleaned": 219, "nyc.quarantined": 3, "nyc.requests": 31],
                versionID: "2019-11-23-0123456789",
                fetches: ["nyc_violations": .init(requests: 32, retries: 1, errors: 1, bytes: 4096)]),
            RunFacts(
                id: 2, command: "build", asOf: Day(iso: "2019-11-23"), sample: true, startedAt: 1_800_086_400,
                finishedAt: 1_800_086_401, status: "failed", error: "portal said \(hostile) \"q\"",
                stageSeconds: ["ingest": 1], counters: ["nyc.rows_fetched": 0], versionID: nil,
                fetches: ["nyc_violations": .init(requests: 6, retries: 5, errors: 6, bytes: 0)]),
        ]
    }

    @Test func metricsAreTheLastRunInThePrometheusTextFormat() {
        let text = MetricsExposition.text(last: Self.runs[1], all: Self.runs)
        let expected = """
            # HELP curbside_http_requests_total HTTP attempts the warehouse has recorded over every run.
            # TYPE curbside_http_requests_total counter
            curbside_http_requests_total{dataset="nyc_violations"} 38
            # HELP curbside_last_run_duration_seconds How long the last run took.
            # TYPE curbside_last_run_duration_seconds gauge
            curbside_last_run_duration_seconds 1
            # HELP curbside_last_run_finish_timestamp_seconds When the last run ended, in Unix seconds.
            # TYPE curbside_last_run_finish_timestamp_seconds gauge
            curbside_last_run_finish_timestamp_seconds 1800086401
            # HELP curbside_last_run_http_bytes Bytes received over HTTP in the last run.
            # TYPE curbside_last_run_http_bytes gauge
            curbside_last_run_http_bytes{dataset="nyc_violations"} 0
            # HELP curbside_last_run_http_errors HTTP attempts in the last run that got no response or an error status.
            # TYPE curbside_last_run_http_errors gauge
            curbside_last_run_http_errors{dataset="nyc_violations"} 6
            # HELP curbside_last_run_http_requests HTTP attempts in the last run, retries included.
            # TYPE curbside_last_run_http_requests gauge
            curbside_last_run_http_requests{dataset="nyc_violations"} 6
            # HELP curbside_last_run_http_retries HTTP attempts in the last run that repeated an earlier one.
            # TYPE curbside_last_run_http_retries gauge
            curbside_last_run_http_retries{dataset="nyc_violations"} 5
            # HELP curbside_last_run_rows_fetched Rows received from the portal in the last run.
            # TYPE curbside_last_run_rows_fetched gauge
            curbside_last_run_rows_fetched{dataset="nyc"} 0
            # HELP curbside_last_run_start_timestamp_seconds When the last run started, in Unix seconds.
            # TYPE curbside_last_run_start_timestamp_seconds gauge
            curbside_last_run_start_timestamp_seconds 1800086400
            # HELP curbside_last_run_status The last run's outcome: 1 for its status, 0 for the others.
            # TYPE curbside_last_run_status gauge
            curbside_last_run_status{status="abandoned"} 0
            curbside_last_run_status{status="failed"} 1
            curbside_last_run_status{status="refused"} 0
            curbside_last_run_status{status="running"} 0
            curbside_last_run_status{status="succeeded"} 0
            # HELP curbside_last_run_success 1 when the last run succeeded, 0 when it failed or a gate refused to publish.
            # TYPE curbside_last_run_success gauge
            curbside_last_run_success 0
            # HELP curbside_last_success_timestamp_seconds When a run last succeeded, in Unix seconds.
            # TYPE curbside_last_success_timestamp_seconds gauge
            curbside_last_success_timestamp_seconds 1800000012.5
            # HELP curbside_runs_total Runs the warehouse has recorded, by status.
            # TYPE curbside_runs_total counter
            curbside_runs_total{status="failed"} 1
            curbside_runs_total{status="succeeded"} 1
            # HELP curbside_stage_duration_seconds Seconds each stage took in the last run.
            # TYPE curbside_stage_duration_seconds gauge
            curbside_stage_duration_seconds{stage="ingest"} 1

            """
        #expect(text == expected)
    }

    @Test func qualityIsTheShareOfCleanedRowsThatPassed() {
        let text = MetricsExposition.text(last: Self.runs[0], all: Self.runs)
        #expect(text.contains("curbside_last_run_quality_ratio{dataset=\"nyc\"} 0.986301\n"))
        #expect(text.contains("curbside_last_run_quarantined{dataset=\"nyc\"} 3\n"))
        #expect(text.contains("curbside_stage_duration_seconds{stage=\"ingest\"} 2.25\n"))
    }

    @Test func labelValuesAreEscaped() {
        var run = Self.runs[0]
        run.counters = ["a\"b\\c.rows_fetched": 1]
        let text = MetricsExposition.text(last: run, all: [run])
        #expect(text.contains("curbside_last_run_rows_fetched{dataset=\"a\\\"b\\\\c\"} 1\n"))
    }

    @Test func theHealthPageShowsRunsAsChartsAndATableWithDataEscaped() {
        let html = HealthPage.html(runs: Self.runs, siteTitle: "Curbside", stylesheet: "body { margin: 0; }")
        #expect(!html.contains("<script"))
        #expect(html.contains("portal said &lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot;"))
        #expect(html.contains("<title>Site health · Curbside</title>"))
        for title in [
            "Rows fetched per run", "HTTP requests, retries and errors per run", "Seconds per stage, per run",
            "Rows set aside in quarantine per run", "Rows that passed every cleaning rule, per run",
        ] {
            #expect(html.contains("<span class=\"figure-title\">\(title)</span>"), "\(title)")
        }
        #expect(
            html.contains(
                "Sources: <code>runs</code>, <code>fetches</code> · 2 runs · last run started 2027-01-16 08:00:00 UTC"))
        #expect(html.contains("<td>#2</td><td><code>build</code></td><td>2027-01-16 08:00:00 UTC</td>"))
        #expect(html.contains("<dt>Outcome</dt><dd class=\"health-status-failed\">failed after 1.00 s</dd>"))
        let css =
            "body { margin: 0; }\n.health-status-failed, .health-status-refused, .health-status-abandoned { font-weight: 700; }\n"
        #expect(html.contains("style-src '\(ContentSecurityPolicy.hash(css))'"))
    }

    @Test func noRunsYetSaysSo() {
        let html = HealthPage.html(runs: [], siteTitle: "Curbside", stylesheet: "")
        #expect(html.contains("No runs recorded yet"))
    }

    @Test(arguments: [(0.25, "0.25 s"), (12.34, "12.3 s"), (185, "3 min 05 s")])
    func durationsReadWell(seconds: Double, text: String) {
        #expect(RunFacts.duration(seconds) == text)
    }
}
