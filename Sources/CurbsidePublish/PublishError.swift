import CurbsideModel

/// Why publish stopped, where, and what to do about it. Nothing visible in the site changed when it is thrown
/// before the version folder was renamed into place; see ``Publisher`` for what a later failure leaves.
public struct PublishError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// A file path is empty.
        case emptyPath
        /// A file path starts with `/`.
        case absolutePath
        /// A file path has a `..` segment.
        case parentSegment
        /// A file path has a `.` segment.
        case currentSegment
        /// A file path has an empty segment: a leading, trailing or doubled `/`.
        case emptySegment
        /// A file path contains `\`.
        case backslash
        /// A file path contains NUL or another control character.
        case controlCharacter
        /// A file path is `manifest.json`, which publish writes itself.
        case reservedPath
        /// Two files have the same path.
        case duplicatePath
        /// A file path is also used as a folder by the other path.
        case pathConflict(with: String)
        /// A file for a folder beside the versions (`health/`) is not a plain file name.
        case notAFileName(folder: String)
        /// Two headline figures have the same label.
        case duplicateHeadline(String)
        /// The version id is not `<asOf>-<lowercase letters and digits>`.
        case invalidVersionID(VersionIDProblem)
        /// The version's folder already exists and does not match what is being published.
        case existingVersionDiffers([String])
        /// A published version's folder (the `path`) no longer matches its manifest, so it cannot be copied to
        /// `latest/`.
        case versionDamaged([String])
        /// `versions.json` (the `path`) is not a versions file.
        case corruptVersionsFile(String)
        /// Another publish holds the lock file (the `path`).
        case locked(waited: Double)
        /// A file system call failed on `path`.
        case io(operation: String, message: String)
    }

    /// How a version id is malformed.
    public enum VersionIDProblem: Sendable, Equatable {
        /// The id does not start with the as-of date and a `-`.
        case dateMismatch(asOf: String)
        /// The part after the date is empty or has characters other than `a-z` and `0-9`.
        case badSuffix
    }

    /// The site folder publish was writing to.
    public var siteRoot: String
    /// The file the error is about: a version's file path, or a path under the site.
    public var path: String?
    /// What went wrong.
    public var reason: Reason

    /// - Parameters:
    ///   - siteRoot: the site folder.
    ///   - path: the file the error is about, if any.
    ///   - reason: what went wrong.
    public init(siteRoot: String, path: String?, reason: Reason) {
        self.siteRoot = siteRoot
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "publish to \(siteRoot): \(problem)"
    }

    /// The system's message for an I/O failure, the whole description otherwise: for reports that name the path
    /// themselves.
    var ioMessage: String {
        guard case .io(_, let message) = reason else { return description }
        return message
    }

    private var problem: String {
        let quoted = path.map { "file path \($0.debugDescription)" } ?? "file path"
        let place = path ?? siteRoot
        switch reason {
        case .emptyPath:
            return "a file path is empty; give every file a name."
        case .absolutePath:
            return "\(quoted) is absolute; give paths relative to the version folder, like \"data/daily.csv\"."
        case .parentSegment:
            return "\(quoted) has a \"..\" segment, which could leave the version folder; remove it."
        case .currentSegment:
            return "\(quoted) has a \".\" segment; write the path without \"./\"."
        case .emptySegment:
            return "\(quoted) has an empty segment (a leading, trailing or doubled \"/\"); remove the extra \"/\"."
        case .backslash:
            return "\(quoted) contains a backslash; separate folders with \"/\"."
        case .controlCharacter:
            return "\(quoted) contains a control character (NUL, tab, newline…); rename the file."
        case .reservedPath:
            return "\(quoted) is reserved for the manifest publish writes itself; rename the file."
        case .duplicatePath:
            return "\(quoted) is given twice; give each file its own path."
        case .pathConflict(let other):
            return "\(quoted) is also a folder in \(other.debugDescription); rename one of them."
        case .notAFileName(let folder):
            return "\(quoted) must be a plain file name in \(folder)/ (no \"/\", no \"..\"); rename the file."
        case .duplicateHeadline(let label):
            return "headline label \(label.debugDescription) is given twice; give each figure its own label."
        case .invalidVersionID(.dateMismatch(let asOf)):
            return "version id \(place.debugDescription) does not start with its as-of date \(asOf) and a \"-\"; "
                + "make ids with VersionInputs.versionID."
        case .invalidVersionID(.badSuffix):
            return "version id \(place.debugDescription) must end in lowercase letters and digits after the date; "
                + "make ids with VersionInputs.versionID."
        case .existingVersionDiffers(let problems):
            return "\(place) already exists and does not match the files being published ("
                + problems.joined(separator: "; ")
                + "); old versions are never rewritten: find out why the same inputs gave different files, "
                + "or delete the folder and publish again."
        case .versionDamaged(let problems):
            return "\(place) does not match its manifest (" + problems.joined(separator: "; ")
                + "), so it cannot become latest/; restore it from a backup, or delete it and build again."
        case .corruptVersionsFile(let detail):
            return "\(place) is not a valid versions file (\(detail)); restore it from a backup, or delete it "
                + "to start a new list (the version folders stay on disk)."
        case .locked(let waited):
            return "another publish holds \(place) (waited \(waited.secondsText)); wait for it to finish and try again."
        case .io(let operation, let message):
            return "could not \(operation) \(place): \(message); check that the site folder is writable and "
                + "has space."
        }
    }
}
