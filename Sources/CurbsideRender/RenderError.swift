import CurbsideCharts

/// A page that cannot be rendered: the file and line at fault, and why.
///
/// `description` is the message the author reads, in the compiler's `file:line: message` form, e.g.
/// `content/nyc.md:14: chart tag: query 'dayly' is not defined; defined queries: daily, top10`.
public struct RenderError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong; the wording lives in ``RenderError/description``.
    public enum Reason: Equatable, Sendable {
        /// The front matter is missing, unterminated, or holds a bad key or value.
        case frontMatter(String)
        /// The file name cannot become a URL.
        case badFileName(String)
        /// `content/index.md`, the home page, does not exist.
        case missingHomePage
        /// `{{<` without `>}}` on the same line.
        case unterminatedTag
        /// A tag other than chart, table or value.
        case unknownTag(String)
        /// A chart or table shares its line with other text.
        case blockTagNotAlone(tag: String)
        /// Attribute text that is not `name="value"`.
        case attributeSyntax(tag: String, found: String)
        case unknownAttribute(tag: String, attribute: String, allowed: [String])
        case duplicateAttribute(tag: String, attribute: String)
        case missingAttribute(tag: String, attribute: String)
        /// An attribute whose value cannot be used, with a sentence saying why.
        case badAttribute(tag: String, attribute: String, problem: String)
        case badFormat(tag: String, name: String)
        case unknownQuery(tag: String, name: String, defined: [String])
        case unknownColumn(tag: String, query: String, column: String, available: [String])
        /// The warehouse refused the query; `message` is SQLite's, `usedAt` the line of the tag that ran it.
        case queryFailed(name: String, message: String, usedAt: Int)
        case notOneRow(tag: String, query: String, rows: Int)
        case notANumber(tag: String, query: String, column: String, row: Int, value: String)
        /// A template that does not parse, or names a partial that does not exist.
        case template(String)
        case missingTemplate(String)
        case unreadable(String)
    }

    /// The file at fault, as the author would type it: `content/nyc.md`, `templates/layout.mustache`.
    public var file: String
    /// 1-based; `nil` when the fault is the whole file.
    public var line: Int?
    public var reason: Reason

    public init(file: String, line: Int?, reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(message)"
    }

    /// The message without the place.
    public var message: String {
        switch reason {
        case .frontMatter(let problem):
            return "front matter: \(problem)"
        case .badFileName(let name):
            return "'\(name)' cannot be a page name: use only a-z, 0-9, '-' and '_' (it becomes the page's URL)"
        case .missingHomePage:
            return "the home page is missing; add it (it becomes index.html)"
        case .unterminatedTag:
            return "tag '{{<' is not closed by '>}}' on the same line"
        case .unknownTag(let name):
            return "unknown tag '\(name)'; expected one of: chart, table, value"
        case .blockTagNotAlone(let tag):
            return "\(tag) tag must be on a line of its own"
        case .attributeSyntax(let tag, let found):
            return "\(tag) tag: expected attributes as name=\"value\", found '\(found)'"
        case .unknownAttribute(let tag, let attribute, let allowed):
            return "\(tag) tag: unknown attribute '\(attribute)'; expected one of: \(allowed.joined(separator: ", "))"
        case .duplicateAttribute(let tag, let attribute):
            return "\(tag) tag: attribute '\(attribute)' is given twice"
        case .missingAttribute(let tag, let attribute):
            return "\(tag) tag: attribute '\(attribute)' is required"
        case .badAttribute(let tag, let attribute, let problem):
            return "\(tag) tag: \(attribute): \(problem)"
        case .badFormat(let tag, let name):
            return "\(tag) tag: unknown format '\(name)'; expected one of: \(ValueFormat.names.joined(separator: ", "))"
        case .unknownQuery(let tag, let name, let defined):
            let known =
                defined.isEmpty
                ? "this page defines no queries (add them under 'queries:' in the front matter)"
                : "defined queries: \(defined.joined(separator: ", "))"
            return "\(tag) tag: query '\(name)' is not defined; \(known)"
        case .unknownColumn(let tag, let query, let column, let available):
            return
                "\(tag) tag: query '\(query)' has no column '\(column)'; its columns: \(available.joined(separator: ", "))"
        case .queryFailed(let name, let message, let usedAt):
            return "query '\(name)' failed: \(message) (run for the tag on line \(usedAt))"
        case .notOneRow(let tag, let query, let rows):
            return "\(tag) tag: query '\(query)' must return exactly one row, it returned \(rows)"
        case .notANumber(let tag, let query, let column, let row, let value):
            return "\(tag) tag: column '\(column)' of query '\(query)' holds '\(value)' in row \(row), not a number"
        case .template(let problem):
            return "template error: \(problem)"
        case .missingTemplate(let name):
            return "template '\(name)' is missing: every page is laid out by it"
        case .unreadable(let why):
            return "cannot read: \(why)"
        }
    }
}
