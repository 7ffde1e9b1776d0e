import Foundation

/// Finds the tags in a page body, skipping fenced code blocks and code spans so examples stay literal.
enum TagScanner {
    static let opening = "{{<"
    static let closing = ">}}"

    /// - Parameters:
    ///   - lines: the body's lines.
    ///   - startLine: the file line of `lines[0]`.
    ///   - file: for errors.
    /// - Returns: the tags in reading order.
    /// - Throws: `RenderError` for an unclosed or malformed tag, or a block tag that is not alone on its line.
    static func tags(in lines: [Substring], startLine: Int, file: String) throws(RenderError) -> [Tag] {
        var tags: [Tag] = []
        var fence: Substring?
        for (index, line) in lines.enumerated() {
            let content = line.drop { $0 == " " }
            if let open = fence {
                if content.hasPrefix(open) && content.trimmed.allSatisfy({ $0 == open.first }) { fence = nil }
                continue
            }
            if line.indentation < 4, let marker = content.first, marker == "`" || marker == "~" {
                let run = content.prefix { $0 == marker }
                if run.count >= 3 {
                    fence = run
                    continue
                }
            }
            var cursor = line.startIndex
            while let start = line[cursor...].range(of: opening)?.lowerBound {
                guard let end = line[start...].range(of: closing)?.upperBound else {
                    throw RenderError(file: file, line: startLine + index, reason: .unterminatedTag)
                }
                cursor = end
                if line[line.startIndex..<start].filter({ $0 == "`" }).count % 2 == 1 { continue }
                let inner = line[line.index(start, offsetBy: opening.count)..<line.index(end, offsetBy: -closing.count)]
                let isAlone = line[..<start].trimmed.isEmpty && line[end...].trimmed.isEmpty
                let tag = try Tag(
                    parsing: inner, file: file, line: startLine + index, lineIndex: index,
                    range: line.utf8.distance(
                        from: line.startIndex, to: start)..<line.utf8.distance(from: line.startIndex, to: end),
                    isAlone: isAlone)
                if tag.kind.isBlock && !isAlone {
                    throw RenderError(
                        file: file, line: tag.line, reason: .blockTagNotAlone(tag: tag.kind.rawValue))
                }
                tags.append(tag)
            }
        }
        return tags
    }
}
