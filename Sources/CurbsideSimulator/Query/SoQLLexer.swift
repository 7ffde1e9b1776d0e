/// Turns SoQL text into tokens.
enum SoQLLexer {
    /// The tokens of `text`, ending with `.end`.
    /// - Throws: `SoQLError` for an unterminated string or a character SoQL does not use.
    static func tokens(of text: String) throws(SoQLError) -> [SoQLToken] {
        let characters = Array(text)
        var tokens: [SoQLToken] = []
        var i = 0
        while i < characters.count {
            let c = characters[i]
            let start = i
            if c.isWhitespace {
                i += 1
            } else if c == "'" {
                var value = ""
                i += 1
                while true {
                    guard i < characters.count else {
                        throw SoQLError.malformed(text, at: start, "Unterminated string")
                    }
                    if characters[i] == "'" {
                        if i + 1 < characters.count, characters[i + 1] == "'" {
                            value.append("'")
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    value.append(characters[i])
                    i += 1
                }
                tokens.append(SoQLToken(kind: .string(value), offset: start))
            } else if c == "`" {
                guard let close = characters[(i + 1)...].firstIndex(of: "`") else {
                    throw SoQLError.malformed(text, at: start, "Unterminated quoted identifier")
                }
                tokens.append(SoQLToken(kind: .identifier(String(characters[(i + 1)..<close])), offset: start))
                i = close + 1
            } else if isDigit(c) || (c == "." && i + 1 < characters.count && isDigit(characters[i + 1])) {
                while i < characters.count, isDigit(characters[i]) || characters[i] == "." { i += 1 }
                if i < characters.count, characters[i] == "e" || characters[i] == "E" {
                    i += 1
                    if i < characters.count, characters[i] == "+" || characters[i] == "-" { i += 1 }
                    while i < characters.count, isDigit(characters[i]) { i += 1 }
                }
                tokens.append(SoQLToken(kind: .number(String(characters[start..<i])), offset: start))
            } else if c.isLetter || c == "_" || c == ":" || c == "@" {
                i += 1
                while i < characters.count, isIdentifierPart(characters[i]) { i += 1 }
                tokens.append(SoQLToken(kind: .identifier(String(characters[start..<i])), offset: start))
            } else if let symbol = symbol(in: characters, at: i) {
                tokens.append(SoQLToken(kind: .symbol(symbol), offset: start))
                i += symbol.count
            } else {
                throw SoQLError.malformed(text, at: start, "Unexpected character `\(c)'")
            }
        }
        tokens.append(SoQLToken(kind: .end, offset: characters.count))
        return tokens
    }

    private static func isDigit(_ c: Character) -> Bool {
        c >= "0" && c <= "9"
    }

    private static func isIdentifierPart(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "@"
    }

    private static func symbol(in characters: [Character], at i: Int) -> String? {
        if i + 1 < characters.count {
            let pair = String(characters[i...(i + 1)])
            if ["!=", "<>", "<=", ">=", "=="].contains(pair) { return pair }
        }
        let single = String(characters[i])
        return ["=", "<", ">", "(", ")", ",", "-", "*"].contains(single) ? single : nil
    }
}
