import CurbsideModel
import Foundation

/// Writes versions into a site folder: `v/<id>/`, `latest/`, `versions.json` and `index.html`.
///
/// rendered files → ``publish(_:files:)`` → staging folder → `v/<id>/` → `latest/` → `versions.json` → `index.html`
/// → `versions.html` and `v/versions.html` (see ``refreshPages()``)
///
/// Every step is atomic for a reader of the site: a version is written into a hidden staging folder in the site
/// folder (`.staging-<id>-<pid>`), flushed to disk and renamed to `v/<id>` in one step; `latest/` is built beside
/// it and swapped in with one `renameat2(RENAME_EXCHANGE)` (`renamex_np(RENAME_SWAP)` on macOS). Where the file
/// system cannot swap, the old `latest/` is renamed away and the new one renamed in: between those two renames,
/// microseconds apart, `latest/` is absent, and a process killed right there leaves it absent until the next
/// publish rebuilds it. `versions.json` and `index.html` are written beside themselves and renamed over.
///
/// A killed publish leaves at most `.staging-*` entries, removed by the next publish, and a version folder that
/// `versions.json` does not list yet, which the next publish of the same inputs adopts. A lock file
/// (`.publish.lock`) keeps two publishes from running at once.
///
/// Versions are ordered newest first by as-of date, then by publication order (`sequence` in `versions.json`).
/// Retention keeps the newest `retention` of them (0 or less keeps all) and always keeps the version being
/// published; an older version is first dropped from `versions.json`, then its folder is deleted.
public struct Publisher: Sendable {
    /// The site folder, created when missing.
    public let siteRoot: String
    /// How many versions to keep; 0 or less keeps every version.
    public let retention: Int

    /// The site's name, for the title of `versions.html`.
    public var siteTitle = "Curbside"

    /// How long to wait for another publish into the same site (from another warehouse) to let go of the lock, in
    /// seconds; a publish holds it for seconds.
    public var lockWait = 120.0

    /// Whether to try the one-step swap for `latest/`; tests turn it off to exercise the two-rename fallback.
    var swapsAtomically = true

    static let lockName = ".publish.lock"
    static let stagingPrefix = ".staging-"

    /// - Parameters:
    ///   - siteRoot: the site folder, `site` by default in the command line.
    ///   - retention: how many versions to keep; 0 or less keeps every version.
    public init(siteRoot: String, retention: Int) {
        var root = siteRoot.isEmpty ? "." : siteRoot
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.siteRoot = root
        self.retention = retention
    }

    var disk: Disk { Disk(siteRoot: siteRoot) }

    /// A name for this process's staging entries: `.staging-<what>-<pid>`.
    func stagingPath(_ what: String) -> String {
        "\(siteRoot)/\(Publisher.stagingPrefix)\(what)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// The versions on the site, newest first, from `versions.json`.
    /// - Returns: the versions; none when there is no `versions.json`.
    /// - Throws: ``PublishError`` naming `versions.json` when it cannot be read or is not a versions file.
    public func versions() throws(PublishError) -> [PublishedVersion] {
        try VersionsFile.read(siteRoot: siteRoot, disk: disk)
    }

    /// Publishes one version and makes the newest version `latest/`.
    ///
    /// - Parameters:
    ///   - version: the version's id, as-of, kind and headline figures.
    ///   - files: every file of the version but `manifest.json`, which publish writes.
    /// - Returns: ``PublishOutcome/published(_:)``, or ``PublishOutcome/unchanged(_:)`` when `v/<id>/` already
    ///   held exactly these files (`versions.json`, `latest/` and `index.html` are still brought up to date).
    /// - Throws: ``PublishError`` for an unsafe or repeated path, a malformed id, a `v/<id>/` that exists with
    ///   other files, a corrupt `versions.json`, another publish running, or a failed file system call.
    public func publish(_ version: VersionRecord, files: [SiteFile]) throws(PublishError) -> PublishOutcome {
        if let problem = VersionRecord.idProblem(version.id, asOf: version.asOf) {
            throw PublishError(siteRoot: siteRoot, path: version.id.rawValue, reason: .invalidVersionID(problem))
        }
        var labels = Set<String>()
        for figure in version.headline where !labels.insert(figure.label).inserted {
            throw PublishError(siteRoot: siteRoot, path: nil, reason: .duplicateHeadline(figure.label))
        }
        try SiteFile.validate(files, siteRoot: siteRoot)

        let disk = disk
        try disk.makeDirectory(siteRoot)
        let lock = try disk.lock(siteRoot + "/" + Publisher.lockName, wait: lockWait)
        defer { disk.unlock(lock) }
        try removeStaging()
        do {
            return try publishLocked(version, files: files)
        } catch {
            // A failed publish (a full disk, most often) leaves no staging copy behind to keep the disk full.
            try? removeStaging()
            throw error
        }
    }

    /// Removes the staging entries a publish leaves when it stops part-way. An old `latest/` moved aside just before a
    /// failure goes back to its place instead.
    func removeStaging() throws(PublishError) {
        let latest = siteRoot + "/latest"
        for folder in ["", "/v", "/" + Publisher.pdfFolder, "/" + Publisher.healthFolder] {
            for name in try disk.list(siteRoot + folder) where name.hasPrefix(Publisher.stagingPrefix) {
                let path = siteRoot + folder + "/" + name
                if folder.isEmpty, name.hasPrefix(Publisher.stagingPrefix + "old-latest-"), !disk.exists(latest) {
                    try disk.rename(path, to: latest)
                } else {
                    try disk.remove(path)
                }
            }
        }
    }

    /// ``publish(_:files:)`` once the lock is held and the staging entries are gone.
    private func publishLocked(_ version: VersionRecord, files: [SiteFile]) throws(PublishError) -> PublishOutcome {
        let disk = disk
        var listed = try VersionsFile.read(siteRoot: siteRoot, disk: disk)
        let manifest = Manifest(record: version, files: files)
        let outcome = try writeVersion(version.id, files: files, manifest: manifest)
        if !listed.contains(where: { $0.id == version.id }) {
            let sequence = (listed.map(\.sequence).max() ?? 0) + 1
            listed.append(PublishedVersion(record: version, files: manifest.files.count, sequence: sequence))
        }
        let (kept, retired) = retain(VersionsFile.sorted(listed), publishing: version.id)

        let newest = try updateLatest(to: kept[0].id)
        try disk.replace(
            siteRoot + "/" + VersionsFile.fileName, with: VersionsFile.bytes(kept),
            stagingName: Publisher.stagingPrefix + "versions.json-\(ProcessInfo.processInfo.processIdentifier)")
        try disk.replace(
            siteRoot + "/index.html", with: SiteIndexPage.bytes(newest: kept[0], manifest: newest),
            stagingName: Publisher.stagingPrefix + "index.html-\(ProcessInfo.processInfo.processIdentifier)")
        for old in retired { try retire(old.id) }
        try writePages(kept)
        return outcome
    }

    /// Splits versions (newest first) into those retention keeps and those it drops.
    func retain(
        _ versions: [PublishedVersion], publishing id: VersionID
    ) -> (kept: [PublishedVersion], retired: [PublishedVersion]) {
        guard retention > 0 else { return (versions, []) }
        var kept: [PublishedVersion] = []
        var retired: [PublishedVersion] = []
        for version in versions {
            if kept.count < retention || version.id == id {
                kept.append(version)
            } else {
                retired.append(version)
            }
        }
        return (kept, retired)
    }

    /// Deletes a dropped version: renamed out of `v/` first, so no half-deleted folder is ever visible.
    private func retire(_ id: VersionID) throws(PublishError) {
        let folder = "\(siteRoot)/v/\(id)"
        try disk.remove(pdfPath(id))
        guard disk.exists(folder) else { return }
        let staging = stagingPath("retired-\(id)")
        try disk.rename(folder, to: staging)
        try disk.syncDirectory(siteRoot + "/v")
        try disk.remove(staging)
    }
}
