/// A request target (`/resource/x.json?$where=a%3D%271%27`) split into its decoded path and query
/// parameters. `%XX` is decoded as UTF-8 bytes and `+` is a space, as in a form-encoded query.
struct RequestTarget: Equatable, Sendable {
    var path: String
    var parameters: [(name: String, value: String)]

    /// Split at the bytes `?`, `&` and `=`, not at characters: a combining mark after a `?` makes one character of
    /// the two, and the query would be read as part of the path.
    init(_ target: String) {
        let parts = target.utf8.split(separator: UInt8(ascii: "?"), maxSplits: 1, omittingEmptySubsequences: false)
        path = Self.decode(parts[0], plusIsSpace: false)
        parameters = []
        guard parts.count == 2 else { return }
        for pair in parts[1].split(separator: UInt8(ascii: "&")) {
            let halves = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(halves[0], plusIsSpace: true)
            parameters.append((name, halves.count == 2 ? Self.decode(halves[1], plusIsSpace: true) : ""))
        }
    }

    static func == (a: RequestTarget, b: RequestTarget) -> Bool {
        a.path == b.path && a.parameters.elementsEqual(b.parameters) { $0 == $1 }
    }

    /// Percent-decodes `text`'s bytes; a `%` not followed by two hex digits stays as it is.
    static func decode(_ text: Substring.UTF8View, plusIsSpace: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        let utf8 = Array(text)
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            if byte == UInt8(ascii: "%"), i + 2 < utf8.count, let high = hex(utf8[i + 1]), let low = hex(utf8[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
