import CurbsideModel
import CurbsidePublish
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a publish killed at each point leaves behind, and what the next publish makes of it.
@Suite("Recovery from an interrupted publish")
struct CrashRecoveryTests {
    @Test func leftoverStagingIsRemovedAndNeverListed() throws {
        try TestSite.with { site in
            // Killed while writing a version, while building latest/, and while replacing versions.json.
            try site.write("<h1>Fi", to: ".staging-2026-11-01-aaaaaaaaaa-4242/index.html")
            try site.write("x", to: ".staging-2026-10-30-ffffffffff-4242/data/x.csv")
            try site.write("<h1>", to: ".staging-latest-4242/index.html")
            try site.write("{", to: ".staging-versions.json-4242")
            try site.write("old", to: ".staging-retired-2026-01-01-0000000000-4242/index.html")
            let outcome = try site.publisher().publish(Fixture.first, files: Fixture.firstFiles)
            #expect(outcome == .published(Fixture.first.id))
            #expect(
                try site.topLevel() == [".publish.lock", "index.html", "latest", "v", "versions.html", "versions.json"])
            #expect(try site.publisher().versions().map(\.id) == [Fixture.first.id])
            #expect(try site.text("v/2026-11-01-aaaaaaaaaa/index.html") == "<h1>Fines</h1>\n")
            #expect(Verifier().verify(siteRoot: site.root, version: nil).isClean)
        }
    }

    /// A publish that fails part-way (a full disk, most often) leaves no staging copy to keep the disk full.
    @Test func aFailedPublishLeavesNoStagingBehind() throws {
        try TestSite.with { site in
            // The version is written into its staging folder, then `v/` cannot be made: a file stands there.
            try site.write("in the way", to: "v")
            #expect(throws: PublishError.self) {
                try site.publisher().publish(Fixture.first, files: Fixture.firstFiles)
            }
            #expect(try site.topLevel() == [".publish.lock", "v"])
            try site.remove("v")
            _ = try site.publisher().publish(Fixture.first, files: Fixture.firstFiles)
            #expect(Verifier().verify(siteRoot: site.root, version: nil).isClean)
        }
    }

    @Test func halfWrittenFolderOfAnotherVersionIsIgnoredAndReportedByVerify() throws {
        try TestSite.with { site in
            try site.write("<h1>Fi", to: "v/2026-10-31-eeeeeeeeee/index.html")
            _ = try site.publisher().publish(Fixture.first, files: Fixture.firstFiles)
            #expect(try site.publisher().versions().map(\.id) == [Fixture.first.id])
            #expect(try site.text("v/2026-10-31-eeeeeeeeee/index.html") == "<h1>Fi")
            let report = Verifier().verify(siteRoot: site.root, version: nil)
            #expect(report.problems == [.init(.missingManifest, "v/2026-10-31-eeeeeeeeee/manifest.json")])
        }
    }

    @Test func halfWrittenFolderOfTheSameVersionFailsLoudlyAndIsNotOverwritten() throws {
        try TestSite.with { site in
            try site.write("<h1>Fi", to: "v/2026-11-01-aaaaaaaaaa/index.html")
            let error = #expect(throws: PublishError.self) {
                try site.publisher().publish(Fixture.first, files: Fixture.firstFiles)
            }
            #expect(
                error?.description == """
                    publish to \(site.root): \(site.root)/v/2026-11-01-aaaaaaaaaa already exists and does not match \
                    the files being published (missing: v/2026-11-01-aaaaaaaaaa/assets/site.css; \
                    missing: v/2026-11-01-aaaaaaaaaa/data/nyc_daily.csv; \
                    changed: v/2026-11-01-aaaaaaaaaa/index.html; \
                    no manifest: v/2026-11-01-aaaaaaaaaa/manifest.json); old versions are never rewritten: find out \
                    why the same inputs gave different files, or delete the folder and publish again.
                    """)
            #expect(try site.text("v/2026-11-01-aaaaaaaaaa/index.html") == "<h1>Fi")
            #expect(!site.exists("versions.json"))
            #expect(!site.exists("latest"))
        }
    }

    @Test func aPublishedVersionWithAChangedFileIsNotRewritten() throws {
        try TestSite.with { site in
            _ = try site.publisher().publish(Fixture.first, files: Fixture.firstFiles)
            try site.write("tampered", to: "v/2026-11-01-aaaaaaaaaa/index.html")
            let error = #expect(throws: PublishError.self) {
                try site.publisher().publish(Fixture.first, files: Fixture.firstFiles)
            }
            #expect(error?.reason == .existingVersionDiffers(["changed: v/2026-11-01-aaaaaaaaaa/index.html"]))
            #expect(try site.text("v/2026-11-01-aaaaaaaaaa/index.html") == "tampered")
        }
    }

    @Test func versionRenamedIntoPlaceButNotYetListedIsAdoptedByTheNextPublish() throws {
        try TestSite.with { site in
            _ = try site.publisher().publish(Fixture.first, files: Fixture.firstFiles)
            let listed = try site.text("versions.json")
            // Killed after the rename into v/, before latest/, versions.json and index.html.
            for path in ["versions.json", "index.html", "latest"] { try site.remove(path) }
            let manifest = try site.text("v/2026-11-01-aaaaaaaaaa/manifest.json")
            #expect(
                try site.publisher().publish(Fixture.first, files: Fixture.firstFiles) == .unchanged(Fixture.first.id))
            #expect(try site.text("versions.json") == listed)
            #expect(try site.text("latest/manifest.json") == manifest)
            #expect(site.exists("index.html"))
        }
    }

    @Test func latestMissingAfterAKillBetweenTheTwoRenamesIsRebuilt() throws {
        try TestSite.with { site in
            _ = try site.publisher().publish(Fixture.first, files: Fixture.firstFiles)
            try site.remove("latest")
            try site.write("<h1>", to: ".staging-old-latest-4242/index.html")
            #expect(
                try site.publisher().publish(Fixture.first, files: Fixture.firstFiles) == .unchanged(Fixture.first.id))
            #expect(try site.text("latest/index.html") == "<h1>Fines</h1>\n")
            #expect(Verifier().verify(siteRoot: site.root, version: nil).isClean)
        }
    }

    @Test func aSecondPublishWhileOneRunsIsRefused() throws {
        try TestSite.with { site in
            try site.write("", to: ".publish.lock")
            let fd = open(site.root + "/.publish.lock", O_RDWR)
            defer { close(fd) }
            #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
            var publisher = site.publisher()
            publisher.lockWait = 0.2
            let error = #expect(throws: PublishError.self) {
                try publisher.publish(Fixture.first, files: Fixture.firstFiles)
            }
            #expect(
                error?.description
                    == "publish to \(site.root): another publish holds \(site.root)/.publish.lock (waited 0.2 s); wait for "
                    + "it to finish and try again.")
            #expect(!site.exists("v"))
            flock(fd, LOCK_UN)
            #expect(
                try site.publisher().publish(Fixture.first, files: Fixture.firstFiles) == .published(Fixture.first.id))
        }
    }
}
