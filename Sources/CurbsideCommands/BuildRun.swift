import CurbsideModel
import CurbsidePublish
import Foundation
import Logging

/// What `curbside build` does around the pipeline: the run's record, then (whatever the outcome) the health page
/// and `metrics.prom`, the push to a Pushgateway, and with `--pdf` the printed report.
///
/// pipeline → publish → `site/health/` → Pushgateway → `site/pdf/<id>.pdf`. A failed run still updates the health
/// page and pushes its metrics (that is when they matter), then fails with its own error. Once a version is
/// published the command does not fail: a health page, push or PDF that fails then is a warning.
public struct BuildRun: Sendable {
    /// Print `report.html` to `site/pdf/<id>.pdf` with headless Chromium.
    public var pdf: Bool
    /// A Pushgateway's base URL (`http://127.0.0.1:9091`) to push `metrics.prom` to.
    public var pushgateway: String?
    public var environment: [String: String]

    public init(
        pdf: Bool = false, pushgateway: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.pdf = pdf
        self.pushgateway = pushgateway
        self.environment = environment
    }

    /// Runs the build.
    /// - Parameters:
    ///   - pipeline: the pipeline to run.
    ///   - say: where lines for a person go (stdout); notes go to `note`.
    ///   - note: where warnings go (stderr).
    /// - Returns: the build's outcome.
    /// - Throws: the pipeline's error, or, when no version was published, `CommandError` for a health page or push
    ///   that failed.
    @discardableResult
    public func run(
        _ pipeline: Pipeline, say: (String) -> Void = { print($0) }, note: (String) -> Void = Self.standardError
    ) async throws -> BuildOutcome {
        var outcome: BuildOutcome?
        var failure: (any Error)?
        do {
            try await pipeline.recordRun(command: "build") { () async throws -> VersionID? in
                outcome = try await pipeline.build()
                return outcome?.versionID
            }
        } catch {
            failure = error
        }
        if let outcome { say(outcome.summary) }
        // Once a version is live, nothing fails the command: a scheduler that saw exit 1 would take the site for
        // unchanged. What goes wrong after it is a warning naming the version.
        func fault(_ error: any Error, _ what: String) {
            if let outcome {
                note("warning: \(outcome.versionID) is published, but \(what): \(error)")
            } else if failure == nil {
                failure = error
            } else {
                note("warning: \(what): \(error)")
            }
        }
        var metrics: String?
        do {
            metrics = try pipeline.writeHealth()
        } catch {
            fault(error, "the health page was not updated")
        }
        if let pushgateway, let metrics {
            do {
                try Pipeline.push(metrics, to: pushgateway)
                say("pushed metrics.prom to \(pushgateway)/metrics/job/curbside")
            } catch {
                fault(error, "the metrics were not pushed")
            }
        }
        if let failure { throw failure }
        guard let outcome else { throw CommandError(.failed("build: no version was rendered")) }
        if pdf {
            do {
                try printReport(outcome, siteTitle: pipeline.config.site.title, say: say, note: note)
            } catch {
                fault(error, "report.pdf was not printed")
            }
        }
        return outcome
    }

    /// Prints the published `report.html` to `site/pdf/<id>.pdf`, or says what to install.
    func printReport(
        _ outcome: BuildOutcome, siteTitle: String, say: (String) -> Void, note: (String) -> Void
    ) throws {
        guard let printer = ChromiumPrinter.find(environment: environment) else {
            note(ChromiumPrinter.missingNote)
            return
        }
        let report = "\(outcome.siteRoot)/v/\(outcome.versionID)/report.html"
        let scratch = NSTemporaryDirectory() + "curbside-report-\(ProcessInfo.processInfo.processIdentifier).pdf"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            try printer.print(report, to: scratch)
        } catch {
            throw CommandError(.failed("--pdf: printing report.html failed: \(error)"))
        }
        let bytes = ChromiumPrinter.normalisedDates(
            Array(FileManager.default.contents(atPath: scratch) ?? Data()),
            to: String(outcome.versionID.rawValue.prefix(10)))
        var publisher = Publisher(siteRoot: outcome.siteRoot, retention: 0)
        publisher.siteTitle = siteTitle
        do {
            try publisher.storePDF(bytes, for: outcome.versionID)
        } catch {
            throw CommandError(.failed("--pdf: \(error)"))
        }
        say(
            "printed report.html to \(publisher.pdfPath(outcome.versionID)) (\(bytes.count) bytes, with \(printer.executable))"
        )
    }

    /// Writes a line to standard error.
    public static func standardError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
