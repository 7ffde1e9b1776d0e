import CurbsideModel

/// `manifest.json`: every file of a version but itself, with its SHA-256 and size.
///
/// The bytes are a function of the version alone: keys sorted, files sorted by the UTF-8 bytes of their paths,
/// two-space indents, a final newline, no timestamps.
///
/// ```json
/// {
///   "as_of": "2026-11-01",
///   "files": [
///     {
///       "path": "index.html",
///       "sha256": "…",
///       "size": 1234
///     }
///   ],
///   "kind": "sample",
///   "version": "2026-11-01-3f9c2a71d0"
/// }
/// ```
public struct Manifest: Sendable, Hashable {
    /// The manifest's own name inside a version folder.
    public static let fileName = "manifest.json"

    /// One listed file.
    public struct Entry: Sendable, Hashable {
        /// Relative to the version folder.
        public var path: String
        /// Lowercase hex SHA-256 of the contents.
        public var sha256: String
        /// Size in bytes.
        public var size: Int
    }

    /// The version the files belong to.
    public var version: VersionID
    /// The version's as-of date.
    public var asOf: Day
    /// Sample or live data.
    public var kind: VersionRecord.Kind
    /// The files, sorted by path.
    public var files: [Entry]

    /// The manifest of `files` published as `record`.
    /// - Parameters:
    ///   - record: the version.
    ///   - files: its files, in any order.
    public init(record: VersionRecord, files: [SiteFile]) {
        version = record.id
        asOf = record.asOf
        kind = record.kind
        self.files = files.map { Entry(path: $0.path, sha256: SHA256Hex.of($0.bytes), size: $0.bytes.count) }
            .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// Reads a manifest back.
    /// - Parameter bytes: the contents of a `manifest.json`.
    /// - Throws: ``JSONFormatError`` naming what is wrong, including an unsafe file path.
    init(jsonBytes bytes: [UInt8]) throws(JSONFormatError) {
        let json = try JSONParser.parse(bytes)
        version = VersionID(try json.member("version", at: "manifest").string(at: "version"))
        asOf = try json.member("as_of", at: "manifest").day(at: "as_of")
        let kindText = try json.member("kind", at: "manifest").string(at: "kind")
        guard let kind = VersionRecord.Kind(rawValue: kindText) else {
            throw JSONFormatError(detail: "kind: \"\(kindText)\" is neither sample nor live")
        }
        self.kind = kind
        files = []
        for (index, item) in try json.member("files", at: "manifest").items(at: "files").enumerated() {
            let place = "files[\(index)]"
            let path = try item.member("path", at: place).string(at: place + ".path")
            if SiteFile.problem(with: path) != nil || path == Manifest.fileName {
                throw JSONFormatError(detail: "\(place).path: \(path.debugDescription) is not a safe relative path")
            }
            let sha256 = try item.member("sha256", at: place).string(at: place + ".sha256")
            let size = try item.member("size", at: place).count(at: place + ".size")
            files.append(Entry(path: path, sha256: sha256, size: size))
        }
    }

    /// The exact bytes of `manifest.json`.
    public var jsonBytes: [UInt8] {
        let entries = files.map { entry in
            JSONValue.object([
                ("path", .string(entry.path)), ("sha256", .string(entry.sha256)), ("size", .integer(entry.size)),
            ])
        }
        let json = JSONValue.object([
            ("as_of", .string(asOf.iso)), ("files", .array(entries)), ("kind", .string(kind.rawValue)),
            ("version", .string(version.rawValue)),
        ])
        return Array(json.prettyText.utf8)
    }
}
