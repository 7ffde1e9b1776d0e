import Foundation

/// A lexical token of SoQL, with the 0-based character offset where it starts (for error positions).
struct SoQLToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A column or system field (`issue_date`, `:id`, `` `group` ``), or a keyword: keywords are
        /// identifiers the parser recognises case-insensitively.
        case identifier(String)
        /// A `'quoted'` string, `''` already turned into `'`.
        case string(String)
        /// A number as written.
        case number(String)
        /// `=`, `!=`, `<>`, `<`, `<=`, `>`, `>=`, `(`, `)`, `,`, `-`, `*`.
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int

    /// True when this is the identifier `keyword`, in any case.
    func isKeyword(_ keyword: String) -> Bool {
        if case .identifier(let name) = kind { return name.uppercased() == keyword }
        return false
    }

    /// How the token reads in an error message: `` `FROM' `` or `end of input`, as Socrata writes them.
    var quotedForError: String {
        switch kind {
        case .identifier(let name): return "`\(name)'"
        case .string(let text): return "`'\(text.replacingOccurrences(of: "'", with: "''"))''"
        case .number(let text): return "`\(text)'"
        case .symbol(let symbol): return "`\(symbol)'"
        case .end: return "end of input"
        }
    }
}
