import CurbsideModel

/// `site/index.html`: a redirect to the newest version in `latest/`, with a plain link for browsers that do not
/// follow it. Relative links only, so it works from any static host and from the file system.
enum SiteIndexPage {
    /// - Parameters:
    ///   - newest: the newest version.
    ///   - manifest: its manifest, to link `latest/index.html` when the version has one (a folder link does not
    ///     open an index page from the file system).
    /// - Returns: the page's bytes; they change only when the newest version does.
    static func bytes(newest: PublishedVersion, manifest: Manifest) -> [UInt8] {
        let target = manifest.files.contains { $0.path == "index.html" } ? "latest/index.html" : "latest/"
        let kind = newest.kind == .sample ? "sample data" : "live data"
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">
            <meta http-equiv="refresh" content="0; url=\(target)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Curbside</title>
            </head>
            <body>
            <p>The newest version is <a href="\(target)">\(MarkupEscape.text(newest.id.rawValue))</a> \
            (as of \(newest.asOf.iso), \(kind)). \
            Every version is listed in <a href="versions.html">versions.html</a> \
            (<a href="versions.json">versions.json</a>).</p>
            </body>
            </html>

            """
        return Array(page.utf8)
    }
}
