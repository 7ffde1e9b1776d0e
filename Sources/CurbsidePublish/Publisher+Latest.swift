import CurbsideModel

/// Keeping `latest/` a full copy of the newest version.
extension Publisher {
    /// Makes `latest/` a copy of `v/<id>/` unless it already holds that version's manifest.
    ///
    /// The copy is checked against the manifest as it is read, so a damaged version never becomes `latest/`.
    /// - Parameter id: the newest version.
    /// - Returns: the newest version's manifest.
    /// - Throws: ``PublishError/Reason/versionDamaged(_:)`` when `v/<id>/` no longer matches its manifest.
    func updateLatest(to id: VersionID) throws(PublishError) -> Manifest {
        let label = "v/\(id)"
        let source = siteRoot + "/" + label
        let latest = siteRoot + "/latest"
        let check = FolderCheck(disk: disk, label: label, folder: source)
        var problems: [VerifyReport.Problem] = []
        guard let manifest = check.readManifest(into: &problems) else {
            throw PublishError(siteRoot: siteRoot, path: source, reason: .versionDamaged(problems.map(\.line)))
        }
        let manifestBytes = try disk.read(source + "/" + Manifest.fileName)
        let current = latest + "/" + Manifest.fileName
        if disk.isFile(current), (try? disk.read(current)) == manifestBytes { return manifest }

        var files: [(path: String, bytes: [UInt8])] = [(Manifest.fileName, manifestBytes)]
        for entry in manifest.files {
            let bytes = try? disk.read(source + "/" + entry.path)
            guard let bytes, bytes.count == entry.size, SHA256Hex.of(bytes) == entry.sha256 else {
                problems.append(.init(bytes == nil ? .missing : .changed, label + "/" + entry.path))
                continue
            }
            files.append((entry.path, bytes))
        }
        guard problems.isEmpty else {
            throw PublishError(siteRoot: siteRoot, path: source, reason: .versionDamaged(problems.map(\.line)))
        }
        let staging = stagingPath("latest")
        try writeTree(files, into: staging)
        try swapIn(staging, as: latest)
        return manifest
    }

    /// Puts the folder `staging` at `target`, replacing what is there in one step where the system can.
    private func swapIn(_ staging: String, as target: String) throws(PublishError) {
        guard disk.exists(target) else {
            try disk.rename(staging, to: target)
            try disk.syncDirectory(siteRoot)
            return
        }
        if swapsAtomically, try disk.exchange(staging, target) {
            // `staging` now holds the old folder.
            try disk.syncDirectory(siteRoot)
            try disk.remove(staging)
            return
        }
        // No atomic swap here: `target` is absent between these two renames (see ``Publisher``).
        let old = stagingPath("old-latest")
        try disk.rename(target, to: old)
        try disk.rename(staging, to: target)
        try disk.syncDirectory(siteRoot)
        try disk.remove(old)
    }
}
