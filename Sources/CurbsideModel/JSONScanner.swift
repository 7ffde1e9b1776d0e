/// The byte-level scanner behind `FlatJSON`. Works on a buffer without copying.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func arrayElementRanges() throws -> [Range<Int>] {
        try arrayRows(idKey: []) { _, _, _ in }.map(\.range)
    }

    /// The ranges of a JSON array's elements, walking each object element with ``scanObject(idKey:_:)`` in the same
    /// pass: `visit` gets the element's index, each key's bytes and the first byte of its value.
    mutating func arrayRows(
        idKey: [UInt8], _ visit: (Int, UnsafeBufferPointer<UInt8>, UInt8) -> Void
    ) throws -> [(recordID: String?, range: Range<Int>)] {
        skipSpace()
        try expect(UInt8(ascii: "["), "expected '[' at the start of the page")
        var rows: [(recordID: String?, range: Range<Int>)] = []
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            i += 1
            try finish()
            return rows
        }
        while true {
            skipSpace()
            let start = i
            let index = rows.count
            var id: String?
            if peek() == UInt8(ascii: "{") {
                id = try scanObject(idKey: idKey) { key, first in visit(index, key, first) }
            } else {
                try skipValue()
            }
            rows.append((id, start..<i))
            skipSpace()
            guard i < bytes.count else { throw fail("the array ends before its closing ']' (truncated?)") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
            } else if bytes[i] == UInt8(ascii: "]") {
                i += 1
                try finish()
                return rows
            } else {
                throw fail("expected ',' or ']' after an element")
            }
        }
    }

    /// Nothing but white space may follow the array.
    private mutating func finish() throws {
        skipSpace()
        guard i == bytes.count else { throw fail("unexpected text after the array") }
    }

    mutating func objectFields() throws -> [(key: String, value: JSONField)] {
        var fields: [(key: String, value: JSONField)] = []
        try forEachMember(end: "the row ends before its closing '}'") { scanner, key in
            fields.append((try scanner.keyText(key), try scanner.readField()))
        }
        return fields
    }

    /// Walks an object's members without building their values: `visit` gets each key's raw bytes
    /// and the first byte of its value. - Returns: the string value of `idKey`, when the object has one.
    mutating func scanObject(idKey: [UInt8], _ visit: (UnsafeBufferPointer<UInt8>, UInt8) -> Void) throws -> String? {
        var id: String?
        try forEachMember(end: "the row ends before its closing '}' (truncated?)") { scanner, range in
            let key = UnsafeBufferPointer(rebasing: scanner.bytes[range])
            guard let first = scanner.peek() else { throw scanner.fail("the page ends inside a row (truncated?)") }
            visit(key, first)
            if first == UInt8(ascii: "\""), key.elementsEqual(idKey) {
                id = try scanner.readString()
            } else {
                try scanner.skipValue()
            }
        }
        return id
    }

    /// Reads the values of `keys` from one object and skips every other member without building it (cleaning's hot
    /// path). A repeated key keeps its last value, as ``FlatJSON/dictionary(of:)-(ArraySlice<UInt8>)`` does.
    mutating func selectFields(_ keys: FlatJSON.Keys) throws -> [JSONField?] {
        var values = [JSONField?](repeating: nil, count: keys.count)
        try forEachMember(of: keys) { scanner, index in values[index] = try scanner.readField() }
        return values
    }

    /// Finds where the values of `keys` lie in one object, by position in `keys`, without decoding them; every other
    /// member is skipped. A string with escapes is decoded once here, so a broken escape fails as
    /// ``selectFields(_:)`` fails. A repeated key keeps its last value.
    mutating func locateFields(_ keys: FlatJSON.Keys, into spans: inout [JSONSpan]) throws {
        for k in spans.indices { spans[k] = .absent }
        try forEachMember(of: keys) { scanner, index in spans[index] = try scanner.locateValue() }
    }

    /// Walks one object's members: `member` gets the scanner at the value of each key among `keys` and the key's
    /// position in them, and reads the value; every other value is skipped.
    private mutating func forEachMember(
        of keys: FlatJSON.Keys, _ member: (inout JSONScanner, Int) throws -> Void
    ) throws {
        try forEachMember(end: "the row ends before its closing '}'") { scanner, range in
            let raw = UnsafeBufferPointer(rebasing: scanner.bytes[range])
            let index =
                raw.contains(UInt8(ascii: "\\"))
                ? Array(try scanner.keyText(range).utf8).withUnsafeBufferPointer { keys.index(of: $0) }
                : keys.index(of: raw)
            if let index {
                try member(&scanner, index)
            } else {
                try scanner.skipValue()
            }
        }
    }

    /// Where the value at the scanner lies, checked as ``readField()`` checks it; the scanner moves past it.
    private mutating func locateValue() throws -> JSONSpan {
        guard let c = peek() else { throw fail("expected a value") }
        let start = i
        switch c {
        case UInt8(ascii: "\""):
            i += 1
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return JSONSpan(kind: .string, range: (start + 1)..<(i - 1))
                }
                if b == UInt8(ascii: "\\") {
                    i = start
                    _ = try readString()
                    return JSONSpan(kind: .escapedString, range: (start + 1)..<(i - 1))
                }
                i += 1
            }
            throw fail("a string is not closed")
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipValue()
            return JSONSpan(kind: .raw, range: start..<i)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            try literal(c == UInt8(ascii: "t") ? "true" : "false")
            return JSONSpan(kind: .bool, range: start..<i)
        case UInt8(ascii: "n"):
            try literal("null")
            return JSONSpan(kind: .null, range: start..<i)
        default:
            try skipNumber()
            return JSONSpan(kind: .number, range: start..<i)
        }
    }

    /// Walks one object's members: `member` gets the scanner at the first byte of a value and the range of its key's
    /// raw bytes (between the quotes), and reads or skips the value.
    /// - Parameter end: the problem named when the text ends inside the object.
    private mutating func forEachMember(end: String, _ member: (inout JSONScanner, Range<Int>) throws -> Void) throws {
        skipSpace()
        try expect(UInt8(ascii: "{"), "expected '{' at the start of a row")
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            i += 1
            return
        }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else { throw fail("expected a quoted field name") }
            let quote = i
            try skipString()
            let key = (quote + 1)..<(i - 1)
            skipSpace()
            try expect(UInt8(ascii: ":"), "expected ':' after a field name")
            skipSpace()
            try member(&self, key)
            skipSpace()
            guard i < bytes.count else { throw fail(end) }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
            } else if bytes[i] == UInt8(ascii: "}") {
                i += 1
                return
            } else {
                throw fail("expected ',' or '}' after a value")
            }
        }
    }

    /// A key's text, escapes decoded: `key` is the range between its quotes.
    private func keyText(_ key: Range<Int>) throws -> String {
        var scanner = JSONScanner(UnsafeBufferPointer(rebasing: bytes[(key.lowerBound - 1)...key.upperBound]))
        return try scanner.readString()
    }

    private mutating func readField() throws -> JSONField {
        guard let c = peek() else { throw fail("expected a value") }
        switch c {
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let start = i
            try skipValue()
            return .raw(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            let start = i
            try skipNumber()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
        }
    }

    /// Reads a string starting at its opening quote, decoding escapes.
    mutating func readString() throws -> String {
        i += 1
        let start = i
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") { return try readEscapedString(from: start) }
            i += 1
        }
        throw fail("a string is not closed")
    }

    private mutating func readEscapedString(from start: Int) throws -> String {
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                i += 1
                continue
            }
            guard i + 1 < bytes.count else { break }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"): try appendUnicodeEscape(to: &out)
            default: out.append(e)
            }
        }
        throw fail("a string is not closed")
    }

    /// A `\u` escape, or a UTF-16 surrogate pair of two; a surrogate without its other half is U+FFFD, and the escape
    /// after a high surrogate that is not a low one is read on its own.
    private mutating func appendUnicodeEscape(to out: inout [UInt8]) throws {
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
            bytes[i + 1] == UInt8(ascii: "u")
        {
            let next = i
            i += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else {
                i = next
            }
        }
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("a \\u escape is cut short") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw fail("a \\u escape has a non-hex digit")
            }
            value = value << 4 | digit
            i += 1
        }
        return value
    }

    /// Skips any value, checking only what is needed to find its end.
    mutating func skipValue() throws {
        guard let c = peek() else { throw fail("expected a value") }
        switch c {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    try skipString()
                    continue
                }
                if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
                if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        return
                    }
                }
                i += 1
            }
            throw fail("an object or array is not closed (truncated?)")
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try skipNumber()
        }
    }

    mutating func skipString() throws {
        i += 1
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            i += 1
            if c == UInt8(ascii: "\"") { return }
        }
        throw fail("a string is not closed")
    }

    private mutating func skipNumber() throws {
        let start = i
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                i += 1
            default:
                if i == start { throw fail("unexpected character '\(Character(Unicode.Scalar(bytes[i])))'") }
                return
            }
        }
        if i == start { throw fail("expected a value") }
    }

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw fail("unexpected end of text") }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw fail("expected \(word)") }
        i += n
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func expect(_ c: UInt8, _ problem: String) throws {
        guard peek() == c else { throw fail(problem) }
        i += 1
    }

    private func fail(_ problem: String) -> JSONSyntaxError { JSONSyntaxError(offset: i, problem: problem) }
}
