import CurbsideModel
import CurbsidePublish
import Foundation
import Testing

@Suite("versions.json")
struct VersionsFileTests {
    @Test func aMissingFileMeansNoVersions() throws {
        try TestSite.with { site in
            let versions = try site.publisher().versions()
            #expect(versions == [])
        }
    }

    static let corrupt: [(String, String)] = [
        ("", "line 1, column 1: unexpected end of the document"),
        ("{\n  \"format\": 1,\n  \"versions\": [\n    {\"id\": }\n", "line 4, column 12: expected a value"),
        ("{\"format\": 1, \"versions\": []} x", "line 1, column 31: unexpected text after the end of the document"),
        ("[]", "versions file: expected an object"),
        ("{\"format\": 2, \"versions\": []}", "format 2 is not 1; a newer curbside wrote it"),
        ("{\"format\": 1}", "versions file: missing \"versions\""),
        (
            #"{"format": 1, "versions": [{"id": "2026-11-01-aa", "as_of": "2026-11-01", "kind": "test"}]}"#,
            #"versions[0].kind: "test" is neither sample nor live"#
        ),
        (
            #"{"format": 1, "versions": [{"id": "2026-11-01-../..", "as_of": "2026-11-01"}]}"#,
            #"versions[0].id: "2026-11-01-../.." needs lowercase letters and digits after the date"#
        ),
        (
            #"{"format": 1, "versions": [{"id": "2026-11-01-aa", "as_of": "2026-11-31"}]}"#,
            #"versions[0].as_of: "2026-11-31" is not a YYYY-MM-DD date"#
        ),
        (
            #"{"format": 1, "versions": [{"id": "2026-11-01-aa", "as_of": "2026-11-01", "kind": "live", "#
                + #""headline": {"a": 1}}]}"#,
            "versions[0].headline.a: expected a string"
        ),
    ]

    @Test(arguments: 0..<corrupt.count)
    func aCorruptFileIsAClearErrorNamingIt(_ index: Int) throws {
        try TestSite.with { site in
            try site.write(Self.corrupt[index].0, to: "versions.json")
            let expected = """
                publish to \(site.root): \(site.root)/versions.json is not a valid versions file \
                (\(Self.corrupt[index].1)); restore it from a backup, or delete it to start a new list \
                (the version folders stay on disk).
                """
            let error = #expect(throws: PublishError.self) { try site.publisher().versions() }
            #expect(error?.description == expected)

            // Publishing onto a corrupt list stops before writing anything.
            let publishError = #expect(throws: PublishError.self) {
                try site.publisher().publish(Fixture.first, files: Fixture.firstFiles)
            }
            #expect(publishError?.description == expected)
            #expect(!site.exists("v"))
        }
    }

    @Test func headlineOrderAndUnusualTextSurviveARoundTrip() throws {
        try TestSite.with { site in
            let headline = [
                HeadlineFigure(label: "Zebra \"quoted\"", value: "1\\2"),
                HeadlineFigure(label: "Ämount ⌀ 🚗", value: "$1,000.00\n"),
                HeadlineFigure(label: "alpha", value: "tab\there \u{7}"),
            ]
            let record = VersionRecord(id: Fixture.first.id, asOf: Fixture.day, kind: .live, headline: headline)
            _ = try site.publisher().publish(record, files: Fixture.firstFiles)
            #expect(try site.publisher().versions().first?.headline == headline)
            #expect(
                try site.text("versions.json").contains(
                    #"""
                          "headline": {
                            "Zebra \"quoted\"": "1\\2",
                            "Ämount ⌀ 🚗": "$1,000.00\n",
                            "alpha": "tab\there \u0007"
                          },
                    """#))
        }
    }

    @Test func escapedInputIsReadBack() throws {
        try TestSite.with { site in
            try site.write(
                #"{"format":1,"versions":[{"as_of":"2026-11-01","files":2,"headline":{"\u00c4 \ud83d\ude97 \/":"x"},"#
                    + #""id":"2026-11-01-aa","kind":"sample","sequence":7}]}"#, to: "versions.json")
            let versions = try site.publisher().versions()
            #expect(versions.first?.headline == [HeadlineFigure(label: "Ä 🚗 /", value: "x")])
            #expect(versions.first?.sequence == 7)
            #expect(versions.first?.files == 2)
        }
    }
}
