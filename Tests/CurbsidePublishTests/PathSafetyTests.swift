import CurbsideModel
import CurbsidePublish
import Foundation
import Testing

@Suite("Path safety and publish input checks")
struct PathSafetyTests {
    static let badPaths: [(String, String)] = [
        ("", #"publish to SITE: a file path is empty; give every file a name."#),
        (
            "/etc/passwd",
            #"publish to SITE: file path "/etc/passwd" is absolute; give paths relative to the version folder, like "data/daily.csv"."#
        ),
        (
            "../x.html",
            #"publish to SITE: file path "../x.html" has a ".." segment, which could leave the version folder; remove it."#
        ),
        (
            "a/../../x",
            #"publish to SITE: file path "a/../../x" has a ".." segment, which could leave the version folder; remove it."#
        ),
        (
            "data/..",
            #"publish to SITE: file path "data/.." has a ".." segment, which could leave the version folder; remove it."#
        ),
        ("./index.html", #"publish to SITE: file path "./index.html" has a "." segment; write the path without "./"."#),
        (
            "data//a.csv",
            #"publish to SITE: file path "data//a.csv" has an empty segment (a leading, trailing or doubled "/"); remove the extra "/"."#
        ),
        (
            "data/",
            #"publish to SITE: file path "data/" has an empty segment (a leading, trailing or doubled "/"); remove the extra "/"."#
        ),
        ("data\\a.csv", #"publish to SITE: file path "data\\a.csv" contains a backslash; separate folders with "/"."#),
        ("..\\x", #"publish to SITE: file path "..\\x" contains a backslash; separate folders with "/"."#),
        (
            "a\0b",
            #"publish to SITE: file path "a\0b" contains a control character (NUL, tab, newline…); rename the file."#
        ),
        (
            "a\nb",
            #"publish to SITE: file path "a\nb" contains a control character (NUL, tab, newline…); rename the file."#
        ),
        (
            "manifest.json",
            #"publish to SITE: file path "manifest.json" is reserved for the manifest publish writes itself; rename the file."#
        ),
    ]

    @Test(arguments: 0..<badPaths.count)
    func badPathIsRejectedBeforeAnythingIsWritten(_ index: Int) throws {
        let (path, message) = Self.badPaths[index]
        try TestSite.with { site in
            let files = Fixture.firstFiles + [SiteFile(path: path, text: "x")]
            let error = #expect(throws: PublishError.self) { try site.publisher().publish(Fixture.first, files: files) }
            #expect(error?.description == message.replacingOccurrences(of: "SITE", with: site.root))
            #expect(error?.path == path)
            #expect(!site.exists(""))
        }
    }

    @Test(arguments: [
        "index.html", "data/nyc daily.csv", "a/b/c/d.txt", "café/ünïcode.html", ".well-known/x", "a..b/c",
    ])
    func safePathIsAccepted(_ path: String) throws {
        try TestSite.with { site in
            let outcome = try site.publisher().publish(Fixture.first, files: [SiteFile(path: path, text: "x")])
            #expect(outcome == .published(Fixture.first.id))
            #expect(try site.text("v/2026-11-01-aaaaaaaaaa/" + path) == "x")
        }
    }

    static let badSets: [([SiteFile], String)] = [
        (
            [SiteFile(path: "a.html", text: "1"), SiteFile(path: "a.html", text: "2")],
            #"publish to SITE: file path "a.html" is given twice; give each file its own path."#
        ),
        (
            [SiteFile(path: "data/a.csv", text: "1"), SiteFile(path: "data", text: "2")],
            #"publish to SITE: file path "data" is also a folder in "data/a.csv"; rename one of them."#
        ),
    ]

    @Test(arguments: 0..<badSets.count)
    func repeatedOrConflictingPathsAreRejected(_ index: Int) throws {
        try TestSite.with { site in
            let error = #expect(throws: PublishError.self) {
                try site.publisher().publish(Fixture.first, files: Self.badSets[index].0)
            }
            #expect(error?.description == Self.badSets[index].1.replacingOccurrences(of: "SITE", with: site.root))
        }
    }

    static let badRecords: [(VersionRecord, String)] = [
        (
            Fixture.record("2026-11-02-aaaaaaaaaa"),
            #"publish to SITE: version id "2026-11-02-aaaaaaaaaa" does not start with its as-of date 2026-11-01 and a "-"; make ids with VersionInputs.versionID."#
        ),
        (
            Fixture.record("2026-11-01-../../x"),
            #"publish to SITE: version id "2026-11-01-../../x" must end in lowercase letters and digits after the date; make ids with VersionInputs.versionID."#
        ),
        (
            Fixture.record("2026-11-01-"),
            #"publish to SITE: version id "2026-11-01-" must end in lowercase letters and digits after the date; make ids with VersionInputs.versionID."#
        ),
        (
            VersionRecord(
                id: VersionID("2026-11-01-aa"), asOf: Fixture.day, kind: .live,
                headline: [HeadlineFigure(label: "Fines", value: "1"), HeadlineFigure(label: "Fines", value: "2")]),
            #"publish to SITE: headline label "Fines" is given twice; give each figure its own label."#
        ),
    ]

    @Test(arguments: 0..<badRecords.count)
    func malformedRecordIsRejected(_ index: Int) throws {
        try TestSite.with { site in
            let error = #expect(throws: PublishError.self) {
                try site.publisher().publish(Self.badRecords[index].0, files: Fixture.firstFiles)
            }
            #expect(error?.description == Self.badRecords[index].1.replacingOccurrences(of: "SITE", with: site.root))
            #expect(!site.exists(""))
        }
    }
}
