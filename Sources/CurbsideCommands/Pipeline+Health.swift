import CurbsideIngest
import CurbsideModel
import CurbsidePublish
import CurbsideRender
import CurbsideWarehouse
import Foundation

/// `site/health/`: the runs over time and `metrics.prom`, from the warehouse's `runs` and `fetches` tables,
/// written after each build whatever its outcome (a failed run is news for the health page).
extension Pipeline {
    /// Every run the warehouse recorded, oldest first, with its fetches by dataset.
    func runFacts() throws -> [RunFacts] {
        let runs = try warehouse.run(
            """
            SELECT id, command, as_of, sample, started_at, finished_at, status, error, stage_seconds, counters, version_id
            FROM runs ORDER BY id
            """)
        let fetches = try warehouse.run(
            """
            SELECT run_id, dataset, count(*), sum(attempt > 1),
                   sum(error IS NOT NULL OR status IS NULL OR status >= 400), coalesce(sum(bytes), 0)
            FROM fetches WHERE run_id IS NOT NULL GROUP BY run_id, dataset ORDER BY run_id, dataset
            """)
        var byRun: [Int64: [String: RunFacts.Fetches]] = [:]
        for row in fetches.rows {
            guard case .integer(let run) = row[0] else { continue }
            byRun[run, default: [:]][row[1].description] = RunFacts.Fetches(
                requests: Int(row[2].number ?? 0), retries: Int(row[3].number ?? 0), errors: Int(row[4].number ?? 0),
                bytes: Int(row[5].number ?? 0))
        }
        let quality = try warehouse.run(
            "SELECT run_id, check_id, score, passed FROM quality_history ORDER BY run_id, check_id")
        var scores: [Int64: [String: Double]] = [:]
        var failed: [Int64: [String]] = [:]
        for row in quality.rows {
            guard case .integer(let run) = row[0] else { continue }
            scores[run, default: [:]][row[1].description] = row[2].number ?? 0
            if row[3].number == 0 { failed[run, default: []].append(row[1].description) }
        }
        return runs.rows.compactMap { row in
            guard case .integer(let id) = row[0] else { return nil }
            let stages = (try? JSONDecoder().decode([String: Double].self, from: Data(row[8].description.utf8))) ?? [:]
            let counters = (try? JSONDecoder().decode([String: Int].self, from: Data(row[9].description.utf8))) ?? [:]
            var facts = RunFacts(
                id: id, command: row[1].description, asOf: Day(iso: row[2].description), sample: row[3].number == 1,
                startedAt: row[4].number ?? 0, finishedAt: row[5].number, status: row[6].description,
                error: row[7].isNull ? nil : row[7].description, stageSeconds: stages, counters: counters,
                versionID: row[10].isNull ? nil : row[10].description, fetches: byRun[id] ?? [:])
            facts.qualityScores = scores[id] ?? [:]
            facts.failedGates = failed[id] ?? []
            return facts
        }
    }

    /// The health page and `metrics.prom` of the runs so far.
    /// - Returns: the two files, `index.html` and `metrics.prom`; none when no run was recorded.
    func healthFiles() throws -> [SiteFile] {
        let runs = try runFacts()
        guard let last = runs.last else { return [] }
        let stylesheet = Self.stylesheet(in: templatesFolder)
        return [
            SiteFile(
                path: "index.html",
                text: HealthPage.html(runs: runs, siteTitle: config.site.title, stylesheet: stylesheet)),
            SiteFile(path: "metrics.prom", text: MetricsExposition.text(last: last, all: runs)),
        ]
    }

    /// Writes `site/health/` and refreshes the list of versions that links it.
    /// - Returns: the text of `metrics.prom`, for a push.
    @discardableResult
    func writeHealth() throws -> String? {
        let files = try healthFiles()
        guard !files.isEmpty else { return nil }
        var publisher = Publisher(siteRoot: options.siteRoot, retention: config.site.retention)
        publisher.siteTitle = config.site.title
        do {
            try publisher.storeHealth(files)
        } catch {
            throw CommandError(.failed("\(error)"))
        }
        return files.first { $0.path == "metrics.prom" }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// `templates/assets/style.css`, which the health page carries inline.
    static func stylesheet(in templates: String) -> String {
        let path = (templates as NSString).appendingPathComponent("assets/style.css")
        return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// PUTs `metrics` to `<url>/metrics/job/curbside`, replacing what the last push of this job left there.
    /// - Throws: `CommandError` naming the URL and what went wrong.
    static func push(_ metrics: String, to url: String) throws {
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        let target = base + "/metrics/job/curbside"
        do {
            let response = try CurlUpload().send(
                "PUT", target, body: Array(metrics.utf8), contentType: "text/plain; version=0.0.4; charset=utf-8")
            guard (200..<300).contains(response.status) else {
                let detail = String(decoding: response.body.prefix(300), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                throw CommandError(
                    .failed(
                        "--pushgateway: PUT \(target) answered HTTP \(response.status)"
                            + (detail.isEmpty ? "" : ": \(detail)")))
            }
        } catch let error as HTTPError {
            throw CommandError(
                .failed("--pushgateway: PUT \(target) failed: \(error.reason); is a Pushgateway listening there?"))
        }
    }
}
