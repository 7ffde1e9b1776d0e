import CurbsideModel

/// Re-hashes a published site against its manifests: `curbside verify`.
///
/// With a version named, checks `v/<version>/`. Without, checks every folder under `v/`, then `latest/` against
/// its own `manifest.json`, and that `versions.json` reads, that each version it lists has a folder, and that
/// `latest/` holds the newest of them. Hidden names (publish's `.staging-*` leftovers) and `v/versions.html` are not
/// versions.
public struct Verifier: Sendable {
    public init() {}

    /// - Parameters:
    ///   - siteRoot: the site folder.
    ///   - version: the version to check, or nil for the whole site.
    /// - Returns: every problem found; ``VerifyReport/isClean`` when there is none.
    public func verify(siteRoot: String, version: VersionID?) -> VerifyReport {
        let disk = Disk(siteRoot: siteRoot)
        guard disk.isDirectory(siteRoot) else {
            return VerifyReport(siteRoot: siteRoot, folders: [], filesChecked: 0, problems: [.init(.noSite, siteRoot)])
        }
        var labels: [String]
        var problems: [VerifyReport.Problem] = []
        if let version {
            labels = ["v/" + version.rawValue]
        } else {
            do {
                // Versions are the folders; `v/versions.html` (the list of versions) is not one.
                labels = try disk.list(siteRoot + "/v").filter {
                    !$0.hasPrefix(".") && !(disk.isFile(siteRoot + "/v/" + $0) && $0 == VersionsPage.fileName)
                }.map { "v/" + $0 }
            } catch {
                let problem = VerifyReport.Problem(.unreadable(error.ioMessage), "v/")
                return VerifyReport(siteRoot: siteRoot, folders: [], filesChecked: 0, problems: [problem])
            }
            problems += indexProblems(disk: disk, versionLabels: labels)
            if disk.exists(siteRoot + "/latest") || !labels.isEmpty { labels.append("latest") }
            // A site with nothing published passes nothing: a check that vouched for it would hide a failed deploy.
            if labels.isEmpty && problems.isEmpty { problems.append(.init(.noVersion, "v/")) }
        }
        var filesChecked = 0
        for label in labels {
            let check = FolderCheck(disk: disk, label: label, folder: siteRoot + "/" + label)
            guard disk.isDirectory(check.folder) else {
                problems.append(.init(.missing, label + "/"))
                continue
            }
            if let manifest = check.readManifest(into: &problems) {
                filesChecked += manifest.files.count
                problems += check.problems(against: manifest)
            }
        }
        return VerifyReport(siteRoot: siteRoot, folders: labels, filesChecked: filesChecked, problems: problems)
    }

    /// What is wrong between `versions.json`, the folders under `v/` and `latest/`.
    private func indexProblems(disk: Disk, versionLabels: [String]) -> [VerifyReport.Problem] {
        let versions: [PublishedVersion]
        do {
            versions = try VersionsFile.read(siteRoot: disk.siteRoot, disk: disk)
        } catch {
            guard case .corruptVersionsFile(let detail) = error.reason else {
                return [.init(.unreadable(error.ioMessage), VersionsFile.fileName)]
            }
            return [.init(.unreadable(detail), VersionsFile.fileName)]
        }
        var problems: [VerifyReport.Problem] = []
        for version in versions where !versionLabels.contains("v/" + version.id.rawValue) {
            problems.append(.init(.missing, "v/\(version.id)/"))
        }
        let latest = FolderCheck(disk: disk, label: "latest", folder: disk.siteRoot + "/latest")
        var ignored: [VerifyReport.Problem] = []  // reported when latest/ itself is checked
        if let newest = versions.first, disk.isDirectory(latest.folder),
            let manifest = latest.readManifest(into: &ignored), manifest.version != newest.id
        {
            problems.append(
                .init(.staleLatest(holds: manifest.version.rawValue, newest: newest.id.rawValue), "latest/"))
        }
        return problems
    }
}
