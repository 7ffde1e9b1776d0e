import CurbsideModel
import CurbsidePublish
import Foundation
import Testing

@Suite("Verifying a site against its manifests")
struct VerifierTests {
    static let hint = "restore the files from a backup, or delete the version folder and build it again"

    /// Two versions: the first (3 files) and a second (2 files) that is latest/.
    static func publishTwo(_ site: TestSite) throws {
        _ = try site.publisher().publish(Fixture.first, files: Fixture.firstFiles)
        _ = try site.publisher().publish(
            Fixture.record("2026-11-02-bbbbbbbbbb", asOf: "2026-11-02"), files: Fixture.files("2"))
    }

    @Test func aFreshSiteIsClean() throws {
        try TestSite.with { site in
            try Self.publishTwo(site)
            let report = Verifier().verify(siteRoot: site.root, version: nil)
            #expect(report.isClean)
            #expect(report.folders == ["v/2026-11-01-aaaaaaaaaa", "v/2026-11-02-bbbbbbbbbb", "latest"])
            #expect(
                report.description == "verify \(site.root): 2 versions and latest/, 7 files: all match their manifests")
            let one = Verifier().verify(siteRoot: site.root, version: Fixture.first.id)
            #expect(
                one.description == "verify \(site.root): v/2026-11-01-aaaaaaaaaa, 3 files: all match their manifests")
        }
    }

    @Test func changedMissingAndExtraFilesAreEachNamed() throws {
        try TestSite.with { site in
            try Self.publishTwo(site)
            try site.write("<h1>Fines!</h1>\n", to: "v/2026-11-01-aaaaaaaaaa/index.html")
            try site.remove("v/2026-11-01-aaaaaaaaaa/assets/site.css")
            try site.write("stray", to: "latest/notes/stray.txt")
            try site.write("2", to: "latest/data/x.csv")  // same bytes: not a problem
            let report = Verifier().verify(siteRoot: site.root, version: nil)
            #expect(!report.isClean)
            #expect(
                report.description == """
                    extra: latest/notes/stray.txt
                    missing: v/2026-11-01-aaaaaaaaaa/assets/site.css
                    changed: v/2026-11-01-aaaaaaaaaa/index.html
                    verify \(site.root): 2 versions and latest/, 7 files: 3 problems (1 changed, 1 extra, 1 missing); \
                    \(Self.hint)
                    """)
            let named = Verifier().verify(siteRoot: site.root, version: VersionID("2026-11-02-bbbbbbbbbb"))
            #expect(named.isClean)
        }
    }

    @Test func aFileOfTheSameSizeWithOtherBytesIsChanged() throws {
        try TestSite.with { site in
            try Self.publishTwo(site)
            try site.write("<h1>Fines</h2>\n", to: "v/2026-11-01-aaaaaaaaaa/index.html")
            let report = Verifier().verify(siteRoot: site.root, version: Fixture.first.id)
            #expect(
                report.description == """
                    changed: v/2026-11-01-aaaaaaaaaa/index.html
                    verify \(site.root): v/2026-11-01-aaaaaaaaaa, 3 files: 1 problem (1 changed); \(Self.hint)
                    """)
        }
    }

    @Test func missingAndUnreadableManifestsAreNamed() throws {
        try TestSite.with { site in
            try Self.publishTwo(site)
            try site.remove("v/2026-11-01-aaaaaaaaaa/manifest.json")
            try site.write("{\"version\": 3}", to: "latest/manifest.json")
            let report = Verifier().verify(siteRoot: site.root, version: nil)
            #expect(
                report.description == """
                    unreadable: latest/manifest.json (version: expected a string)
                    no manifest: v/2026-11-01-aaaaaaaaaa/manifest.json
                    verify \(site.root): 2 versions and latest/, 2 files: 2 problems (1 no manifest, 1 unreadable); \
                    \(Self.hint)
                    """)
        }
    }

    @Test func aMissingVersionOrSiteIsNamed() throws {
        try TestSite.with { site in
            let noSite = Verifier().verify(siteRoot: site.root, version: nil)
            #expect(
                noSite.description == """
                    no site: \(site.root) does not exist
                    verify \(site.root): no versions, 0 files: 1 problem (1 no site); \(Self.hint)
                    """)
            // A site folder with nothing published vouches for nothing: a failed deploy must not pass.
            try FileManager.default.createDirectory(atPath: site.root, withIntermediateDirectories: true)
            let empty = Verifier().verify(siteRoot: site.root, version: nil)
            #expect(!empty.isClean)
            #expect(
                empty.problems.map(\.line) == ["no version: nothing is published under v/ (run 'curbside build' first)"]
            )
            try Self.publishTwo(site)
            let unknown = Verifier().verify(siteRoot: site.root, version: VersionID("2026-01-01-0000000000"))
            #expect(unknown.problems == [.init(.missing, "v/2026-01-01-0000000000/")])
            try FileManager.default.moveItem(
                atPath: site.root + "/v/2026-11-01-aaaaaaaaaa", toPath: site.root + "/moved")
            let listedButGone = Verifier().verify(siteRoot: site.root, version: nil)
            #expect(listedButGone.problems == [.init(.missing, "v/2026-11-01-aaaaaaaaaa/")])
        }
    }

    @Test func aStaleLatestAndACorruptVersionsFileAreNamed() throws {
        try TestSite.with { site in
            try Self.publishTwo(site)
            try site.remove("latest")
            try FileManager.default.copyItem(
                atPath: site.root + "/v/2026-11-01-aaaaaaaaaa", toPath: site.root + "/latest")
            let stale = Verifier().verify(siteRoot: site.root, version: nil)
            #expect(
                stale.problems.map(\.line) == [
                    "stale: latest/ holds 2026-11-01-aaaaaaaaaa, the newest version is 2026-11-02-bbbbbbbbbb"
                ])
            try site.write("{", to: "versions.json")
            let corrupt = Verifier().verify(siteRoot: site.root, version: nil)
            #expect(corrupt.problems.map(\.line) == ["unreadable: versions.json (line 1, column 2: expected a key)"])
        }
    }
}
