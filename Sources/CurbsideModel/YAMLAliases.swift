/// Finds YAML anchors (`&name`) and aliases (`*name`) in a text before any YAML library composes it.
///
/// An alias repeats a node without copying it, so a few lines of aliases of aliases stand for billions of nodes, and
/// whatever walks, compares or hashes the composed tree (an alias used as a mapping key) runs for ever. Curbside's
/// files need neither, so every YAML text is refused at its first anchor or alias.
///
/// The scan is lexical and errs towards refusing: a `&` or `*` counts when it starts a token (after white space, at
/// a line's start, or after `[`, `{`, `,` or `:`) and is followed by a name, outside quoted scalars, comments and the
/// lines of block scalars (`|`, `>`). So `SELECT *` in a block scalar, `A&B` and `a * b` pass, and a plain scalar
/// such as `Tom &Jerry` is refused although YAML would read it as text (quote it).
public enum YAMLAliases {
    /// Where the first anchor or alias is.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        /// 1-based line and column.
        public var line: Int
        public var column: Int
        /// The token, `*name` or `&name`.
        public var token: String

        public init(line: Int, column: Int, token: String) {
            self.line = line
            self.column = column
            self.token = token
        }

        public var description: String {
            let what = token.hasPrefix("*") ? "an alias" : "an anchor"
            return "\(what) (\(token)) at line \(line), column \(column): YAML anchors and aliases are not accepted "
                + "(a few lines of them can stand for billions of values); write the value out, or quote a text "
                + "that starts with & or *"
        }
    }

    /// The first anchor or alias in `text`, or nil when it has none.
    public static func first(in text: String) -> Finding? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        var quote: UInt8?  // the open quoted scalar's quote, carried across lines
        var blockIndent: Int?  // inside a block scalar: its parent line's indentation
        for (number, line) in lines.enumerated() {
            let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
            if let parent = blockIndent {
                let blank = line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == 13 }
                if blank || indent > parent { continue }
                blockIndent = nil
            }
            var k = 0
            var lastToken: [UInt8] = []
            while k < line.count {
                let c = line[k]
                if let open = quote {
                    if open == UInt8(ascii: "\"") && c == UInt8(ascii: "\\") {
                        k += 2
                        continue
                    }
                    if c == open {
                        if open == UInt8(ascii: "'") && k + 1 < line.count && line[k + 1] == open {
                            k += 2
                            continue
                        }
                        quote = nil
                    }
                    k += 1
                    continue
                }
                // A comment starts at a line's start or after white space only (`a#b` is text).
                if c == UInt8(ascii: "#"), k == 0 || line[k - 1] == UInt8(ascii: " ") || line[k - 1] == 9 { break }
                if k == 0 || isTokenBoundary(line[k - 1]) {
                    switch c {
                    case UInt8(ascii: "'"), UInt8(ascii: "\""):
                        quote = c
                        lastToken = []
                        k += 1
                        continue
                    case UInt8(ascii: "&"), UInt8(ascii: "*"):
                        if k + 1 < line.count, !isTokenBoundary(line[k + 1]) {
                            let name = line[k...].prefix { !isTokenBoundary($0) || $0 == UInt8(ascii: ":") }
                            return Finding(
                                line: number + 1, column: k + 1, token: String(decoding: name, as: UTF8.self))
                        }
                    default: break
                    }
                }
                if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") {
                    if !lastToken.isEmpty, lastToken.last != UInt8(ascii: " ") { lastToken.append(UInt8(ascii: " ")) }
                } else {
                    if lastToken.last == UInt8(ascii: " ") { lastToken = [] }
                    lastToken.append(c)
                }
                k += 1
            }
            if quote == nil, isBlockScalarHeader(lastToken) { blockIndent = indent }
        }
        return nil
    }

    private static func isTokenBoundary(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), 13, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","),
            UInt8(ascii: ":"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            return true
        default: return false
        }
    }

    /// `|`, `>`, with optional chomping and indentation indicators (`|-`, `>+2`).
    private static func isBlockScalarHeader(_ token: [UInt8]) -> Bool {
        var token = token
        while token.last == UInt8(ascii: " ") { token.removeLast() }
        guard let first = token.first, first == UInt8(ascii: "|") || first == UInt8(ascii: ">") else { return false }
        return token.dropFirst().allSatisfy {
            $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0)
        }
    }
}
