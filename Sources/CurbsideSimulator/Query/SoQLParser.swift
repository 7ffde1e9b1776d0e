/// A recursive-descent parser for the SoQL the simulator understands: `$where` conditions, `$order`
/// lists and `$select` lists.
///
/// Precedence, loosest first: `OR`, `AND`, `NOT`, then predicates (`=`, `!=`, `<>`, `<`, `<=`, `>`,
/// `>=`, `IS [NOT] NULL`, `[NOT] IN (…)`, `[NOT] BETWEEN … AND …`). Keywords are case-insensitive.
struct SoQLParser {
    private let text: String
    private let tokens: [SoQLToken]
    private var position = 0

    private init(_ text: String) throws(SoQLError) {
        self.text = text
        self.tokens = try SoQLLexer.tokens(of: text)
    }

    /// Parses a `$where` condition.
    static func condition(from text: String) throws(SoQLError) -> SoQLExpression {
        var parser = try SoQLParser(text)
        let expression = try parser.disjunction()
        try parser.expectEnd(after: "`AND', `OR'")
        return expression
    }

    /// Parses an `$order` list: `field [ASC|DESC], …`.
    static func ordering(from text: String) throws(SoQLError) -> [SoQLOrderTerm] {
        var parser = try SoQLParser(text)
        var terms: [SoQLOrderTerm] = []
        repeat {
            let (name, offset) = try parser.columnName()
            var descending = false
            if parser.peek.isKeyword("DESC") || parser.peek.isKeyword("ASC") {
                descending = parser.advance().isKeyword("DESC")
            }
            terms.append(SoQLOrderTerm(column: name, offset: offset, descending: descending))
        } while parser.accept(symbol: ",")
        try parser.expectEnd(after: "`ASC', `DESC', `,'")
        return terms
    }

    /// Parses a `$select` list of columns; nil for `*`.
    static func selection(from text: String) throws(SoQLError) -> [(name: String, offset: Int)]? {
        var parser = try SoQLParser(text)
        if parser.accept(symbol: "*") {
            try parser.expectEnd(after: "`*'")
            return nil
        }
        var columns: [(name: String, offset: Int)] = []
        repeat {
            columns.append(try parser.columnName())
        } while parser.accept(symbol: ",")
        try parser.expectEnd(after: "`,'")
        return columns
    }

    // MARK: Grammar

    private mutating func disjunction() throws(SoQLError) -> SoQLExpression {
        var left = try conjunction()
        while peek.isKeyword("OR") {
            advance()
            left = .or(left, try conjunction())
        }
        return left
    }

    private mutating func conjunction() throws(SoQLError) -> SoQLExpression {
        var left = try negation()
        while peek.isKeyword("AND") {
            advance()
            left = .and(left, try negation())
        }
        return left
    }

    private mutating func negation() throws(SoQLError) -> SoQLExpression {
        if peek.isKeyword("NOT") {
            advance()
            return .not(try negation())
        }
        if accept(symbol: "(") {
            let inner = try disjunction()
            try expect(symbol: ")")
            return inner
        }
        return try predicate()
    }

    private mutating func predicate() throws(SoQLError) -> SoQLExpression {
        let left = try operand()
        if case .symbol(let symbol) = peek.kind, let op = Self.comparison(symbol) {
            advance()
            return .comparison(left, op, try operand())
        }
        if peek.isKeyword("IS") {
            advance()
            let negated = acceptKeyword("NOT")
            try expectKeyword("NULL")
            return .isNull(left, negated: negated)
        }
        let negated = acceptKeyword("NOT")
        if acceptKeyword("IN") {
            try expect(symbol: "(")
            var list = [try operand()]
            while accept(symbol: ",") { list.append(try operand()) }
            try expect(symbol: ")")
            return .isIn(left, list, negated: negated)
        }
        if acceptKeyword("BETWEEN") {
            let low = try operand()
            try expectKeyword("AND")
            return .between(left, low: low, high: try operand(), negated: negated)
        }
        throw failure(expected: "an operator (`=', `!=', `<', `<=', `>', `>=', `IS', `IN', `BETWEEN')")
    }

    private mutating func operand() throws(SoQLError) -> SoQLOperand {
        let token = peek
        switch token.kind {
        case .string(let value):
            advance()
            return .text(value)
        case .number(let value):
            advance()
            return .number(value)
        case .symbol("-"):
            advance()
            guard case .number(let value) = peek.kind else { throw failure(expected: "a number") }
            advance()
            return .number("-" + value)
        case .identifier(let name) where !Self.reserved.contains(name.uppercased()):
            advance()
            return .column(name, offset: token.offset)
        default:
            throw failure(expected: "an expression")
        }
    }

    private mutating func columnName() throws(SoQLError) -> (name: String, offset: Int) {
        let token = peek
        guard case .identifier(let name) = token.kind, !Self.reserved.contains(name.uppercased()) else {
            throw failure(expected: "a column name")
        }
        advance()
        return (name, token.offset)
    }

    // MARK: Tokens

    private static let reserved: Set<String> = ["AND", "OR", "NOT", "IS", "NULL", "IN", "BETWEEN", "ASC", "DESC"]

    private static func comparison(_ symbol: String) -> SoQLComparison? {
        switch symbol {
        case "==": return .equal
        case "<>": return .notEqual
        default: return SoQLComparison(rawValue: symbol)
        }
    }

    private var peek: SoQLToken { tokens[position] }

    @discardableResult
    private mutating func advance() -> SoQLToken {
        defer { position = min(position + 1, tokens.count - 1) }
        return tokens[position]
    }

    private mutating func accept(symbol: String) -> Bool {
        guard peek.kind == .symbol(symbol) else { return false }
        advance()
        return true
    }

    private mutating func acceptKeyword(_ keyword: String) -> Bool {
        guard peek.isKeyword(keyword) else { return false }
        advance()
        return true
    }

    private mutating func expect(symbol: String) throws(SoQLError) {
        guard accept(symbol: symbol) else { throw failure(expected: "`\(symbol)'") }
    }

    private mutating func expectKeyword(_ keyword: String) throws(SoQLError) {
        guard acceptKeyword(keyword) else { throw failure(expected: "`\(keyword)'") }
    }

    private func expectEnd(after alternatives: String) throws(SoQLError) {
        guard peek.kind == .end else { throw failure(expected: "one of \(alternatives) or end of input") }
    }

    private func failure(expected: String) -> SoQLError {
        SoQLError.malformed(text, at: peek.offset, "Expected \(expected), but got \(peek.quotedForError)")
    }
}

/// One `$order` term.
struct SoQLOrderTerm: Equatable, Sendable {
    var column: String
    var offset: Int
    var descending: Bool
}
