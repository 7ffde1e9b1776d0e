import CurbsideModel
import Foundation

/// Paths and files shared by the test targets.
public enum Fixtures {
    /// The repository's root, found from this file's path (Tests/CurbsideTestSupport/Fixtures.swift).
    public static let repositoryRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// A file of the repository, by path relative to its root.
    public static func path(_ relative: String) -> String {
        (repositoryRoot as NSString).appendingPathComponent(relative)
    }

    public static func bytes(_ relative: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path(relative)) else {
            throw FixtureError(path: relative)
        }
        return Array(data)
    }

    /// The 1,000 real NYC rows bundled as the sample.
    public static func nycSampleRows() throws -> [UInt8] { try bytes("samples/nyc/nc67-uf89.json") }

    /// A fresh temporary folder, removed by the caller with `removeTemporaryFolder`.
    public static func temporaryFolder(_ name: String = "curbside") throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    public static func removeTemporaryFolder(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

public struct FixtureError: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "test fixture missing: \(path)" }
}
