import CurbsideModel
import CurbsidePublish
import Foundation

/// A site folder under the system's temporary folder, removed when the test ends, and the fixture versions.
struct TestSite {
    let root: String

    /// Runs `body` with a fresh site folder path (not created yet) and removes its parent afterwards.
    static func with(_ body: (TestSite) throws -> Void) throws {
        let parent = FileManager.default.temporaryDirectory
            .appendingPathComponent("curbside-publish-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try body(TestSite(root: parent + "/site"))
    }

    func publisher(retention: Int = 5) -> Publisher { Publisher(siteRoot: root, retention: retention) }

    func text(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)), as: UTF8.self)
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + relative) }

    func write(_ text: String, to relative: String) throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove(_ relative: String) throws { try FileManager.default.removeItem(atPath: root + "/" + relative) }

    /// Every entry of the site, `path → inode and modification time`, to show that nothing was rewritten.
    func snapshot() throws -> [String: String] {
        var result: [String: String] = [:]
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0 != ".publish.lock" }
        for path in paths {
            let attributes = try FileManager.default.attributesOfItem(atPath: root + "/" + path)
            let inode = attributes[.systemFileNumber].map { "\($0)" } ?? "?"
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            result[path] = "\(inode) \(modified)"
        }
        return result
    }

    /// The names in the site folder itself, sorted.
    func topLevel() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: root).sorted() }
}

/// The versions the tests publish.
enum Fixture {
    static let day = Day(iso: "2026-11-01")!
    static let first = VersionRecord(
        id: VersionID("2026-11-01-aaaaaaaaaa"), asOf: day, kind: .sample,
        headline: [HeadlineFigure(label: "Fines issued", value: "$12.50"), HeadlineFigure(label: "Days", value: "1")])
    static let firstFiles = [
        SiteFile(path: "index.html", text: "<h1>Fines</h1>\n"),
        SiteFile(path: "data/nyc_daily.csv", text: "date,fines\n2026-10-01,12.50\n"),
        SiteFile(path: "assets/site.css", text: "body{}\n"),
    ]

    static func record(_ id: String, asOf: String = "2026-11-01", kind: VersionRecord.Kind = .live) -> VersionRecord {
        VersionRecord(
            id: VersionID(id), asOf: Day(iso: asOf)!, kind: kind,
            headline: [HeadlineFigure(label: "Version", value: id)])
    }

    static func files(_ marker: String) -> [SiteFile] {
        [SiteFile(path: "index.html", text: "<h1>\(marker)</h1>\n"), SiteFile(path: "data/x.csv", text: marker)]
    }
}
