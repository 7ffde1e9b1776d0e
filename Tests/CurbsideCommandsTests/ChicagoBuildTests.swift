import CurbsideCommands
import CurbsideModel
import CurbsidePublish
import CurbsideTestSupport
import Foundation
import GRDB
import Testing

/// Chicago from real rows (and perturbed copies of them) through the simulator, libcurl, bronze, silver and
/// gold to a published version, checked against `scripts/independent_chicago_gold.py`; and the quality gates.
@Suite(.serialized) struct ChicagoBuildTests {
    static let files = [
        "chicago_crashes_daily.csv", "chicago_crashes_weekly.csv", "chicago_hour_weekday.csv",
        "chicago_conditions.csv", "chicago_grid.csv",
    ]

    static func options(
        _ folder: String, projectRoot: String = Fixtures.repositoryRoot, config: String? = nil, asOf: Day? = nil
    ) -> RunOptions {
        RunOptions(
            configPath: config ?? Fixtures.path("curbside.yml"), configExplicit: config != nil,
            warehousePath: folder + "/w.sqlite", siteRoot: folder + "/site", asOf: asOf, only: .chicago, sample: true,
            projectRoot: projectRoot)
    }

    /// Counts in a warehouse, by SQL.
    static func count(_ folder: String, _ sql: String) throws -> Int {
        try DatabaseQueue(path: folder + "/w.sqlite").read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    /// bronze = silver + quarantine + superseded, for each Chicago dataset.
    static func expectInvariant(_ folder: String) throws {
        for dataset in ["chicago_crashes", "chicago_vehicles", "chicago_people"] {
            let bronze = try count(folder, "SELECT count(*) FROM bronze_rows WHERE dataset = '\(dataset)'")
            let silver = try count(folder, "SELECT count(*) FROM silver_\(dataset)")
            let quarantined = try count(folder, "SELECT count(*) FROM quarantine WHERE dataset = '\(dataset)'")
            let superseded = try count(folder, "SELECT count(*) FROM superseded WHERE dataset = '\(dataset)'")
            #expect(bronze > 0 && bronze == silver + quarantined + superseded, "\(dataset)")
        }
    }

    @Test func theSampleGoldEqualsTheIndependentComputation() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let (outcome, said) = try await SampleBuildTests.build(Self.options(folder))
        #expect(said.contains { $0.hasPrefix("sample: Chicago as-of 2022-09-24") })
        for name in Self.files {
            let expected = try SampleBuildTests.text(Fixtures.path("Tests/CurbsideCommandsTests/Expected/\(name)"))
            #expect(
                try SampleBuildTests.text("\(folder)/site/v/\(outcome.versionID)/data/\(name)") == expected, "\(name)")
        }
        try Self.expectInvariant(folder)
        #expect(try Self.count(folder, "SELECT count(*) FROM silver_chicago_crashes") == 294)
        let page = try SampleBuildTests.text("\(folder)/site/latest/chicago.html")
        // The vehicles and people are made up by the simulator: the page says so, and cites Chicago's as-of.
        #expect(page.contains("MADE UP"))
        #expect(page.contains("data as of 2022-09-24"))
        #expect(!page.contains("data as of 2019"))
        let quality = try SampleBuildTests.text("\(folder)/site/latest/quality.html")
        #expect(quality.contains("chicago.crashes.coordinates_invalid_rate"))
        // The model: its files, its page with the in-browser scorer, and its place in the lineage.
        let version = "\(folder)/site/v/\(outcome.versionID)"
        let metrics = try SampleBuildTests.text("\(version)/model/metrics.json")
        #expect(metrics.contains("\"threshold\"") && metrics.contains("\"logistic_regression\""))
        let model = try SampleBuildTests.text("\(version)/model/model.json")
        #expect(model.contains("\"curbside-gbt/1\""))
        let modelPage = try SampleBuildTests.text("\(version)/model.html")
        #expect(modelPage.contains("<form class=\"scorer\"") && modelPage.contains("assets/model-scorer.js"))
        #expect(FileManager.default.fileExists(atPath: "\(version)/assets/model-scorer.js"))
        #expect(try SampleBuildTests.text("\(version)/lineage.json").contains("model:hit_and_run"))
        #expect(try Self.count(folder, "SELECT count(*) FROM model_splits") == 3)
    }

    @Test func withTheModelOffNoModelIsPublished() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let config = folder + "/nomodel.yml"
        try "model:\n  enabled: false\n".write(toFile: config, atomically: true, encoding: .utf8)
        let (outcome, _) = try await SampleBuildTests.build(Self.options(folder, config: config))
        let version = "\(folder)/site/v/\(outcome.versionID)"
        #expect(!FileManager.default.fileExists(atPath: "\(version)/model/model.json"))
        #expect(!FileManager.default.fileExists(atPath: "\(version)/model.html"))
        #expect(FileManager.default.fileExists(atPath: "\(version)/chicago.html"))
        #expect(!(try SampleBuildTests.text("\(version)/index.html").contains("model.html")))
    }

    @Test func perturbedRealRowsAreCleanedQuarantinedAndCountedLikeTheIndependentComputation() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let root = folder + "/project"
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/samples/chicago", withIntermediateDirectories: true)
        for item in ["content", "templates", "samples/nyc"] {
            try fm.copyItem(atPath: Fixtures.path(item), toPath: "\(root)/\(item)")
        }
        let perturbed = "Tests/CurbsideCommandsTests/Expected/perturbed"
        try fm.copyItem(
            atPath: Fixtures.path("\(perturbed)/85ca-t3if.json"), toPath: root + "/samples/chicago/85ca-t3if.json")
        let (outcome, _) = try await SampleBuildTests.build(
            Self.options(folder, projectRoot: root, asOf: Day(iso: "2022-09-24")))
        for name in Self.files {
            let expected = try SampleBuildTests.text(Fixtures.path("\(perturbed)/\(name)"))
            #expect(
                try SampleBuildTests.text("\(folder)/site/v/\(outcome.versionID)/data/\(name)") == expected, "\(name)")
        }
        try Self.expectInvariant(folder)
        // The perturbed rows: a crash without an id (quarantined), a later edited copy of a crash (it wins; its
        // vehicles and people come twice), and 11 crashes without usable coordinates (filled with the median).
        #expect(try Self.count(folder, "SELECT count(*) FROM quarantine WHERE rule = 'missing_crash_record_id'") == 1)
        #expect(try Self.count(folder, "SELECT count(*) FROM superseded WHERE dataset = 'chicago_crashes'") == 1)
        #expect(try Self.count(folder, "SELECT count(*) FROM silver_chicago_crashes WHERE imputed = 1") == 11)
        #expect(try Self.count(folder, "SELECT count(*) FROM silver_chicago_crashes WHERE weather = 'OTHER'") > 0)
    }

    @Test func aFailingGateExitsThreeAndKeepsThePreviousVersionLive() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let (first, _) = try await SampleBuildTests.build(Self.options(folder))
        let manifest = try SampleBuildTests.text("\(folder)/site/latest/manifest.json")
        let versions = try SampleBuildTests.text("\(folder)/site/versions.json")
        // 3 of the 294 sample crashes lack coordinates (1.02%): a gate of 0.1% refuses.
        let strict = folder + "/strict.yml"
        try "quality:\n  gates:\n    chicago.crashes.coordinates_invalid_rate: 0.001\n".write(
            toFile: strict, atomically: true, encoding: .utf8)
        await #expect {
            _ = try await SampleBuildTests.build(Self.options(folder, config: strict))
        } throws: { error in
            guard let error = error as? CommandError else { return false }
            let text = "\(error)"
            return error.exitCode == 3 && text.contains("chicago.crashes.coordinates_invalid_rate = 0.0102 (3 of 294)")
                && text.contains("gate 0.0010")
        }
        #expect(try SampleBuildTests.text("\(folder)/site/latest/manifest.json") == manifest)
        #expect(try SampleBuildTests.text("\(folder)/site/versions.json") == versions)
        #expect(try SampleBuildTests.text("\(folder)/site/index.html").contains(first.versionID.rawValue))
        #expect(try Self.count(folder, "SELECT count(*) FROM runs WHERE status = 'refused'") == 1)
        #expect(
            try Self.count(
                folder,
                "SELECT count(*) FROM quality_history WHERE check_id = 'chicago.crashes.coordinates_invalid_rate' AND passed = 0"
            ) == 1)
    }
}
