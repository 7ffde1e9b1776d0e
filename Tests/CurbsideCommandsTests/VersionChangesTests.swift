import CurbsideCommands
import CurbsideModel
import CurbsidePublish
import CurbsideTestSupport
import Foundation
import Testing

/// Each version compares its headline figures with the previous one; that comparison is an input of the
/// version, so the same inputs still give the same version and nothing new.
@Suite(.serialized) struct VersionChangesTests {
    @Test func aLaterVersionShowsWhatChangedAndARebuildPublishesNothingNew() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let first = try await SiteFixture.build(SiteFixture.options(folder, asOf: Day(iso: "2019-11-23")))
        let second = try await SiteFixture.build(SiteFixture.options(folder, asOf: Day(iso: "2019-11-30")))
        #expect(first.outcome.published && second.outcome.published)
        let home = try SiteFixture.text("\(folder)/site/v/\(second.outcome.versionID)/index.html")
        #expect(home.contains("What changed since the previous version"))
        #expect(home.contains("Compared with version <code>\(first.outcome.versionID)</code>"))
        let changes = try SiteFixture.text("\(folder)/site/v/\(second.outcome.versionID)/changes.json")
        #expect(changes.contains("\"id\" : \"\(first.outcome.versionID)\""))
        #expect(changes.contains("\"change\" : "))
        let firstChanges = try SiteFixture.text("\(folder)/site/v/\(first.outcome.versionID)/changes.json")
        #expect(firstChanges.contains("\"previous\" : null"))
        #expect(
            !(try SiteFixture.text("\(folder)/site/v/\(first.outcome.versionID)/index.html")).contains("What changed"))

        let again = try await SiteFixture.build(SiteFixture.options(folder, asOf: Day(iso: "2019-11-30")))
        #expect(again.outcome.versionID == second.outcome.versionID)
        #expect(!again.outcome.published)
        let older = try await SiteFixture.build(SiteFixture.options(folder, asOf: Day(iso: "2019-11-23")))
        #expect(older.outcome.versionID == first.outcome.versionID, "an older as-of compares with what came before it")
        #expect(!older.outcome.published)
        #expect(Verifier().verify(siteRoot: folder + "/site", version: nil).isClean)
        let list = try SiteFixture.text("\(folder)/site/versions.html")
        #expect(list.contains("<caption>2 versions, newest first</caption>"))
    }

    @Test func theSameInputsGiveTheSameBytesWhateverTheClock() async throws {
        let a = try Fixtures.temporaryFolder()
        let b = try Fixtures.temporaryFolder()
        defer {
            Fixtures.removeTemporaryFolder(a)
            Fixtures.removeTemporaryFolder(b)
        }
        let first = try await SiteFixture.build(SiteFixture.options(a), clock: 1_800_000_000)
        let second = try await SiteFixture.build(SiteFixture.options(b), clock: 1_900_000_000)
        #expect(first.outcome.versionID == second.outcome.versionID)
        for file in ["manifest.json", "lineage.json", "report.html", "lineage.html"] {
            #expect(
                try SiteFixture.text("\(a)/site/v/\(first.outcome.versionID)/\(file)")
                    == SiteFixture.text("\(b)/site/v/\(second.outcome.versionID)/\(file)"), "\(file)")
        }
        #expect(try SiteFixture.text("\(a)/site/health/index.html") != SiteFixture.text("\(b)/site/health/index.html"))
    }
}
