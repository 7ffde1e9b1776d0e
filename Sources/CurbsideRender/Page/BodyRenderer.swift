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
        var html = Markdown.html(from: lines.joined(separator: "\n"))
        for replacement in replacements {
            if replacement.isBlock {
                html = html.replacingFirst("<p>" + replacement.token + "</p>", with: replacement.html)
            }
            html = html.replacingFirst(replacement.token, with: replacement.html)
        }
        return html
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
