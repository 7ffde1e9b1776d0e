/// One `{{< name attribute="value" … >}}` tag found in a page body.
struct Tag: Sendable, Hashable {
    /// The tags there are: charts and tables are blocks on a line of their own; values sit inside text.
    enum Kind: String, Sendable, CaseIterable {
        case chart
        case table
        case value
        case scorer

        var isBlock: Bool { self != .value }
    }

    struct Attribute: Sendable, Hashable {
        let name: String
        let value: String
    }

    let kind: Kind
    /// In the order written.
    let attributes: [Attribute]
    /// The file line (1-based).
    let line: Int
    /// The body line (0-based) and the tag's UTF-8 offsets within it.
    let lineIndex: Int
    let range: Range<Int>
    /// Whether nothing but spaces shares the line with the tag.
    let isAlone: Bool

    /// Parses the text between `{{<` and `>}}`.
    /// - Throws: `RenderError` for an unknown tag name or text that is not `name="value"` pairs.
    init(
        parsing inner: Substring, file: String, line: Int, lineIndex: Int, range: Range<Int>, isAlone: Bool
    ) throws(RenderError) {
        var text = inner.drop { $0 == " " }
        let name = String(text.prefix { $0 != " " })
        guard let kind = Kind(rawValue: name) else {
            throw RenderError(file: file, line: line, reason: .unknownTag(name))
        }
        text = text.dropFirst(name.count)
        var attributes: [Attribute] = []
        while true {
            text = text.drop { $0 == " " || $0 == "\t" }
            guard !text.isEmpty else { break }
            let attributeName = text.prefix { $0.isLetter || $0 == "_" }
            let afterName = text.dropFirst(attributeName.count)
            guard !attributeName.isEmpty, afterName.first == "=", let quote = afterName.dropFirst().first,
                quote == "\"" || quote == "'", let close = afterName.dropFirst(2).firstIndex(of: quote)
            else {
                let found = text.prefix { $0 != " " }
                throw RenderError(file: file, line: line, reason: .attributeSyntax(tag: name, found: String(found)))
            }
            let value = String(afterName[afterName.index(afterName.startIndex, offsetBy: 2)..<close])
            if attributes.contains(where: { $0.name == String(attributeName) }) {
                throw RenderError(
                    file: file, line: line, reason: .duplicateAttribute(tag: name, attribute: String(attributeName)))
            }
            attributes.append(Attribute(name: String(attributeName), value: value))
            text = afterName[afterName.index(after: close)...]
        }
        self.kind = kind
        self.attributes = attributes
        self.line = line
        self.lineIndex = lineIndex
        self.range = range
        self.isAlone = isAlone
    }
}
