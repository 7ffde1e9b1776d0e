/// One file of a version: its path inside the version folder and its bytes.
public struct SiteFile: Sendable, Hashable {
    /// Relative to the version folder, `/`-separated: `index.html`, `data/nyc_daily_financials.csv`.
    public var path: String
    /// The file's exact contents.
    public var bytes: [UInt8]

    /// - Parameters:
    ///   - path: relative to the version folder, `/`-separated.
    ///   - bytes: the file's contents.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// - Parameters:
    ///   - path: relative to the version folder, `/`-separated.
    ///   - text: the file's contents, written as UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Why `path` is not a safe path inside a version folder, or nil when it is.
    ///
    /// A safe path is relative, `/`-separated, and made of non-empty segments other than `.` and `..`, with no
    /// backslash and no control character: joined to any folder it names a place inside that folder.
    /// - Parameter path: the path to check.
    /// - Returns: the first problem found, checked in the order of ``PublishError/Reason``.
    static func problem(with path: String) -> PublishError.Reason? {
        if path.isEmpty { return .emptyPath }
        if path.hasPrefix("/") { return .absolutePath }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains("..") { return .parentSegment }
        if segments.contains(".") { return .currentSegment }
        if segments.contains("") { return .emptySegment }
        if path.contains("\\") { return .backslash }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return .controlCharacter
        }
        return nil
    }

    /// Checks a version's files before anything is written.
    ///
    /// - Parameters:
    ///   - files: the version's files.
    ///   - siteRoot: the site folder, for the error.
    /// - Throws: ``PublishError`` for the first unsafe, reserved, repeated or conflicting path.
    public static func validate(_ files: [SiteFile], siteRoot: String) throws(PublishError) {
        var seen = Set<String>()
        for file in files {
            if let reason = problem(with: file.path) {
                throw PublishError(siteRoot: siteRoot, path: file.path, reason: reason)
            }
            if file.path == Manifest.fileName {
                throw PublishError(siteRoot: siteRoot, path: file.path, reason: .reservedPath)
            }
            guard seen.insert(file.path).inserted else {
                throw PublishError(siteRoot: siteRoot, path: file.path, reason: .duplicatePath)
            }
        }
        // A path that is also a folder of another ("a" and "a/b") cannot both be written.
        for file in files {
            var folder = Substring(file.path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if seen.contains(String(folder)) {
                    throw PublishError(siteRoot: siteRoot, path: String(folder), reason: .pathConflict(with: file.path))
                }
            }
        }
    }
}
