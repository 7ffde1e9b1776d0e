/// A JSON value written deterministically: object keys sorted, numbers in the shortest text that
/// reads back to the same `Double` or `Float`, so equal models give equal bytes.
///
/// Objects and arrays of the top two levels are written one member per line; deeper ones compactly
/// (a tree per line in `model.json`).
enum JSONValue: Sendable, Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    /// Number text, already formatted.
    case number(String)
    case bool(Bool)
    case null

    /// Shortest round-trip text (Swift's `description`); NaN and infinities become null.
    static func double(_ value: Double) -> JSONValue { value.isFinite ? .number(value.description) : .null }

    /// Shortest text that reads back to the same `Float` (a reader rounds it with `Math.fround`).
    static func float(_ value: Float) -> JSONValue { value.isFinite ? .number(value.description) : .null }

    static func int(_ value: some BinaryInteger) -> JSONValue { .number(String(value)) }

    /// The value's text, ending in a newline.
    var text: String {
        var out = ""
        write(into: &out, depth: 0)
        out += "\n"
        return out
    }

    private func write(into out: inout String, depth: Int) {
        let pretty = depth < 2
        let indent = String(repeating: "  ", count: depth + 1)
        switch self {
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                out += index == 0 ? "" : ","
                if pretty { out += "\n" + indent }
                Self.writeString(key, into: &out)
                out += pretty ? ": " : ":"
                members[key]!.write(into: &out, depth: depth + 1)
            }
            out += pretty ? "\n" + String(repeating: "  ", count: depth) + "}" : "}"
        case .array(let elements):
            guard !elements.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            for (index, element) in elements.enumerated() {
                out += index == 0 ? "" : ","
                if pretty { out += "\n" + indent }
                element.write(into: &out, depth: depth + 1)
            }
            out += pretty ? "\n" + String(repeating: "  ", count: depth) + "]" : "]"
        case .string(let text): Self.writeString(text, into: &out)
        case .number(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"  // safe inside an HTML <script>
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
