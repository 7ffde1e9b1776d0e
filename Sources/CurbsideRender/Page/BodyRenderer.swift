import CurbsideModel
import Foundation

/// A page body to HTML: tags → placeholder tokens → cmark-gfm → the tags' HTML in place of the tokens.
///
/// Tags are replaced before Markdown runs so their HTML is never re-parsed as Markdown, and afterwards so that
/// Markdown never sees data: every value from data is escaped by the tag that writes it.
enum BodyRenderer {
    /// - Parameters:
    ///   - page: the parsed page.
    ///   - queries: the warehouse.
    ///   - asOf: the as-of date captions cite.
    /// - Returns: the body's HTML.
    /// - Throws: `RenderError` for the first tag that cannot be rendered, at its file line.
    static func html(for page: ContentPage, queries: any QueryRunner, asOf: Day) throws(RenderError) -> String {
        var lines = page.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tags = try TagScanner.tags(
            in: lines.map { Substring($0) }, startLine: page.bodyStartLine, file: page.file)
        var results = QueryResults(page: page, runner: queries)
        var prefix = "CURBSIDETAG"
        while page.body.contains(prefix) { prefix += "X" }
        var replacements: [(token: String, html: String, isBlock: Bool)] = []
        for (number, tag) in tags.enumerated() {
            let html: String
            switch tag.kind {
            case .chart: html = try ChartTag.html(tag, file: page.file, results: &results, asOf: asOf)
            case .table: html = try TableTag.html(tag, file: page.file, results: &results, asOf: asOf)
            case .value: html = try ValueTag.html(tag, file: page.file, results: &results)
            case .scorer: html = try ScorerTag.html(tag, file: page.file, results: &results)
            }
            let digits = String(number)
            replacements.append(
                (prefix + String(repeating: "0", count: 6 - digits.count) + digits + "Z", html, tag.kind.isBlock))
        }
        // Replace from the last tag back, so earlier ranges on the same line stay valid.
        for (tag, replacement) in zip(tags, replacements).reversed() {
            var line = lines[tag.lineIndex]
            if tag.isAlone && tag.kind.isBlock {
                // Blank lines around the token make it a paragraph of its own, even between lines of text.
                let indentation = String(repeating: " ", count: line.indentation)
                lines[tag.lineIndex] = "\n" + indentation + replacement.token + "\n"
                continue
            }
            let start = line.utf8.index(line.startIndex, offsetBy: tag.range.lowerBound)
            let end = line.utf8.index(line.startIndex, offsetBy: tag.range.upperBound)
            line.replaceSubrange(start..<end, with: replacement.token)
            lines[tag.lineIndex] = line
        }
        return substituting(
            replacements.map { ($0.html, $0.isBlock) }, prefix: prefix,
            in: Markdown.html(from: lines.joined(separator: "\n")))
    }

    /// The HTML with every token (`prefix`, six digits, `Z`) replaced by its tag's HTML, in one pass over the bytes:
    /// a block tag's token alone in a paragraph takes the paragraph's place. Tags' HTML is never searched, so data
    /// that happens to look like a token stays as it is.
    /// - Parameters:
    ///   - replacements: each tag's HTML, numbered as the tokens are.
    ///   - prefix: the tokens' prefix, which the page's own text does not contain.
    ///   - html: Markdown's output.
    static func substituting(_ replacements: [(html: String, isBlock: Bool)], prefix: String, in html: String)
        -> String
    {
        let text = Array(html.utf8)
        let mark = Array(prefix.utf8)
        let (open, close) = (Array("<p>".utf8), Array("</p>".utf8))
        var out: [UInt8] = []
        out.reserveCapacity(text.count + replacements.reduce(0) { $0 + $1.html.utf8.count })
        var (copied, cursor) = (0, 0)
        while let found = firstIndex(of: mark, in: text, from: cursor) {
            let digits = found + mark.count..<found + mark.count + 6
            cursor = found + 1
            guard digits.upperBound < text.count, text[digits.upperBound] == UInt8(ascii: "Z"),
                text[digits].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else { continue }
            let number = text[digits].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            guard number < replacements.count else { continue }
            var (start, end) = (found, digits.upperBound + 1)
            if replacements[number].isBlock, start - copied >= open.count,
                text[(start - open.count)..<start].elementsEqual(open), text[end...].starts(with: close)
            {
                start -= open.count
                end += close.count
            }
            out += text[copied..<start]
            out += replacements[number].html.utf8
            (copied, cursor) = (end, end)
        }
        out += text[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Where `pattern` next occurs in `text` at or after `start`.
    private static func firstIndex(of pattern: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first else { return nil }
        var at = start
        while at + pattern.count <= text.count {
            guard let candidate = text[at...].firstIndex(of: first), candidate + pattern.count <= text.count else {
                return nil
            }
            if text[candidate..<candidate + pattern.count].elementsEqual(pattern) { return candidate }
            at = candidate + 1
        }
        return nil
    }
}
