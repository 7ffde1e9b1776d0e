import CurbsideModel
import Mustache

/// Pages that know their version: the version bar (id, as-of, a link to every version and, with scripts, a
/// menu of them), what changed since the previous version on the home page, and the Content-Security-Policy.
extension PageRenderer {
    /// Every content page of a version, as ``site(pages:queries:context:)`` renders them, with version notes.
    /// - Returns: each output path with its HTML and the body inside it (the report lays the same bodies out its
    ///   own way), sorted by path.
    /// - Throws: `RenderError` at the page's file and line for a tag or query that fails.
    public func site(
        pages: [ContentPage], queries: any QueryRunner, context: SiteContext, notes: VersionNotes
    ) throws(RenderError) -> [(path: String, html: String, body: String)] {
        var output: [(path: String, html: String, body: String)] = []
        for page in pages.sorted(by: { $0.outputPath < $1.outputPath }) {
            let body = try bodyHTML(for: page, queries: queries, asOf: page.asOf ?? context.asOf)
            output.append(
                (page.outputPath, try document(page: page, body: body, context: context, notes: notes), body))
        }
        return output
    }

    /// A page the program writes, in the site's layout.
    /// - Returns: the HTML of `<slug>.html`.
    public func html(for generated: PageContent, context: SiteContext, notes: VersionNotes) throws(RenderError)
        -> String
    {
        let page = ContentPage(
            file: "\(generated.slug).html", slug: generated.slug, title: generated.title,
            description: generated.description, order: Int.max, queries: [], body: "", bodyStartLine: 1)
        return try document(page: page, body: generated.body, context: context, notes: notes)
    }

    /// A whole page in the layout, with the version values below.
    func document(page: ContentPage, body: String, context: SiteContext, notes: VersionNotes)
        throws(RenderError) -> String
    {
        var data = LayoutData.values(page: page, body: body, context: context)
        for (key, value) in Self.versionValues(page: page, notes: notes) { data[key] = value }
        guard let html = templates.library.render(data, withTemplate: "layout") else {
            throw RenderError(file: "layout.mustache", line: nil, reason: .missingTemplate("layout"))
        }
        return html
    }

    /// | key | value |
    /// |-----|-------|
    /// | `csp` | the Content-Security-Policy |
    /// | `pageFile` | `nyc.html`: the version switcher opens the same page in another version |
    /// | `hasPrevious`, `previousID`, `previousAsOf` | the previous version |
    /// | `showChanges` | on the home page when there is a previous version |
    /// | `changes` | `label`, `value`, `previous`, `delta` per headline figure |
    static func versionValues(page: ContentPage, notes: VersionNotes) -> [String: Any] {
        [
            "csp": ContentSecurityPolicy.page,
            "pageFile": page.outputPath,
            "hasPrevious": notes.previousID != nil,
            "previousID": notes.previousID?.rawValue ?? "",
            "previousAsOf": notes.previousAsOf?.iso ?? "",
            "showChanges": page.isHome && notes.previousID != nil,
            "changes": notes.changes.map { change -> [String: Any] in
                [
                    "label": change.label, "value": change.value, "previous": change.previous ?? "—",
                    "delta": change.delta ?? "—",
                ]
            },
        ]
    }
}
