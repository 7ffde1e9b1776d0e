/// Why a JSON file could not be read: a syntax error with its line and column, or a value of the wrong shape
/// with its place in the document (`versions[2].kind`).
struct JSONFormatError: Error, Equatable, Sendable {
    var detail: String
}

/// A strict JSON parser that keeps object keys in order (see ``JSONValue``).
///
/// Numbers must be integers: none of the files publish reads holds any other kind.
struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0

    /// - Parameter bytes: the whole document, UTF-8.
    /// - Returns: the document's single top-level value.
    /// - Throws: ``JSONFormatError`` naming the line and column of the first error.
    static func parse(_ bytes: [UInt8]) throws(JSONFormatError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.failure("unexpected text after the end of the document") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func value(depth: Int) throws(JSONFormatError) -> JSONValue {
        guard depth < 64 else { throw failure("nested too deeply") }
        skipWhitespace()
        guard index < bytes.count else { throw failure("unexpected end of the document") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try integer()
        default: throw failure("expected a value")
        }
    }

    private mutating func object(depth: Int) throws(JSONFormatError) -> JSONValue {
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if consume("}") { return .object(members) }
        repeat {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try string()
            guard !members.contains(where: { $0.key == key }) else { throw failure("duplicate key \"\(key)\"") }
            skipWhitespace()
            guard consume(":") else { throw failure("expected ':'") }
            members.append((key, try value(depth: depth + 1)))
            skipWhitespace()
        } while consume(",")
        guard consume("}") else { throw failure("expected ',' or '}'") }
        return .object(members)
    }

    private mutating func array(depth: Int) throws(JSONFormatError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if consume("]") { return .array(items) }
        repeat {
            items.append(try value(depth: depth + 1))
            skipWhitespace()
        } while consume(",")
        guard consume("]") else { throw failure("expected ',' or ']'") }
        return .array(items)
    }

    private mutating func string() throws(JSONFormatError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush() { scalars.append(contentsOf: String(decoding: bytes[run..<index], as: UTF8.self).unicodeScalars) }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush()
                index += 1
                return String(scalars)
            }
            guard byte >= 0x20 else { throw failure("control character in a string") }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            flush()
            index += 1
            scalars.append(try escape())
            run = index
        }
        throw failure("unterminated string")
    }

    private mutating func escape() throws(JSONFormatError) -> Unicode.Scalar {
        guard index < bytes.count else { throw failure("unterminated string") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4()
            guard (0xD800..<0xDC00).contains(high) else {
                guard let scalar = Unicode.Scalar(high) else { throw failure("lone low surrogate") }
                return scalar
            }
            guard consume("\\"), consume("u") else { throw failure("lone high surrogate") }
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("invalid surrogate pair") }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
        default: throw failure("invalid escape")
        }
    }

    private mutating func hex4() throws(JSONFormatError) -> UInt32 {
        guard index + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw failure("expected four hex digits") }
        index += 4
        return value
    }

    private mutating func integer() throws(JSONFormatError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw failure("expected a whole number")
        }
        guard let number = Int(text), text == String(number) else { throw failure("invalid number") }
        return .integer(number)
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws(JSONFormatError) -> JSONValue {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
            throw failure("expected a value")
        }
        index += utf8.count
        return value
    }

    private mutating func consume(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    /// The error at the current position, counting lines and columns from 1.
    private func failure(_ message: String) -> JSONFormatError {
        let before = bytes[..<min(index, bytes.count)]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<before.endIndex], as: UTF8.self).unicodeScalars.count + 1
        return JSONFormatError(detail: "line \(line), column \(column): \(message)")
    }
}
