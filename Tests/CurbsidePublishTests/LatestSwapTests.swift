import CurbsideModel
import Foundation
import Testing

@testable import CurbsidePublish

/// `latest/` is replaced whole, with the one-step swap and with the two-rename fallback alike.
@Suite("Replacing latest/")
struct LatestSwapTests {
    @Test(arguments: [true, false])
    func latestIsReplacedWholeAndNothingIsLeftBehind(_ atomically: Bool) throws {
        try TestSite.with { site in
            var publisher = site.publisher()
            publisher.swapsAtomically = atomically
            _ = try publisher.publish(Fixture.first, files: Fixture.firstFiles)
            let second = Fixture.record("2026-11-02-bbbbbbbbbb", asOf: "2026-11-02")
            _ = try publisher.publish(second, files: Fixture.files("two"))
            #expect(try site.text("latest/index.html") == "<h1>two</h1>\n")
            #expect(!site.exists("latest/assets"))
            #expect(
                try site.topLevel() == [".publish.lock", "index.html", "latest", "v", "versions.html", "versions.json"])
            #expect(Verifier().verify(siteRoot: site.root, version: nil).isClean)
        }
    }

    @Test func aDamagedNewestVersionNeverBecomesLatest() throws {
        try TestSite.with { site in
            let publisher = site.publisher()
            _ = try publisher.publish(
                Fixture.record("2026-11-05-cccccccccc", asOf: "2026-11-05"), files: Fixture.files("new"))
            try site.write("<h1>tampered</h1>\n", to: "v/2026-11-05-cccccccccc/index.html")
            try site.remove("latest")
            let error = #expect(throws: PublishError.self) {
                try publisher.publish(Fixture.record("2026-11-01-dddddddddd"), files: Fixture.files("old"))
            }
            #expect(
                error?.description == """
                    publish to \(site.root): \(site.root)/v/2026-11-05-cccccccccc does not match its manifest \
                    (changed: v/2026-11-05-cccccccccc/index.html), so it cannot become latest/; restore it from a \
                    backup, or delete it and build again.
                    """)
            #expect(!site.exists("latest"))
        }
    }
}
