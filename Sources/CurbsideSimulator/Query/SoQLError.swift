/// A query the portal would refuse, with Socrata's error code and message wording.
struct SoQLError: Error, Equatable, Sendable, CustomStringConvertible {
    enum Reason: Equatable, Sendable {
        /// `query.soql.no-such-column`
        case noSuchColumn
        /// `query.compiler.malformed`
        case malformed
        /// `query.soql.type-mismatch`
        case typeMismatch
        /// `query.soql.invalid-parameter`: a `$limit`, `$offset` or parameter the portal refuses.
        case invalidParameter
    }

    var reason: Reason
    /// The message exactly as the portal's error body carries it.
    var message: String

    /// Socrata's error code for the body's `code` member.
    var code: String {
        switch reason {
        case .noSuchColumn: return "query.soql.no-such-column"
        case .malformed: return "query.compiler.malformed"
        case .typeMismatch: return "query.soql.type-mismatch"
        case .invalidParameter: return "query.soql.invalid-parameter"
        }
    }

    var description: String { message }

    /// `Could not parse SoQL query "…" at line 1 character 13: Expected …, but got …`.
    static func malformed(_ text: String, at offset: Int, _ detail: String) -> SoQLError {
        let (row, column, _) = location(of: offset, in: text)
        return SoQLError(
            reason: .malformed,
            message: "Could not parse SoQL query \"\(text)\" at line \(row) character \(column): \(detail)")
    }

    /// `No such column: foo; position: Map(row -> 1, column -> 7, line -> "…")`.
    static func noSuchColumn(_ name: String, in text: String, at offset: Int) -> SoQLError {
        SoQLError(reason: .noSuchColumn, message: "No such column: \(name); " + position(of: offset, in: text))
    }

    /// A comparison between values of different types, positioned at the column.
    static func typeMismatch(_ detail: String, in text: String, at offset: Int) -> SoQLError {
        SoQLError(reason: .typeMismatch, message: "Type mismatch: \(detail); " + position(of: offset, in: text))
    }

    private static func position(of offset: Int, in text: String) -> String {
        let (row, column, line) = location(of: offset, in: text)
        return "position: Map(row -> \(row), column -> \(column), line -> \"\(line)\")"
    }

    /// 1-based row and column of a character offset, and the text of its line.
    private static func location(of offset: Int, in text: String) -> (Int, Int, String) {
        let characters = Array(text)
        var row = 1
        var lineStart = 0
        for (index, character) in characters.enumerated().prefix(offset) where character == "\n" {
            row += 1
            lineStart = index + 1
        }
        let lineEnd = characters[lineStart...].firstIndex(of: "\n") ?? characters.count
        return (row, offset - lineStart + 1, String(characters[lineStart..<lineEnd]))
    }
}
