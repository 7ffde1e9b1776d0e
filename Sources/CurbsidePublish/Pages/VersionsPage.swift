import CurbsideModel

/// `versions.html`: every version in `versions.json` as a table a person reads, with links to each version, its
/// report, its PDF when one was printed, and the health page. Works without scripts and from the file system.
///
/// Written twice, because pages inside versions link to it as `../versions.html`: from `latest/` that is
/// `site/versions.html`, from `v/<id>/` it is `site/v/versions.html`. The two differ only in their links.
enum VersionsPage {
    static let fileName = "versions.html"

    /// What exists beside the versions, to link only what is there.
    struct Extras {
        /// Versions whose `pdf/<id>.pdf` exists.
        var pdfs: Set<VersionID> = []
        /// Versions that have a `report.html` (versions published before the report existed have none).
        var reports: Set<VersionID> = []
        /// Whether `health/index.html` exists.
        var health = false
    }

    /// - Parameters:
    ///   - versions: the versions, newest first.
    ///   - siteTitle: the site's name, for the title.
    ///   - root: the path from the page to the site folder: `""` for `site/versions.html`, `"../"` for
    ///     `site/v/versions.html`.
    ///   - extras: the PDFs and health page there are.
    static func bytes(_ versions: [PublishedVersion], siteTitle: String, root: String, extras: Extras) -> [UInt8] {
        let e = MarkupEscape.text
        var labels: [String] = []
        for version in versions {
            for figure in version.headline where !labels.contains(figure.label) { labels.append(figure.label) }
        }
        var body = "<h1>Versions of \(e(siteTitle))</h1>\n"
        body += "<p>Every version is kept as it was published and never rewritten; the newest is also in "
        body += "<a href=\"\(root)latest/index.html\">latest/</a>. Each version's <code>manifest.json</code> lists its "
        body += "files with their SHA-256 hashes (<code>curbside verify</code> checks them). "
        body += "The same list is in <a href=\"\(root)versions.json\">versions.json</a>.</p>\n"
        if extras.health {
            body += "<p>How the runs went (rows fetched, retries, durations, quarantine): "
            body += "<a href=\"\(root)health/index.html\">site health</a>.</p>\n"
        }
        body += "<div class=\"frame\">\n<table>\n<caption>\(versions.count) "
        body += versions.count == 1 ? "version" : "versions"
        body += ", newest first</caption>\n<thead>\n<tr><th scope=\"col\">Version</th><th scope=\"col\">As of</th>"
        body += "<th scope=\"col\">Data</th>"
        for label in labels { body += "<th scope=\"col\" class=\"num\">\(e(label))</th>" }
        body += "<th scope=\"col\">Report</th></tr>\n</thead>\n<tbody>\n"
        for version in versions {
            let folder = "\(root)v/\(version.id.rawValue)/"
            body += "<tr><td><a href=\"\(folder)index.html\"><code>\(e(version.id.rawValue))</code></a>"
            if version.id == versions.first?.id { body += " <span class=\"muted\">(newest)</span>" }
            body += "</td><td class=\"nowrap\">\(version.asOf.iso)</td><td>\(version.kind.rawValue)</td>"
            for label in labels {
                let value = version.headline.first { $0.label == label }?.value ?? "—"
                body += "<td class=\"num\">\(e(value))</td>"
            }
            var links: [String] = []
            if extras.reports.contains(version.id) { links.append("<a href=\"\(folder)report.html\">report.html</a>") }
            if extras.pdfs.contains(version.id) {
                links.append("<a href=\"\(root)pdf/\(version.id.rawValue).pdf\">PDF</a>")
            }
            body += "<td>" + (links.isEmpty ? "—" : links.joined(separator: " · "))
            body += "</td></tr>\n"
        }
        body += "</tbody>\n</table>\n</div>"
        return Array(StandalonePage.document(title: "Versions · \(siteTitle)", body: body).utf8)
    }
}
