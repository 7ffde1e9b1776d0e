/// A page's title, description and body HTML, whoever made it: a content page as the report lays it out as a section,
/// or a page the program writes itself (the lineage page), laid out like the content pages.
public struct PageContent: Sendable, Hashable {
    /// The file name without `.html` (`nyc`, `lineage`): in the report, links to `nyc.html` become links to the
    /// section.
    public var slug: String
    public var title: String
    public var description: String
    /// The body HTML, every value already escaped (for a content page, as
    /// ``PageRenderer/bodyHTML(for:queries:asOf:)`` renders it).
    public var body: String

    public init(slug: String, title: String, description: String, body: String) {
        self.slug = slug
        self.title = title
        self.description = description
        self.body = body
    }
}
