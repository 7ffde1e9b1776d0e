import CurbsideAggregate
import CurbsideModel
import CurbsidePublish
import CurbsideRender
import CurbsideWarehouse
import Foundation

/// A version rendered in memory: its record, its files (without the manifest) and what it was made of.
public struct RenderedVersion: Sendable {
    public var record: VersionRecord
    public var files: [SiteFile]
    public var inputs: VersionInputs
}

/// What `build` or `publish` did.
public struct BuildOutcome: Sendable {
    public var versionID: VersionID
    /// False when an identical version was already published (nothing new).
    public var published: Bool
    public var siteRoot: String

    public var summary: String {
        published
            ? "published \(versionID) to \(siteRoot)/v/\(versionID)/ (also \(siteRoot)/latest/)"
            : "nothing new: \(versionID) is already published in \(siteRoot)/v/\(versionID)/"
    }
}

extension Pipeline {
    /// Every stage that exists, then publish.
    public func build() async throws -> BuildOutcome {
        _ = try await ingest()
        _ = try await clean()
        // Nothing new: the inputs (rows by hash, config, content, templates, program) name a version already
        // published whole. Gold, quality checks and the model are functions of those inputs and passed their
        // gates when it was published, so every later stage is skipped (1M rows: 20 s of aggregation saved).
        if let id = try alreadyPublished() {
            return BuildOutcome(versionID: id, published: false, siteRoot: options.siteRoot)
        }
        try enforceGates(try await aggregate())
        try await train()
        let version = try await render()
        return try await publish(version)
    }

    /// Renders the version from the warehouse as it is: pages, gold CSVs, lineage, assets.
    public func render() async throws -> RenderedVersion {
        try await stage("render") { try renderVersion() }
    }

    /// Publishes a rendered version atomically; an identical version already published is left alone.
    public func publish(_ version: RenderedVersion) async throws -> BuildOutcome {
        let outcome = try await stage("publish") {
            do {
                return try Publisher(siteRoot: options.siteRoot, retention: config.site.retention)
                    .publish(version.record, files: version.files)
            } catch {
                throw CommandError(.failed("\(error)"))
            }
        }
        switch outcome {
        case .published(let id):
            return BuildOutcome(versionID: id, published: true, siteRoot: options.siteRoot)
        case .unchanged(let id):
            return BuildOutcome(versionID: id, published: false, siteRoot: options.siteRoot)
        }
    }

    /// Writes a rendered version's files into a folder (for `render --out`), after the same path checks as
    /// publish: every file lands inside `folder`.
    public func write(_ version: RenderedVersion, to folder: String) throws {
        do {
            try SiteFile.validate(version.files, siteRoot: folder)
        } catch {
            throw CommandError(.failed("\(error)"))
        }
        for file in version.files {
            let path = (folder as NSString).appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.bytes).write(to: URL(fileURLWithPath: path))
        }
    }

    /// Opens a run record around `body`, closes it with the outcome, and always stops the simulator.
    public func recordRun(command: String, _ body: () async throws -> Void) async throws {
        try await recordRun(command: command) { () async throws -> VersionID? in
            try await body()
            return nil
        }
    }

    /// Opens a run record around `body`, closes it with the outcome and the version `body` returns (the health
    /// page names it), and always stops the simulator.
    public func recordRun(command: String, _ body: () async throws -> VersionID?) async throws {
        runID = try? warehouse.startRun(
            command: command, asOf: options.asOf, sample: options.sample, startedAt: clock.now())
        do {
            let version = try await body()
            await stopSimulator()
            if let runID {
                try? warehouse.finishRun(
                    runID,
                    summary: RunSummary(
                        status: .succeeded, stageSeconds: stageSeconds, counters: counters, versionID: version),
                    finishedAt: clock.now())
            }
        } catch {
            await stopSimulator()
            // SQLite's errors carry no file name: say which warehouse, and what to do.
            let error =
                WarehouseError.explaining(error, path: warehouse.path).map { CommandError(.failed("\($0)")) } ?? error
            if let runID {
                let status: RunSummary.Status =
                    (error as? CommandError)?.exitCode == 3 ? .refused : .failed
                try? warehouse.finishRun(
                    runID,
                    summary: RunSummary(
                        status: status, error: "\(error)", stageSeconds: stageSeconds, counters: counters),
                    finishedAt: clock.now())
            }
            throw error
        }
    }
}
