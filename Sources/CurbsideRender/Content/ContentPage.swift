import CurbsideModel

/// One content page: `content/<slug>.md` parsed into front matter and a Markdown body.
///
/// `content/index.md` is the home page (`index.html`); every other page becomes `<slug>.html`.
public struct ContentPage: Sendable, Hashable {
    /// The file as the author names it, `content/nyc.md`; used in error messages.
    public let file: String
    /// The file name without `.md`: the page's URL is `<slug>.html`.
    public let slug: String
    public let title: String
    /// One sentence for `<meta name="description">`; may be empty.
    public let description: String
    /// Navigation order, ascending; pages with equal order sort by slug.
    public let order: Int
    /// The datasets the page needs (`datasets: chicago`); empty for a page about no dataset in particular.
    public var datasets: [String] = []
    /// The as-of of the page's data when it is not the version's (a sample's two cities are measured from
    /// different dates); chart and table captions cite it.
    public var asOf: Day?
    /// The page's queries in the order they are defined.
    public let queries: [NamedQuery]
    /// The Markdown after the front matter.
    public let body: String
    /// The line of the file on which ``body`` starts, so tag errors name the file's own lines.
    public let bodyStartLine: Int

    public init(
        file: String, slug: String, title: String, description: String, order: Int, queries: [NamedQuery],
        body: String, bodyStartLine: Int
    ) {
        self.file = file
        self.slug = slug
        self.title = title
        self.description = description
        self.order = order
        self.queries = queries
        self.body = body
        self.bodyStartLine = bodyStartLine
    }

    /// Where the page is written inside a version: `index.html`, `nyc.html`.
    public var outputPath: String { slug + ".html" }

    /// Whether this is the home page (`content/index.md`).
    public var isHome: Bool { slug == "index" }

    /// The query called `name`.
    public func query(named name: String) -> NamedQuery? {
        queries.first { $0.name == name }
    }
}

/// A query a page defines in its front matter: `queries:` → `daily: |` → SQL.
public struct NamedQuery: Sendable, Hashable {
    /// The name tags use: `query="daily"`.
    public let name: String
    /// The SQL, with the block's indentation removed.
    public let sql: String
    /// The line of `name:` in the page file (1-based), where SQL errors point.
    public let line: Int

    public init(name: String, sql: String, line: Int) {
        self.name = name
        self.sql = sql
        self.line = line
    }
}

extension ContentPage {
    /// The page for a version built from `datasets`: the lines between `<!-- only: chicago -->` and
    /// `<!-- end only -->` stay when every dataset the marker names is there and become blank lines otherwise
    /// (so errors still name the file's own lines); the marker lines themselves are always blanked.
    public func keeping(datasets: Set<String>) -> ContentPage {
        var keep = true
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            let text = line.trimmed
            if text.hasPrefix("<!-- only:"), text.hasSuffix("-->") {
                let names = text.dropFirst("<!-- only:".count).dropLast(3).split(separator: ",").map { $0.trimmed }
                keep = names.allSatisfy { datasets.contains($0) }
                return ""
            }
            if text == "<!-- end only -->" {
                keep = true
                return ""
            }
            return keep ? line : ""
        }
        var page = ContentPage(
            file: file, slug: slug, title: title, description: description, order: order, queries: queries,
            body: lines.joined(separator: "\n"), bodyStartLine: bodyStartLine)
        page.datasets = self.datasets
        page.asOf = asOf
        return page
    }
}
