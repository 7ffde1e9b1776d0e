import CurbsideModel

/// Re-hashes one version folder against a manifest: the check behind ``Verifier`` and behind publish's refusal
/// to rewrite a version that already exists.
struct FolderCheck {
    let disk: Disk
    /// The folder's path relative to the site folder, `v/<id>` or `latest`, used in problem paths.
    let label: String
    /// The folder on disk.
    let folder: String

    /// Reads the folder's own `manifest.json`.
    /// - Returns: the manifest, or nil after appending the problem that stops the check to `problems`.
    func readManifest(into problems: inout [VerifyReport.Problem]) -> Manifest? {
        let path = folder + "/" + Manifest.fileName
        let place = label + "/" + Manifest.fileName
        guard disk.exists(path) else {
            problems.append(.init(.missingManifest, place))
            return nil
        }
        do {
            guard disk.isFile(path) else { throw JSONFormatError(detail: "not a regular file") }
            return try Manifest(jsonBytes: try disk.read(path))
        } catch let error as JSONFormatError {
            problems.append(.init(.unreadable(error.detail), place))
        } catch {
            let detail = (error as? PublishError).map(\.ioMessage) ?? "\(error)"
            problems.append(.init(.unreadable(detail), place))
        }
        return nil
    }

    /// Compares every file under the folder with `manifest`.
    /// - Parameter manifest: what the folder should hold (besides `manifest.json` itself).
    /// - Returns: each changed, missing and extra file.
    func problems(against manifest: Manifest) -> [VerifyReport.Problem] {
        let found: [String: Disk.EntryKind]
        do {
            found = try disk.walk(folder)
        } catch {
            return [.init(.unreadable("\(error)"), label + "/")]
        }
        var problems: [VerifyReport.Problem] = []
        var listed = Set<String>()
        for entry in manifest.files {
            listed.insert(entry.path)
            let place = label + "/" + entry.path
            switch found[entry.path] {
            case nil: problems.append(.init(.missing, place))
            case .file:
                let bytes = try? disk.read(folder + "/" + entry.path)
                if bytes?.count != entry.size || bytes.map(SHA256Hex.of) != entry.sha256 {
                    problems.append(.init(.changed, place))
                }
            default: problems.append(.init(.changed, place))
            }
        }
        for (path, kind) in found where kind != .folder && !listed.contains(path) && path != Manifest.fileName {
            problems.append(.init(.extra, label + "/" + path))
        }
        return problems
    }
}
