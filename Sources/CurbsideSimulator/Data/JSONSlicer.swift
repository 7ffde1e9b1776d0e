/// Finds where JSON values lie in a byte array without decoding them, so rows can be served as the
/// exact bytes they were loaded from.
enum JSONSlicer {
    /// Why a slice could not be found, and the byte offset where that was noticed.
    struct Failure: Error, Equatable {
        var offset: Int
        var message: String
    }

    /// The byte ranges of the elements of the top-level JSON array in `bytes`.
    static func elements(ofArray bytes: [UInt8]) throws(Failure) -> [Range<Int>] {
        var i = skipSpace(bytes, from: 0)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else {
            throw Failure(offset: i, message: "expected a JSON array")
        }
        i = skipSpace(bytes, from: i + 1)
        var ranges: [Range<Int>] = []
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            return try finish(bytes, after: i + 1, ranges)
        }
        while true {
            let end = try skipValue(bytes, from: i)
            ranges.append(i..<end)
            i = skipSpace(bytes, from: end)
            guard i < bytes.count else { throw Failure(offset: i, message: "unterminated array") }
            if bytes[i] == UInt8(ascii: "]") { return try finish(bytes, after: i + 1, ranges) }
            guard bytes[i] == UInt8(ascii: ",") else { throw Failure(offset: i, message: "expected , or ]") }
            i = skipSpace(bytes, from: i + 1)
        }
    }

    /// The members of the JSON object at `range`: each key's bytes (between its quotes, undecoded)
    /// and its value's bytes.
    static func members(ofObject bytes: [UInt8], in range: Range<Int>) throws(Failure) -> [(
        key: Range<Int>, value: Range<Int>
    )] {
        var i = skipSpace(bytes, from: range.lowerBound)
        guard i < range.upperBound, bytes[i] == UInt8(ascii: "{") else {
            throw Failure(offset: i, message: "expected a JSON object")
        }
        var members: [(key: Range<Int>, value: Range<Int>)] = []
        i = skipSpace(bytes, from: i + 1)
        if i < range.upperBound, bytes[i] == UInt8(ascii: "}") { return members }
        while i < range.upperBound {
            guard bytes[i] == UInt8(ascii: "\"") else { throw Failure(offset: i, message: "expected a key") }
            let keyStart = i
            let keyEnd = try skipValue(bytes, from: keyStart)
            i = skipSpace(bytes, from: keyEnd)
            guard i < range.upperBound, bytes[i] == UInt8(ascii: ":") else {
                throw Failure(offset: i, message: "expected :")
            }
            let valueStart = skipSpace(bytes, from: i + 1)
            let valueEnd = try skipValue(bytes, from: valueStart)
            members.append((key: (keyStart + 1)..<(keyEnd - 1), value: valueStart..<valueEnd))
            i = skipSpace(bytes, from: valueEnd)
            guard i < range.upperBound else { break }
            if bytes[i] == UInt8(ascii: "}") { return members }
            guard bytes[i] == UInt8(ascii: ",") else { throw Failure(offset: i, message: "expected , or }") }
            i = skipSpace(bytes, from: i + 1)
        }
        throw Failure(offset: i, message: "unterminated object")
    }

    /// The index just past the JSON value that starts at `start`.
    static func skipValue(_ bytes: [UInt8], from start: Int) throws(Failure) -> Int {
        guard start < bytes.count else { throw Failure(offset: start, message: "expected a value") }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return try skipString(bytes, from: start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var i = start
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""): i = try skipString(bytes, from: i) - 1
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            throw Failure(offset: start, message: "unterminated object or array")
        default:
            var i = start
            while i < bytes.count, !isDelimiter(bytes[i]) { i += 1 }
            guard i > start else { throw Failure(offset: start, message: "expected a value") }
            return i
        }
    }

    private static func skipString(_ bytes: [UInt8], from start: Int) throws(Failure) -> Int {
        var i = start + 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""): return i + 1
            default: i += 1
            }
        }
        throw Failure(offset: start, message: "unterminated string")
    }

    private static func finish(_ bytes: [UInt8], after i: Int, _ ranges: [Range<Int>]) throws(Failure) -> [Range<Int>] {
        let rest = skipSpace(bytes, from: i)
        guard rest == bytes.count else { throw Failure(offset: rest, message: "text after the array") }
        return ranges
    }

    static func skipSpace(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i < bytes.count, isSpace(bytes[i]) { i += 1 }
        return i
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
            || byte == UInt8(ascii: ":")
    }
}
