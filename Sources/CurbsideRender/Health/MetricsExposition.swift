/// `metrics.prom`: the last run in the Prometheus text exposition format (version 0.0.4), for a scraper reading
/// `site/health/metrics.prom` or a Pushgateway (`build --pushgateway URL`).
///
/// Gauges describe the last run (its time, status, stage durations and, with a `dataset` label, its rows,
/// requests, retries, errors and quarantine); counters add up every run the warehouse remembers. Each family has
/// `# HELP` and `# TYPE` lines; families and samples are sorted, so the same runs give the same bytes.
public enum MetricsExposition {
    /// What each run counter means, by its name after the dataset (`nyc.rows_fetched` → `rows_fetched`).
    static let counterHelp: [String: String] = [
        "rows_fetched": "Rows received from the portal in the last run.",
        "partitions_fetched": "Partitions (days, windows) fetched in the last run.",
        "requests": "HTTP requests the ingest stage made in the last run.",
        "retries": "HTTP requests retried in the last run.",
        "bytes": "Response bytes received in the last run.",
        "rows_cleaned": "Bronze rows cleaned in the last run.",
        "quarantined": "Rows set aside in quarantine by the last run's cleaning.",
        "superseded": "Rows replaced by a later fetch of the same record in the last run.",
    ]

    /// - Parameters:
    ///   - last: the run to describe (normally the newest).
    ///   - all: every run the warehouse remembers, for the counters.
    /// - Returns: the exposition text, ending with a line feed.
    public static func text(last: RunFacts, all: [RunFacts]) -> String {
        var families: [Family] = []
        func gauge(_ name: String, _ help: String, _ samples: [([(String, String)], Double)]) {
            families.append(Family(name: name, type: "gauge", help: help, samples: samples))
        }
        gauge(
            "curbside_last_run_start_timestamp_seconds", "When the last run started, in Unix seconds.",
            [([], last.startedAt)])
        if let finished = last.finishedAt {
            gauge(
                "curbside_last_run_finish_timestamp_seconds", "When the last run ended, in Unix seconds.",
                [([], finished)])
            gauge(
                "curbside_last_run_duration_seconds", "How long the last run took.", [([], finished - last.startedAt)])
        }
        gauge(
            "curbside_last_run_success",
            "1 when the last run succeeded, 0 when it failed or a gate refused to publish.",
            [([], last.status == "succeeded" ? 1 : 0)])
        gauge(
            "curbside_last_run_status", "The last run's outcome: 1 for its status, 0 for the others.",
            ["succeeded", "failed", "refused", "abandoned", "running"].map {
                ([("status", $0)], last.status == $0 ? 1 : 0)
            })
        if let success = all.filter({ $0.status == "succeeded" }).compactMap(\.finishedAt).max() {
            gauge(
                "curbside_last_success_timestamp_seconds", "When a run last succeeded, in Unix seconds.",
                [([], success)])
        }
        gauge(
            "curbside_stage_duration_seconds", "Seconds each stage took in the last run.",
            last.stageSeconds.sorted { $0.key < $1.key }.map { ([("stage", $0.key)], $0.value) })
        var byName: [String: [([(String, String)], Double)]] = [:]
        for (key, value) in last.counters {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            byName[parts[1], default: []].append(([("dataset", parts[0])], Double(value)))
        }
        for (name, samples) in byName {
            gauge(
                "curbside_last_run_\(metricName(name))", counterHelp[name] ?? "The last run's counter '\(name)'.",
                samples)
        }
        let fetchFamilies: [(String, String, KeyPath<RunFacts.Fetches, Int>)] = [
            ("requests", "HTTP attempts in the last run, retries included.", \.requests),
            ("retries", "HTTP attempts in the last run that repeated an earlier one.", \.retries),
            ("errors", "HTTP attempts in the last run that got no response or an error status.", \.errors),
            ("bytes", "Bytes received over HTTP in the last run.", \.bytes),
        ]
        for (name, help, path) in fetchFamilies {
            gauge(
                "curbside_last_run_http_\(name)", help,
                last.fetches.map { ([("dataset", $0.key)], Double($0.value[keyPath: path])) })
        }
        gauge(
            "curbside_last_run_quality_ratio",
            "Share of the rows cleaned in the last run that passed every rule (0 to 1).",
            last.datasets.compactMap { dataset in last.quality(dataset).map { ([("dataset", dataset)], $0 / 100) } })
        gauge(
            "curbside_quality_score", "Each data-quality check's score in the last run (1 is perfect).",
            last.qualityScores.sorted { $0.key < $1.key }.map { ([("check", $0.key)], $0.value) })
        gauge(
            "curbside_quality_gate_failed", "1 for each data-quality check whose gate refused the last run.",
            last.failedGates.sorted().map { ([("check", $0)], 1) })
        var runs: [String: Double] = [:]
        for run in all { runs[run.status, default: 0] += 1 }
        families.append(
            Family(
                name: "curbside_runs_total", type: "counter", help: "Runs the warehouse has recorded, by status.",
                samples: runs.map { ([("status", $0.key)], $0.value) }))
        var requests: [String: Double] = [:]
        for run in all {
            for (dataset, fetches) in run.fetches { requests[dataset, default: 0] += Double(fetches.requests) }
        }
        families.append(
            Family(
                name: "curbside_http_requests_total", type: "counter",
                help: "HTTP attempts the warehouse has recorded over every run.",
                samples: requests.map { ([("dataset", $0.key)], $0.value) }))
        return families.filter { !$0.samples.isEmpty }.sorted { $0.name < $1.name }.map(\.text).joined()
    }

    struct Family {
        var name: String
        var type: String
        var help: String
        var samples: [([(String, String)], Double)]

        var text: String {
            var out = "# HELP \(name) \(escapeHelp(help))\n# TYPE \(name) \(type)\n"
            let lines = samples.map { labels, value -> String in
                let labelText =
                    labels.isEmpty
                    ? "" : "{" + labels.map { "\($0.0)=\"\(escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
                return "\(name)\(labelText) \(number(value))\n"
            }
            for line in lines.sorted() { out += line }
            return out
        }
    }

    /// A metric name from a counter name: `[a-zA-Z0-9_]` only.
    static func metricName(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
    }

    /// Label values escape `\`, `"` and line feeds.
    static func escapeLabel(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: "\\n")
    }

    /// Help text escapes `\` and line feeds.
    static func escapeHelp(_ text: String) -> String {
        text.replacingAll("\\", with: "\\\\").replacingAll("\n", with: "\\n")
    }

    /// Whole numbers without a decimal point; others with up to six decimals.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "+Inf" : "-Inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = SVGNumberText.decimals(abs(value), 6)
        while text.hasSuffix("0") { text.removeLast() }
        return (value < 0 ? "-" : "") + text
    }
}
