/// Turns the text of `content/*.md` files into ``ContentPage`` values: front matter, then Markdown.
///
/// ```
/// ---
/// title: NYC parking and camera violations
/// order: 10
/// queries:
///   daily: |
///     SELECT date, total_fines_issued FROM gold_nyc_daily ORDER BY date
/// ---
/// Markdown with {{< chart … >}}, {{< table … >}} and {{< value … >}} tags.
/// ```
public enum ContentParser {
    /// Whether a file in `content/` is a page: every `*.md` except `README.md`, which documents the syntax.
    /// - Parameter file: a path or file name.
    public static func isPage(_ file: String) -> Bool {
        let name = fileName(of: file)
        return name.hasSuffix(".md") && name.lowercased() != "readme.md"
    }

    /// Parses one page.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file as the author names it (`content/nyc.md`), for the slug and error messages.
    /// - Returns: the page, with its queries and its body's first line number.
    /// - Throws: `RenderError` naming the file and line of a missing or malformed front matter.
    public static func page(from text: String, file: String) throws(RenderError) -> ContentPage {
        let name = fileName(of: file)
        let slug = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        guard !slug.isEmpty,
            slug.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") })
        else {
            throw RenderError(file: file, line: nil, reason: .badFileName(name))
        }
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard lines.first?.trimmed == "---" else {
            throw RenderError(
                file: file, line: 1,
                reason: .frontMatter("missing; start the file with a line '---', then 'title: …', then another '---'"))
        }
        guard let closing = lines.indices.dropFirst().first(where: { lines[$0].trimmed == "---" }) else {
            throw RenderError(
                file: file, line: 1, reason: .frontMatter("not closed; add a line '---' after the last key"))
        }
        let front = try FrontMatter.parse(Array(lines[1..<closing]), firstLine: 2, file: file, openingLine: 1)
        var page = ContentPage(
            file: file, slug: slug, title: front.title, description: front.description, order: front.order,
            queries: front.queries, body: lines[(closing + 1)...].joined(separator: "\n"),
            bodyStartLine: closing + 2)
        page.datasets = front.datasets
        return page
    }

    /// Parses every page among `files`, skipping `README.md`, in navigation order (order, then slug).
    /// - Parameter files: each file's path (`content/nyc.md`) and text.
    /// - Throws: `RenderError` for the first page that does not parse, or when `index.md` is missing.
    public static func pages(from files: [(file: String, text: String)]) throws(RenderError) -> [ContentPage] {
        var pages: [ContentPage] = []
        for entry in files where isPage(entry.file) {
            pages.append(try page(from: entry.text, file: entry.file))
        }
        guard pages.contains(where: \.isHome) else {
            let folder = files.first.map { String($0.file.dropLast(fileName(of: $0.file).count)) } ?? ""
            throw RenderError(file: folder + "index.md", line: nil, reason: .missingHomePage)
        }
        return pages.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
    }

    static func fileName(of path: String) -> String {
        String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
    }
}
