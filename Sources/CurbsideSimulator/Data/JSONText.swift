/// Writes the little JSON the simulator makes itself (error bodies, metadata, headers), with keys in
/// a fixed order so responses are byte-for-byte reproducible.
enum JSONText {
    /// `value` as a JSON string literal, quotes included (escaped by ``JSONBytes/appendQuoted(_:to:)``).
    static func quoted(_ value: String) -> String {
        var out: [UInt8] = []
        JSONBytes.appendQuoted(value.utf8, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON array of strings: `["a","b"]`.
    static func array(_ values: [String]) -> String {
        "[" + values.map(quoted).joined(separator: ",") + "]"
    }

    /// A JSON object from members whose values are already JSON text, in the order given.
    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
