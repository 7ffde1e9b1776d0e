/// A value of a Socrata row: every value arrives as a string, but drift can bring numbers,
/// booleans, nulls or nested objects (`summons_image`, `location`), kept as raw JSON text.
public enum JSONField: Hashable, Sendable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    /// An object or array, as its exact JSON text.
    case raw(String)

    /// The JSON type name used in drift reports.
    public var typeName: String {
        switch self {
        case .string: return "string"
        case .number: return "number"
        case .bool: return "boolean"
        case .null: return "null"
        case .raw(let text): return text.hasPrefix("[") ? "array" : "object"
        }
    }

    /// The value as text, whatever its JSON type (nil for null).
    public var text: String? {
        switch self {
        case .string(let s), .number(let s), .raw(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .null: return nil
        }
    }
}

/// Where one value lies in a row's JSON text, found without building it (``FlatJSON/locate(_:in:into:)``).
public struct JSONSpan: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case absent, null, bool, number, raw
        /// A string without escapes: its bytes are its text.
        case string
        /// A string with escapes, decoded by ``FlatJSON/field(_:in:)``.
        case escapedString
    }

    public var kind: Kind
    /// A string's bytes between its quotes, any other value's whole text.
    public var range: Range<Int>

    public init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }

    public static let absent = JSONSpan(kind: .absent, range: 0..<0)
}

/// Malformed JSON: where and what.
public struct JSONSyntaxError: Error, CustomStringConvertible, Equatable {
    public var offset: Int
    public var problem: String
    public init(offset: Int, problem: String) {
        self.offset = offset
        self.problem = problem
    }
    public var description: String { "malformed JSON at byte \(offset): \(problem)" }
}

/// A small, fast reader for the JSON Socrata sends: an array of flat objects. It splits a page into
/// the byte ranges of its rows (so bronze can keep each row's exact text) and reads one row's fields.
public enum FlatJSON {
    /// The byte ranges of the elements of a top-level JSON array.
    /// - Throws: `JSONSyntaxError` when the text is not one complete array (a truncated body, say).
    public static func elementRanges(of bytes: [UInt8]) throws -> [Range<Int>] {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            return try scanner.arrayElementRanges()
        }
    }

    /// Walks one object's members cheaply (ingest's hot path): each key's raw bytes and the first byte
    /// of its value go to `visit`; only the `idKey` string is decoded.
    /// - Returns: the value of `idKey` when it is a string.
    public static func scan(
        _ bytes: ArraySlice<UInt8>, idKey: [UInt8], _ visit: (UnsafeBufferPointer<UInt8>, UInt8) -> Void
    ) throws -> String? {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            return try scanner.scanObject(idKey: idKey, visit)
        }
    }

    /// A page's rows in one pass (ingest's hot path): each element's range and, for objects, the string value of
    /// `idKey`; each object's keys and the first byte of their values go to `visit` with the element's index.
    /// - Throws: `JSONSyntaxError` when `bytes` is not one complete JSON array.
    public static func scanRows(
        of bytes: [UInt8], idKey: [UInt8], _ visit: (Int, UnsafeBufferPointer<UInt8>, UInt8) -> Void
    ) throws -> [(recordID: String?, range: Range<Int>)] {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            return try scanner.arrayRows(idKey: idKey, visit)
        }
    }

    /// The JSON type name of a value from its first byte, as `JSONField.typeName` names it.
    public static func typeName(firstByte: UInt8) -> String {
        switch firstByte {
        case UInt8(ascii: "\""): return "string"
        case UInt8(ascii: "{"): return "object"
        case UInt8(ascii: "["): return "array"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "boolean"
        case UInt8(ascii: "n"): return "null"
        default: return "number"
        }
    }

    /// The fields of one JSON object, in their order.
    public static func fields(of bytes: [UInt8]) throws -> [(key: String, value: JSONField)] {
        try fields(of: bytes[...])
    }

    /// The fields of one JSON object, in their order.
    public static func fields(of bytes: ArraySlice<UInt8>) throws -> [(key: String, value: JSONField)] {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            return try scanner.objectFields()
        }
    }

    /// The field names a reader wants, matched against an object's keys as bytes.
    public struct Keys: Sendable {
        let names: [[UInt8]]
        /// The positions of the names of each length, so a key is compared with one or two names at most.
        private let byLength: [[Int]]

        public init(_ names: [String]) {
            self.names = names.map { Array($0.utf8) }
            var byLength = [[Int]](repeating: [], count: (self.names.map(\.count).max() ?? 0) + 1)
            for (index, name) in self.names.enumerated() { byLength[name.count].append(index) }
            self.byLength = byLength
        }

        public var count: Int { names.count }

        /// The position of `key` among the names, nil when it is not one of them.
        func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
            guard key.count < byLength.count else { return nil }
            for index in byLength[key.count] {
                let same = names[index].withUnsafeBufferPointer { name in
                    var k = 0
                    while k < name.count, name[k] == key[k] { k += 1 }
                    return k == name.count
                }
                if same { return index }
            }
            return nil
        }
    }

    /// The values of `keys` in one JSON object, by position in `keys`: nil for an absent key, `.null` for a null.
    /// Other members are skipped without being decoded, so a malformed escape inside one of them goes unnoticed;
    /// the object's structure is checked as ``dictionary(of:)-(ArraySlice<UInt8>)`` checks it.
    /// - Throws: `JSONSyntaxError` when the bytes are not a JSON object.
    public static func select(_ keys: Keys, from bytes: ArraySlice<UInt8>) throws -> [JSONField?] {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            return try scanner.selectFields(keys)
        }
    }

    /// Where the values of `keys` lie in one JSON object (`bytes`), by position in `keys`, found without building
    /// them: the NYC clean reads a million rows' fields straight from their bytes. `spans` is reused row after row.
    /// Checks what ``select(_:from:)`` checks.
    /// - Throws: `JSONSyntaxError` when the bytes are not a JSON object.
    public static func locate(_ keys: Keys, in bytes: UnsafeBufferPointer<UInt8>, into spans: inout [JSONSpan]) throws {
        if spans.count != keys.count { spans = [JSONSpan](repeating: .absent, count: keys.count) }
        var scanner = JSONScanner(bytes)
        try scanner.locateFields(keys, into: &spans)
    }

    /// The value a span of `bytes` holds, as ``select(_:from:)`` reads it: nil when absent.
    public static func field(_ span: JSONSpan, in bytes: UnsafeBufferPointer<UInt8>) -> JSONField? {
        func text() -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[span.range]), as: UTF8.self) }
        switch span.kind {
        case .absent: return nil
        case .null: return .null
        case .bool: return .bool(bytes[span.range.lowerBound] == UInt8(ascii: "t"))
        case .number: return .number(text())
        case .raw: return .raw(text())
        case .string: return .string(text())
        case .escapedString:
            // Checked when the span was found, so it decodes.
            var scanner = JSONScanner(UnsafeBufferPointer(rebasing: bytes[(span.range.lowerBound - 1)...]))
            return .string((try? scanner.readString()) ?? text())
        }
    }

    /// The fields of one JSON object as a dictionary (a repeated key keeps its last value).
    public static func dictionary(of text: String) throws -> [String: JSONField] {
        try dictionary(of: Array(text.utf8)[...])
    }

    /// The fields of one JSON object, given as bytes, as a dictionary.
    public static func dictionary(of bytes: ArraySlice<UInt8>) throws -> [String: JSONField] {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            var result: [String: JSONField] = [:]
            for (key, value) in try scanner.objectFields() { result[key] = value }
            return result
        }
    }
}
