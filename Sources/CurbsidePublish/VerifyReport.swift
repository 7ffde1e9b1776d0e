/// What ``Verifier`` found: one ``Problem`` per file that does not match, and what it checked.
public struct VerifyReport: Sendable, Equatable, CustomStringConvertible {
    /// One thing that does not match; `path` is relative to the site folder (`v/<id>/index.html`, `latest/`),
    /// except for ``Kind/noSite``, whose path is the site folder itself.
    public struct Problem: Sendable, Hashable {
        /// What kind of mismatch.
        public enum Kind: Sendable, Hashable {
            /// The file's SHA-256 or size differs from the manifest, or it is not a regular file.
            case changed
            /// The manifest lists the file (or `versions.json` the version) but it is not there.
            case missing
            /// The file is there but the manifest does not list it.
            case extra
            /// The folder has no `manifest.json`.
            case missingManifest
            /// The manifest or `versions.json` cannot be read; the detail says why.
            case unreadable(String)
            /// `latest/` holds another version than the newest in `versions.json`.
            case staleLatest(holds: String, newest: String)
            /// The site folder does not exist.
            case noSite
            /// The site folder holds no published version: nothing to vouch for.
            case noVersion
        }

        /// What kind of mismatch.
        public var kind: Kind
        /// Where, relative to the site folder.
        public var path: String

        /// - Parameters:
        ///   - kind: what kind of mismatch.
        ///   - path: where, relative to the site folder.
        public init(_ kind: Kind, _ path: String) {
            self.kind = kind
            self.path = path
        }

        /// The problem's line in the report, like `changed: v/2026-11-01-3f9c2a71d0/index.html`.
        public var line: String {
            switch kind {
            case .changed: return "changed: \(path)"
            case .missing: return "missing: \(path)"
            case .extra: return "extra: \(path)"
            case .missingManifest: return "no manifest: \(path)"
            case .unreadable(let detail): return "unreadable: \(path) (\(detail))"
            case .staleLatest(let holds, let newest):
                return "stale: \(path) holds \(holds), the newest version is \(newest)"
            case .noSite: return "no site: \(path) does not exist"
            case .noVersion: return "no version: nothing is published under \(path) (run 'curbside build' first)"
            }
        }
    }

    /// The site folder verified.
    public var siteRoot: String
    /// The folders checked, relative to the site folder: `v/<id>` for each version, then `latest` if present.
    public var folders: [String]
    /// How many files the manifests listed, over all folders checked.
    public var filesChecked: Int
    /// What does not match, sorted by path.
    public var problems: [Problem]

    /// - Parameters:
    ///   - siteRoot: the site folder verified.
    ///   - folders: the folders checked, relative to it.
    ///   - filesChecked: how many files the manifests listed.
    ///   - problems: what does not match.
    public init(siteRoot: String, folders: [String], filesChecked: Int, problems: [Problem]) {
        self.siteRoot = siteRoot
        self.folders = folders
        self.filesChecked = filesChecked
        self.problems = problems.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
    }

    /// True when every file matches its manifest.
    public var isClean: Bool { problems.isEmpty }

    /// One line per problem, then a summary line.
    public var description: String {
        (problems.map(\.line) + [summary]).joined(separator: "\n")
    }

    /// `verify site: 2 versions and latest/, 14 files: all match their manifests`, or the problem counts.
    public var summary: String {
        let scope = "verify \(siteRoot): \(scopeText), \(filesChecked) \(filesChecked == 1 ? "file" : "files")"
        guard !isClean else { return scope + ": all match their manifests" }
        var counts: [(String, Int)] = []
        for problem in problems {
            let name = problem.line.prefix { $0 != ":" }
            if let index = counts.firstIndex(where: { $0.0 == name }) {
                counts[index].1 += 1
            } else {
                counts.append((String(name), 1))
            }
        }
        let list = counts.sorted { $0.0 < $1.0 }.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
        let noun = problems.count == 1 ? "problem" : "problems"
        return scope + ": \(problems.count) \(noun) (\(list)); restore the files from a backup, "
            + "or delete the version folder and build it again"
    }

    private var scopeText: String {
        let versions = folders.filter { $0.hasPrefix("v/") }
        let hasLatest = folders.contains("latest")
        if folders.isEmpty { return "no versions" }
        if folders.count == 1 { return hasLatest ? "latest/" : folders[0] }
        let count = versions.count == 1 ? "1 version" : "\(versions.count) versions"
        return hasLatest ? "\(count) and latest/" : count
    }
}
