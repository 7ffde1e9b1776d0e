import ArgumentParser
import CurbsideAggregate
import CurbsideClean
import CurbsideIngest
import CurbsideModel
import CurbsidePublish
import Foundation
import Logging

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Run every stage that exists, then publish.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Also print report.html to site/pdf/<version>.pdf with headless Chromium, when installed.")
    var pdf = false
    @Option(
        name: .customLong("pushgateway"),
        help: "Also push the run's metrics.prom to this Prometheus Pushgateway (http://host:9091).")
    var pushgateway: String?

    func validate() throws {
        if let pushgateway, !(pushgateway.hasPrefix("http://") || pushgateway.hasPrefix("https://")) {
            throw ValidationError("--pushgateway must start with http:// or https://, found '\(pushgateway)'")
        }
    }

    func run() async throws {
        let pipeline = try Pipeline(options: global.runOptions, logger: Logger(label: "curbside"), say: { print($0) })
        try await BuildRun(pdf: pdf, pushgateway: pushgateway).run(pipeline)
    }
}

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "Fetch the windows' missing and stale partitions into bronze.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await withPipeline(global, command: "ingest") { pipeline in
            for report in try await pipeline.ingest() {
                print(
                    "\(report.dataset): fetched \(report.partitions.count) partition(s), \(report.rows) rows "
                        + "in \(report.requests) request(s)")
            }
        }
    }
}

struct CleanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean", abstract: "Clean bronze into silver, with rejects in quarantine.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await withPipeline(global, command: "clean") { pipeline in
            if let r = try await pipeline.clean() {
                print(
                    "nyc: \(r.bronzeRows) bronze rows: \(r.silverRows) silver, \(r.quarantined) quarantined, \(r.superseded) superseded"
                )
            }
        }
    }
}

struct AggregateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate", abstract: "Aggregate silver into the gold tables of the as-of's window.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await withPipeline(global, command: "aggregate") { pipeline in
            for result in try await pipeline.aggregate() {
                let gate = result.threshold.map { " (gate \($0))" } ?? ""
                print("\(result.passed ? "ok    " : "REFUSE") \(result.check.id) = \(result.value)\(gate)")
            }
        }
    }
}

struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render the version's pages and files into a folder, without publishing.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Where to write the rendered files.")
    var out = "build/render"

    func run() async throws {
        try await withPipeline(global, command: "render") { pipeline in
            let version = try await pipeline.render()
            try pipeline.write(version, to: out)
            print("rendered \(version.files.count) files of \(version.record.id) into \(out)")
        }
    }
}

struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Render from the warehouse as it is and publish a version.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await withPipeline(global, command: "publish") { pipeline in
            try pipeline.enforceGates(try await pipeline.checkQuality())
            let outcome = try await pipeline.publish(try await pipeline.render())
            print(outcome.summary)
        }
    }
}
