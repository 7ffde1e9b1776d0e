import CurbsideModel
import CurbsidePublish
import Foundation
import Testing

@Suite("Publishing versions")
struct PublisherTests {
    static let manifest = """
        {
          "as_of": "2026-11-01",
          "files": [
            {
              "path": "assets/site.css",
              "sha256": "2708d73bf31c36cdfa1aa466551ed101017280fa546caba4473cfef6e92a93b5",
              "size": 7
            },
            {
              "path": "data/nyc_daily.csv",
              "sha256": "ebffc2d7168e3ca345570d6b9ec83e9fa3b9e5b7609e9f455a2b303883c98ae1",
              "size": 28
            },
            {
              "path": "index.html",
              "sha256": "6454200f4f6c37ea1743a5a0e42190a6b46fec9834c9c66cb18aa7f8a2bfa43f",
              "size": 15
            }
          ],
          "kind": "sample",
          "version": "2026-11-01-aaaaaaaaaa"
        }

        """

    static let versionsJSON = """
        {
          "format": 1,
          "latest": "2026-11-01-aaaaaaaaaa",
          "versions": [
            {
              "as_of": "2026-11-01",
              "files": 3,
              "headline": {
                "Fines issued": "$12.50",
                "Days": "1"
              },
              "id": "2026-11-01-aaaaaaaaaa",
              "kind": "sample",
              "sequence": 1
            }
          ]
        }

        """

    static let indexHTML = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">
        <meta http-equiv="refresh" content="0; url=latest/index.html">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Curbside</title>
        </head>
        <body>
        <p>The newest version is <a href="latest/index.html">2026-11-01-aaaaaaaaaa</a> (as of 2026-11-01, sample data). \
        Every version is listed in <a href="versions.html">versions.html</a> \
        (<a href="versions.json">versions.json</a>).</p>
        </body>
        </html>

        """

    @Test func publishWritesTheVersionManifestLatestVersionsAndIndex() throws {
        try TestSite.with { site in
            #expect(
                try site.publisher().publish(Fixture.first, files: Fixture.firstFiles) == .published(Fixture.first.id))
            let folder = "v/2026-11-01-aaaaaaaaaa/"
            #expect(try site.text(folder + "index.html") == "<h1>Fines</h1>\n")
            #expect(try site.text(folder + "data/nyc_daily.csv") == "date,fines\n2026-10-01,12.50\n")
            #expect(try site.text(folder + "assets/site.css") == "body{}\n")
            #expect(try site.text(folder + "manifest.json") == Self.manifest)
            #expect(try site.text("versions.json") == Self.versionsJSON)
            #expect(try site.text("index.html") == Self.indexHTML)
            for path in ["index.html", "data/nyc_daily.csv", "assets/site.css", "manifest.json"] {
                #expect(try site.text("latest/" + path) == site.text(folder + path))
            }
            let latest = try FileManager.default.attributesOfItem(atPath: site.root + "/latest")
            #expect(latest[.type] as? FileAttributeType == .typeDirectory)
            #expect(
                try site.topLevel() == [".publish.lock", "index.html", "latest", "v", "versions.html", "versions.json"])
            #expect(try site.publisher().versions() == [PublishedVersion(record: Fixture.first, files: 3, sequence: 1)])
        }
    }

    @Test func republishingTheSameVersionRewritesNothing() throws {
        try TestSite.with { site in
            _ = try site.publisher().publish(Fixture.first, files: Fixture.firstFiles)
            let before = try site.snapshot()
            let outcome = try site.publisher().publish(Fixture.first, files: Fixture.firstFiles.reversed())
            #expect(outcome == .unchanged(Fixture.first.id))
            #expect(try site.snapshot() == before)
            #expect(try site.text("versions.json") == Self.versionsJSON)
        }
    }

    @Test func aNewerVersionBecomesLatest() throws {
        try TestSite.with { site in
            let publisher = site.publisher()
            _ = try publisher.publish(Fixture.first, files: Fixture.firstFiles)
            let second = Fixture.record("2026-11-02-bbbbbbbbbb", asOf: "2026-11-02")
            #expect(try publisher.publish(second, files: Fixture.files("two")) == .published(second.id))
            #expect(try site.text("latest/index.html") == "<h1>two</h1>\n")
            #expect(try site.text("latest/manifest.json") == site.text("v/2026-11-02-bbbbbbbbbb/manifest.json"))
            #expect(!site.exists("latest/assets/site.css"))
            #expect(try site.text("v/2026-11-01-aaaaaaaaaa/index.html") == "<h1>Fines</h1>\n")
            #expect(try publisher.versions().map(\.id.rawValue) == ["2026-11-02-bbbbbbbbbb", "2026-11-01-aaaaaaaaaa"])
            #expect(try publisher.versions().map(\.sequence) == [2, 1])
            #expect(try site.text("index.html").contains(">2026-11-02-bbbbbbbbbb</a> (as of 2026-11-02, live data)"))
            #expect(
                try site.topLevel() == [".publish.lock", "index.html", "latest", "v", "versions.html", "versions.json"])
        }
    }

    @Test func anOlderAsOfPublishedLaterDoesNotBecomeLatest() throws {
        try TestSite.with { site in
            let publisher = site.publisher()
            _ = try publisher.publish(
                Fixture.record("2026-11-05-cccccccccc", asOf: "2026-11-05"), files: Fixture.files("new"))
            _ = try publisher.publish(Fixture.record("2026-11-01-dddddddddd"), files: Fixture.files("old"))
            #expect(try site.text("latest/index.html") == "<h1>new</h1>\n")
            #expect(try publisher.versions().map(\.id.rawValue) == ["2026-11-05-cccccccccc", "2026-11-01-dddddddddd"])
        }
    }

    @Test func sameAsOfIsOrderedByPublication() throws {
        try TestSite.with { site in
            let publisher = site.publisher()
            _ = try publisher.publish(Fixture.record("2026-11-01-zzzzzzzzzz"), files: Fixture.files("first"))
            _ = try publisher.publish(Fixture.record("2026-11-01-aaaaaaaaab"), files: Fixture.files("second"))
            #expect(try publisher.versions().map(\.id.rawValue) == ["2026-11-01-aaaaaaaaab", "2026-11-01-zzzzzzzzzz"])
            #expect(try site.text("latest/index.html") == "<h1>second</h1>\n")
        }
    }

    @Test func retentionDropsTheOldestButNeverTheVersionBeingPublished() throws {
        try TestSite.with { site in
            let publisher = site.publisher(retention: 2)
            for day in 1...3 {
                let id = "2026-11-0\(day)-\(String(repeating: "\(day)", count: 10))"
                _ = try publisher.publish(Fixture.record(id, asOf: "2026-11-0\(day)"), files: Fixture.files("\(day)"))
            }
            #expect(try publisher.versions().map(\.id.rawValue) == ["2026-11-03-3333333333", "2026-11-02-2222222222"])
            #expect(try site.topLevel().contains { $0.hasPrefix(".staging-") } == false)
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: site.root + "/v").sorted()
                    == ["2026-11-02-2222222222", "2026-11-03-3333333333", "versions.html"])

            // An older as-of published now is kept although it is not among the newest two.
            let old = Fixture.record("2026-10-01-0000000000", asOf: "2026-10-01")
            #expect(try publisher.publish(old, files: Fixture.files("old")) == .published(old.id))
            #expect(
                try publisher.versions().map(\.id.rawValue)
                    == ["2026-11-03-3333333333", "2026-11-02-2222222222", "2026-10-01-0000000000"])
            #expect(site.exists("v/2026-10-01-0000000000/index.html"))
            #expect(try site.text("latest/index.html") == "<h1>3</h1>\n")
        }
    }

    @Test func theSameSequenceOfPublishesWritesTheSameBytes() throws {
        var results: [[String]] = []
        for _ in 0..<2 {
            try TestSite.with { site in
                let publisher = site.publisher(retention: 2)
                _ = try publisher.publish(Fixture.first, files: Fixture.firstFiles)
                _ = try publisher.publish(
                    Fixture.record("2026-11-02-bbbbbbbbbb", asOf: "2026-11-02"), files: Fixture.files("2"))
                _ = try publisher.publish(
                    Fixture.record("2026-11-03-cccccccccc", asOf: "2026-11-03"), files: Fixture.files("3"))
                results.append(try ["versions.json", "index.html", "latest/manifest.json"].map(site.text))
            }
        }
        #expect(results[0] == results[1])
    }
}
