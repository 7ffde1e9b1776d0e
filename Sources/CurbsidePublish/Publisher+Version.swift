import CurbsideModel

/// Writing `v/<id>/`, and refusing to rewrite one that exists.
extension Publisher {
    /// Writes the version's folder through a staging folder, or checks the one already there.
    /// - Returns: `.published` after writing, `.unchanged` when the folder already holds exactly these files.
    /// - Throws: ``PublishError/Reason/existingVersionDiffers(_:)`` when the folder exists with other contents.
    func writeVersion(_ id: VersionID, files: [SiteFile], manifest: Manifest) throws(PublishError) -> PublishOutcome {
        let label = "v/\(id)"
        let folder = siteRoot + "/" + label
        if disk.exists(folder) {
            let problems = existingProblems(label: label, manifest: manifest)
            guard problems.isEmpty else {
                throw PublishError(siteRoot: siteRoot, path: folder, reason: .existingVersionDiffers(problems))
            }
            return .unchanged(id)
        }
        let staging = stagingPath(id.rawValue)
        let manifestFile = SiteFile(path: Manifest.fileName, bytes: manifest.jsonBytes)
        try writeTree(files.map { ($0.path, $0.bytes) } + [(manifestFile.path, manifestFile.bytes)], into: staging)
        try disk.makeDirectory(siteRoot + "/v")
        try disk.rename(staging, to: folder)
        try disk.syncDirectory(siteRoot + "/v")
        try disk.syncDirectory(siteRoot)
        return .published(id)
    }

    /// How the existing folder `label` differs from `manifest`, one ``VerifyReport/Problem/line`` each.
    private func existingProblems(label: String, manifest: Manifest) -> [String] {
        let check = FolderCheck(disk: disk, label: label, folder: siteRoot + "/" + label)
        guard disk.isDirectory(check.folder) else { return ["\(label) is not a folder"] }
        var problems: [VerifyReport.Problem] = []
        if let existing = check.readManifest(into: &problems), existing != manifest {
            problems.append(.init(.changed, label + "/" + Manifest.fileName))
        }
        problems += check.problems(against: manifest)
        return VerifyReport(siteRoot: siteRoot, folders: [label], filesChecked: 0, problems: problems).problems.map(
            \.line)
    }

    /// Creates `folder` (which must not exist) holding `files`, every file and folder flushed to disk.
    ///
    /// Paths were checked by ``SiteFile/validate(_:siteRoot:)``: relative, no `.` or `..`, so each lands inside
    /// `folder`, which is new and so holds no link that could lead elsewhere.
    func writeTree(_ files: [(path: String, bytes: [UInt8])], into folder: String) throws(PublishError) {
        try disk.makeDirectory(folder)
        var folders = Set<String>()
        for file in files {
            var parent = Substring(file.path)
            while let slash = parent.lastIndex(of: "/") {
                parent = parent[..<slash]
                folders.insert(String(parent))
            }
        }
        // Parents before children, so each folder is created by exactly one call.
        let ordered = folders.sorted { $0.utf8.count < $1.utf8.count }
        for relative in ordered { try disk.makeDirectory(folder + "/" + relative) }
        for file in files { try disk.write(file.bytes, to: folder + "/" + file.path) }
        for relative in ordered.reversed() { try disk.syncDirectory(folder + "/" + relative) }
        try disk.syncDirectory(folder)
    }
}
