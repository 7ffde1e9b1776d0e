import CurbsideCommands
import CurbsideModel
import CurbsidePublish
import CurbsideTestSupport
import CurbsideWarehouse
import Foundation
import Logging
import Testing

/// From the bundled real sample, through the portal simulator and the libcurl ingestion, to a
/// published version whose gold CSVs equal an independent computation
/// (`scripts/independent_nyc_gold.py`, outputs in Tests/CurbsideCommandsTests/Expected/).
@Suite(.serialized) struct SampleBuildTests {
    static func options(_ folder: String) -> RunOptions {
        RunOptions(
            configPath: Fixtures.path("curbside.yml"), warehousePath: folder + "/w.sqlite", siteRoot: folder + "/site",
            sample: true, projectRoot: Fixtures.repositoryRoot)
    }

    static func build(_ options: RunOptions) async throws -> (BuildOutcome, [String]) {
        let said = Said()
        let pipeline = try Pipeline(
            options: options, environment: [:], clock: FixedClock(seconds: 1_800_000_000),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), say: { said.append($0) })
        var outcome: BuildOutcome?
        try await pipeline.recordRun(command: "build") { outcome = try await pipeline.build() }
        return (try #require(outcome), said.lines)
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func theSampleBuildsAVersionWhoseCSVsMatchAnIndependentComputation() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let (outcome, said) = try await Self.build(Self.options(folder))
        #expect(
            said == [
                "sample: NYC as-of 2019-11-23 (window 2019-09-23…2019-10-23 holds 219 of the bundled rows)",
                "sample: Chicago as-of 2022-09-24 (window 2021-09-24…2022-09-23 holds 294 of the bundled crashes)",
            ])
        #expect(outcome.published)
        #expect(outcome.versionID.rawValue.hasPrefix("2019-11-23-"))
        let version = "\(folder)/site/v/\(outcome.versionID)"
        for name in ["nyc_daily_financials.csv", "nyc_weekly_financials.csv", "nyc_top_violations.csv"] {
            let expected = try Self.text(Fixtures.path("Tests/CurbsideCommandsTests/Expected/\(name)"))
            #expect(try Self.text("\(version)/data/\(name)") == expected, "data/\(name)")
            #expect(try Self.text("\(folder)/site/latest/data/\(name)") == expected, "latest/data/\(name)")
        }
        let versions = try Self.text("\(folder)/site/versions.json")
        #expect(versions.contains(outcome.versionID.rawValue))
        #expect(versions.contains("\"sample\""))
        #expect(Verifier().verify(siteRoot: "\(folder)/site", version: nil).isClean)
        let home = try Self.text("\(version)/index.html")
        #expect(home.lowercased().contains("sample data"))
    }

    @Test func aSecondBuildWithNothingNewPublishesNothingNew() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let (first, _) = try await Self.build(Self.options(folder))
        let manifest = try Self.text("\(folder)/site/v/\(first.versionID)/manifest.json")
        let (second, _) = try await Self.build(Self.options(folder))
        #expect(second.versionID == first.versionID)
        #expect(!second.published)
        #expect(try Self.text("\(folder)/site/v/\(second.versionID)/manifest.json") == manifest)
        // The inputs name a version already published whole: the second run renders nothing.
        let stages = try Warehouse(path: folder + "/w.sqlite").run("SELECT stage_seconds FROM runs ORDER BY id").rows
        #expect(stages.count == 2)
        #expect(stages[0][0].description.contains("\"render\""))
        #expect(!stages[1][0].description.contains("\"render\""))
        // With latest/ gone the shortcut is not taken, and publishing puts it back.
        try FileManager.default.removeItem(atPath: "\(folder)/site/latest")
        let (third, _) = try await Self.build(Self.options(folder))
        #expect(third.versionID == first.versionID)
        #expect(try Self.text("\(folder)/site/latest/manifest.json") == manifest)
    }

    @Test func twoFreshBuildsGiveTheSameBytes() async throws {
        let a = try Fixtures.temporaryFolder()
        let b = try Fixtures.temporaryFolder()
        defer {
            Fixtures.removeTemporaryFolder(a)
            Fixtures.removeTemporaryFolder(b)
        }
        let (first, _) = try await Self.build(Self.options(a))
        let (second, _) = try await Self.build(Self.options(b))
        #expect(first.versionID == second.versionID)
        #expect(
            try Self.text("\(a)/site/v/\(first.versionID)/manifest.json")
                == Self.text("\(b)/site/v/\(second.versionID)/manifest.json"))
    }

    @Test func aBadConfigExitsWithTwoNamingFileLineAndKey() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let config = folder + "/bad.yml"
        try "datasets:\n  nyc:\n    max_days_per_run: lots\n".write(toFile: config, atomically: true, encoding: .utf8)
        var options = Self.options(folder)
        options.configPath = config
        do {
            _ = try Pipeline(options: options, logger: Logger(label: "t"), say: { _ in })
            Issue.record("expected a config error")
        } catch let error as CommandError {
            #expect(error.exitCode == 2)
            #expect(
                "\(error)" == "\(config):3: key 'datasets.nyc.max_days_per_run' must be a whole number, found 'lots'")
        }
    }
}

/// Collects what a pipeline says, across tasks.
final class Said: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}
