import CurbsideModel
import Foundation

/// The files beside the versions: `versions.html` (twice), `pdf/<id>.pdf` and `health/`.
///
/// None of them is part of a version or its manifest: they describe the site and its runs, and change when
/// versions come and go or a run ends. Each is replaced in one step (written beside itself, then renamed over).
extension Publisher {
    static let pdfFolder = "pdf"
    static let healthFolder = "health"

    /// Rewrites `versions.html` and `v/versions.html` from `versions.json` and what exists on disk.
    /// - Throws: ``PublishError`` when `versions.json` cannot be read or a file cannot be written.
    public func refreshPages() throws(PublishError) {
        try disk.makeDirectory(siteRoot)
        let lock = try disk.lock(siteRoot + "/" + Publisher.lockName, wait: lockWait)
        defer { disk.unlock(lock) }
        try writePages(try VersionsFile.read(siteRoot: siteRoot, disk: disk))
    }

    /// Writes both lists of versions; the caller holds the lock.
    func writePages(_ versions: [PublishedVersion]) throws(PublishError) {
        var extras = VersionsPage.Extras()
        extras.health = disk.isFile("\(siteRoot)/\(Publisher.healthFolder)/index.html")
        for version in versions {
            if disk.isFile(pdfPath(version.id)) { extras.pdfs.insert(version.id) }
            if disk.isFile("\(siteRoot)/v/\(version.id)/report.html") { extras.reports.insert(version.id) }
        }
        try disk.replace(
            "\(siteRoot)/\(VersionsPage.fileName)",
            with: VersionsPage.bytes(versions, siteTitle: siteTitle, root: "", extras: extras),
            stagingName: stagingName(VersionsPage.fileName))
        if disk.isDirectory(siteRoot + "/v") {
            try disk.replace(
                "\(siteRoot)/v/\(VersionsPage.fileName)",
                with: VersionsPage.bytes(versions, siteTitle: siteTitle, root: "../", extras: extras),
                stagingName: stagingName(VersionsPage.fileName))
        }
    }

    /// Where a version's printed report goes: `pdf/<id>.pdf`, outside the version (see docs/publishing.md).
    public func pdfPath(_ id: VersionID) -> String {
        "\(siteRoot)/\(Publisher.pdfFolder)/\(id.rawValue).pdf"
    }

    /// Stores a version's printed report as `pdf/<id>.pdf`, then lists it in `versions.html`.
    /// - Parameters:
    ///   - bytes: the PDF.
    ///   - id: a version on the site.
    /// - Throws: ``PublishError`` for a malformed id or a file that cannot be written.
    public func storePDF(_ bytes: [UInt8], for id: VersionID) throws(PublishError) {
        guard SiteFile.problem(with: id.rawValue) == nil, !id.rawValue.contains("/") else {
            throw PublishError(siteRoot: siteRoot, path: id.rawValue, reason: .invalidVersionID(.badSuffix))
        }
        try disk.makeDirectory("\(siteRoot)/\(Publisher.pdfFolder)")
        let lock = try disk.lock(siteRoot + "/" + Publisher.lockName, wait: lockWait)
        defer { disk.unlock(lock) }
        try disk.replace(pdfPath(id), with: bytes, stagingName: stagingName("pdf"))
        try writePages(try VersionsFile.read(siteRoot: siteRoot, disk: disk))
    }

    /// Replaces the files of `health/` (`index.html`, `metrics.prom`), then links the page from `versions.html`.
    /// - Parameter files: file names (no folders) and their bytes.
    /// - Throws: ``PublishError`` for a name that is not a plain file name, or a file that cannot be written.
    public func storeHealth(_ files: [SiteFile]) throws(PublishError) {
        for file in files where SiteFile.problem(with: file.path) != nil || file.path.contains("/") {
            throw PublishError(
                siteRoot: siteRoot, path: file.path, reason: .notAFileName(folder: Publisher.healthFolder))
        }
        let folder = "\(siteRoot)/\(Publisher.healthFolder)"
        try disk.makeDirectory(folder)
        let lock = try disk.lock(siteRoot + "/" + Publisher.lockName, wait: lockWait)
        defer { disk.unlock(lock) }
        for file in files {
            try disk.replace(folder + "/" + file.path, with: file.bytes, stagingName: stagingName(file.path))
        }
        try writePages(try VersionsFile.read(siteRoot: siteRoot, disk: disk))
    }

    private func stagingName(_ what: String) -> String {
        "\(Publisher.stagingPrefix)\(what)-\(ProcessInfo.processInfo.processIdentifier)"
    }
}
