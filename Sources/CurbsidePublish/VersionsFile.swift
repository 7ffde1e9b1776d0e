import CurbsideModel

/// `versions.json`: the versions on the site, newest first.
///
/// ```json
/// {
///   "format": 1,
///   "latest": "2026-11-01-3f9c2a71d0",
///   "versions": [
///     {
///       "as_of": "2026-11-01",
///       "files": 12,
///       "headline": {
///         "Fines issued": "$1,204,330.00",
///         "Violations": "48,120"
///       },
///       "id": "2026-11-01-3f9c2a71d0",
///       "kind": "sample",
///       "sequence": 2
///     }
///   ]
/// }
/// ```
/// Keys are sorted except the headline labels, which keep their display order. No field depends on the clock.
enum VersionsFile {
    static let fileName = "versions.json"
    static let format = 1

    /// - Parameter versions: the versions, in any order.
    /// - Returns: the versions newest first: later as-of first, then later publication first.
    static func sorted(_ versions: [PublishedVersion]) -> [PublishedVersion] {
        versions.sorted { $0.isNewer(than: $1) }
    }

    /// The exact bytes of `versions.json`.
    /// - Parameter versions: the versions, newest first.
    static func bytes(_ versions: [PublishedVersion]) -> [UInt8] {
        let json = JSONValue.object([
            ("format", .integer(format)),
            ("latest", versions.first.map { .string($0.id.rawValue) } ?? .null),
            ("versions", .array(versions.map(\.json))),
        ])
        return Array(json.prettyText.utf8)
    }

    /// Reads `versions.json` in `siteRoot`.
    /// - Parameters:
    ///   - siteRoot: the site folder.
    ///   - disk: the file system.
    /// - Returns: the versions, newest first; none when the file does not exist.
    /// - Throws: ``PublishError`` when the file cannot be read or is not a versions file.
    static func read(siteRoot: String, disk: Disk) throws(PublishError) -> [PublishedVersion] {
        let path = siteRoot + "/" + fileName
        guard disk.exists(path) else { return [] }
        let bytes = try disk.read(path)
        do throws(JSONFormatError) {
            let json = try JSONParser.parse(bytes)
            let formatValue = try json.member("format", at: "versions file").count(at: "format")
            guard formatValue == format else {
                throw JSONFormatError(detail: "format \(formatValue) is not \(format); a newer curbside wrote it")
            }
            var versions: [PublishedVersion] = []
            for (index, item) in try json.member("versions", at: "versions file").items(at: "versions").enumerated() {
                let version = try PublishedVersion(json: item, at: "versions[\(index)]")
                guard !versions.contains(where: { $0.id == version.id }) else {
                    throw JSONFormatError(detail: "versions[\(index)].id: \(version.id) is listed twice")
                }
                versions.append(version)
            }
            return sorted(versions)
        } catch {
            throw PublishError(siteRoot: siteRoot, path: path, reason: .corruptVersionsFile(error.detail))
        }
    }
}
