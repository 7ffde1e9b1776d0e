import CurbsideCharts
import CurbsideModel
import Mustache

/// Renders content pages into whole HTML documents with the Mustache templates of a `templates/` folder.
///
/// `content/*.md` → ``ContentParser`` → ``ContentPage`` → tags run their queries → cmark-gfm →
/// `templates/layout.mustache` → one HTML file per page. Links are relative, so a version folder works from any
/// static host and offline; the same inputs give the same bytes.
public struct PageRenderer: Sendable {
    let templates: TemplateSet

    /// Reads and checks every template and asset once.
    /// - Parameter templatesDirectory: the folder holding `layout.mustache`, its partials and `assets/`.
    /// - Throws: `RenderError` naming the template file (and line) that cannot be used.
    public init(templatesDirectory: String) throws(RenderError) {
        templates = try TemplateSet.load(directory: templatesDirectory)
    }

    /// The whole HTML document of one page.
    /// - Parameters:
    ///   - page: the parsed page.
    ///   - queries: the warehouse the page's queries run against.
    ///   - context: what every page shares (site title, as-of, version, navigation, sources).
    /// - Returns: the page's HTML, to be written to ``ContentPage/outputPath``.
    /// - Throws: `RenderError` at the page's file and line for a tag or query that fails.
    public func html(for page: ContentPage, queries: any QueryRunner, context: SiteContext) throws(RenderError)
        -> String
    {
        let body = try bodyHTML(for: page, queries: queries, asOf: page.asOf ?? context.asOf)
        return try document(page: page, body: body, context: context, notes: VersionNotes(headline: [], previous: nil))
    }

    /// Only the body of a page (Markdown and tags), for documents that lay pages out their own way (the report).
    /// - Throws: `RenderError` at the page's file and line for a tag or query that fails.
    public func bodyHTML(for page: ContentPage, queries: any QueryRunner, asOf: Day) throws(RenderError) -> String {
        try BodyRenderer.html(for: page, queries: queries, asOf: asOf)
    }

    /// Every page of a site: `index.html` for `content/index.md`, `<slug>.html` for the others.
    /// - Parameters:
    ///   - pages: the pages, as ``ContentParser/pages(from:)`` returns them.
    ///   - queries: the warehouse.
    ///   - context: shared by every page; its navigation should list `pages`.
    /// - Returns: each output path with its HTML, sorted by path.
    public func site(pages: [ContentPage], queries: any QueryRunner, context: SiteContext) throws(RenderError)
        -> [(path: String, html: String)]
    {
        var output: [(path: String, html: String)] = []
        for page in pages.sorted(by: { $0.outputPath < $1.outputPath }) {
            output.append((page.outputPath, try html(for: page, queries: queries, context: context)))
        }
        return output
    }

    /// The static files to copy into the version: `templates/assets/**` as `assets/**`, sorted by path.
    public func assets() -> [(path: String, bytes: [UInt8])] {
        templates.assets.map { ($0.path, $0.bytes) }
    }
}
