/// The fields of one raw row among a fixed list of names (the ones a cleaner reads), read from the row's JSON
/// text without decoding the others: a Chicago crash (up to 49 columns, 33 read) costs a fraction of building the
/// dictionary of all its fields.
public struct SelectedRow: Sendable {
    /// The names a cleaner reads, matched as bytes against a row's keys.
    public struct Names: Sendable {
        let names: [String]
        let keys: FlatJSON.Keys
        let positions: [String: Int]

        public init(_ names: [String]) {
            self.names = names
            keys = FlatJSON.Keys(names)
            positions = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        }
    }

    private let names: Names
    private let values: [JSONField?]

    /// Reads the row's JSON text, decoding only the fields of `names`.
    /// - Throws: `JSONSyntaxError` when the text is not a JSON object.
    public init(json: ArraySlice<UInt8>, names: Names) throws {
        self.names = names
        values = try FlatJSON.select(names.keys, from: json)
    }

    /// The row from all its fields.
    public init(_ fields: [String: JSONField], names: Names) {
        self.names = names
        values = names.names.map { fields[$0] }
    }

    /// The field `name` (nil when absent, `.null` for a null). `name` must be one of the names: asking for
    /// another is a programming error.
    public subscript(name: String) -> JSONField? {
        guard let position = names.positions[name] else { preconditionFailure("'\(name)' is not a selected name") }
        return values[position]
    }

    /// The field of the name at `position` in the names' order: for readers that name their columns by position
    /// (no lookup by name on the hot path).
    public subscript(position position: Int) -> JSONField? { values[position] }
}
