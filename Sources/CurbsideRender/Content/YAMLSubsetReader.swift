import Foundation

/// Reads the lines of a front matter one key at a time, keeping file line numbers for errors.
struct YAMLSubsetReader {
    let lines: [Substring]
    let firstLine: Int
    let file: String
    /// The line being read (an index into ``lines``).
    var index = 0

    static let blockIndicators: Set<String> = ["|", "|-", "|+", ">", ">-", ">+"]

    func line(of index: Int) -> Int { firstLine + index }

    func error(at index: Int, _ problem: String) -> RenderError {
        RenderError(file: file, line: line(of: index), reason: .frontMatter(problem))
    }

    /// Skips blank and comment lines; returns the next line with content (``index`` points at it), or nil.
    mutating func nextContentLine() -> Substring? {
        while index < lines.count {
            let text = lines[index].trimmed
            if !text.isEmpty && !text.hasPrefix("#") { return lines[index] }
            index += 1
        }
        return nil
    }

    /// Splits `key: value` at the first colon followed by a space or the end of the line.
    func keyAndValue(_ line: Substring, at index: Int) throws(RenderError) -> (key: String, value: String) {
        if line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
            throw error(at: index, "tabs cannot indent front matter; use spaces")
        }
        var cursor = line.startIndex
        while let colon = line[cursor...].firstIndex(of: ":") {
            let after = line.index(after: colon)
            if after == line.endIndex || line[after] == " " {
                let key = line[..<colon].trimmed
                if !key.isEmpty && !key.contains(" ") { return (key, line[after...].trimmed) }
                break
            }
            cursor = after
        }
        throw error(at: index, "expected 'key: value', found '\(line.trimmed)'")
    }

    /// The value that starts with `rest` on line ``index``: quoted, plain, or a `|` / `>` block on the lines
    /// indented deeper than `parentIndentation`. Leaves ``index`` on the line after the value.
    mutating func scalar(_ rest: String, parentIndentation: Int) throws(RenderError) -> String {
        let start = index
        index += 1
        if Self.blockIndicators.contains(rest) {
            var block: [Substring] = []
            while index < lines.count, lines[index].trimmed.isEmpty || lines[index].indentation > parentIndentation {
                block.append(lines[index])
                index += 1
            }
            while let last = block.last, last.trimmed.isEmpty { block.removeLast() }
            let margin = block.filter { !$0.trimmed.isEmpty }.map(\.indentation).min() ?? 0
            let content = block.map { $0.trimmed.isEmpty ? "" : String($0.dropFirst(margin)) }
            return rest.hasPrefix(">") ? Self.folded(content) : content.joined(separator: "\n")
        }
        guard let quote = rest.first, quote == "\"" || quote == "'" else {
            if rest.first == "[" || rest.first == "{" {
                throw error(at: start, "lists and mappings are not supported here; put the text in quotes")
            }
            if let comment = rest.range(of: " #") { return rest[..<comment.lowerBound].trimmed }
            return rest
        }
        return try quoted(rest, quote: quote, at: start)
    }

    private func quoted(_ rest: String, quote: Character, at line: Int) throws(RenderError) -> String {
        var value = ""
        var characters = rest.dropFirst()
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == quote {
                if quote == "'" && characters.first == "'" {
                    value.append("'")
                    characters = characters.dropFirst()
                    continue
                }
                let after = characters.trimmed
                guard after.isEmpty || after.hasPrefix("#") else {
                    throw error(at: line, "unexpected text after the closing quote: '\(after)'")
                }
                return value
            }
            if quote == "\"" && character == "\\", let escaped = characters.first {
                characters = characters.dropFirst()
                value += escaped == "n" ? "\n" : escaped == "t" ? "\t" : String(escaped)
                continue
            }
            value.append(character)
        }
        throw error(at: line, "the quote \(quote) is not closed on this line")
    }

    /// `>` blocks: lines join with a space, blank lines become line breaks.
    private static func folded(_ lines: [String]) -> String {
        var paragraphs: [[String]] = [[]]
        for line in lines {
            if line.isEmpty { paragraphs.append([]) } else { paragraphs[paragraphs.count - 1].append(line.trimmed) }
        }
        return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }.joined(separator: "\n")
    }
}
