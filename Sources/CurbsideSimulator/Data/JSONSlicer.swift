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
        var ranges: [Range<Int>] = []
        try walkArray(bytes) { start throws(Failure) in
            let end = try skipValue(bytes, from: start)
            ranges.append(start..<end)
            return end
        }
        return ranges
    }

    /// Each element of the top-level JSON array in `bytes`, which must be an object, given to `visit` as its
    /// members, in one pass (rather than finding the elements, then reading each again).
    static func objects(
        ofArray bytes: [UInt8], _ visit: ([(key: Range<Int>, value: Range<Int>)]) throws(Failure) -> Void
    ) throws(Failure) {
        try walkArray(bytes) { start throws(Failure) in
            let (members, end) = try object(bytes, from: start, before: bytes.count)
            try visit(members)
            return end
        }
    }

    /// Walks the top-level array: `element` reads the element starting at the index it is given and returns
    /// the index just past it.
    private static func walkArray(_ bytes: [UInt8], _ element: (Int) throws(Failure) -> Int) throws(Failure) {
        var i = skipSpace(bytes, from: 0)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else {
            throw Failure(offset: i, message: "expected a JSON array")
        }
        i = skipSpace(bytes, from: i + 1)
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { return try finish(bytes, after: i + 1) }
        while true {
            let end = try element(i)
            i = skipSpace(bytes, from: end)
            guard i < bytes.count else { throw Failure(offset: i, message: "unterminated array") }
            if bytes[i] == UInt8(ascii: "]") { return try finish(bytes, after: i + 1) }
            guard bytes[i] == UInt8(ascii: ",") else { throw Failure(offset: i, message: "expected , or ]") }
            i = skipSpace(bytes, from: i + 1)
        }
    }

    /// The members of the JSON object at `range`: each key's bytes (between its quotes, undecoded)
    /// and its value's bytes.
    static func members(ofObject bytes: [UInt8], in range: Range<Int>) throws(Failure) -> [(
        key: Range<Int>, value: Range<Int>
    )] {
        try object(bytes, from: range.lowerBound, before: range.upperBound).members
    }

    /// The members of the object that starts at `start` (after white space), and the index just past it.
    private static func object(_ bytes: [UInt8], from start: Int, before limit: Int) throws(Failure) -> (
        members: [(key: Range<Int>, value: Range<Int>)], end: Int
    ) {
        var i = skipSpace(bytes, from: start)
        guard i < limit, bytes[i] == UInt8(ascii: "{") else {
            throw Failure(offset: i, message: "expected a JSON object")
        }
        var members: [(key: Range<Int>, value: Range<Int>)] = []
        i = skipSpace(bytes, from: i + 1)
        if i < limit, bytes[i] == UInt8(ascii: "}") { return (members, i + 1) }
        while i < limit {
            guard bytes[i] == UInt8(ascii: "\"") else { throw Failure(offset: i, message: "expected a key") }
            let keyStart = i
            let keyEnd = try skipValue(bytes, from: keyStart)
            i = skipSpace(bytes, from: keyEnd)
            guard i < limit, bytes[i] == UInt8(ascii: ":") else {
                throw Failure(offset: i, message: "expected :")
            }
            let valueStart = skipSpace(bytes, from: i + 1)
            let valueEnd = try skipValue(bytes, from: valueStart)
            members.append((key: (keyStart + 1)..<(keyEnd - 1), value: valueStart..<valueEnd))
            i = skipSpace(bytes, from: valueEnd)
            guard i < limit else { break }
            if bytes[i] == UInt8(ascii: "}") { return (members, i + 1) }
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
        // The hottest loop of loading (most of a row's bytes are inside strings): read through a pointer.
        let end = bytes.withUnsafeBufferPointer { buffer -> Int? in
            var i = start + 1
            while i < buffer.count {
                let byte = buffer[i]
                if byte == UInt8(ascii: "\"") { return i + 1 }
                i += byte == UInt8(ascii: "\\") ? 2 : 1
            }
            return nil
        }
        guard let end else { throw Failure(offset: start, message: "unterminated string") }
        return end
    }

    private static func finish(_ bytes: [UInt8], after i: Int) throws(Failure) {
        let rest = skipSpace(bytes, from: i)
        guard rest == bytes.count else { throw Failure(offset: rest, message: "text after the array") }
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
