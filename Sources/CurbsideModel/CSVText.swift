/// RFC 4180 CSV with `\n` line ends: a field is quoted when it holds a comma, quote, CR or LF,
/// or starts with a character a spreadsheet would take for a formula (`=`, `+`, `-`, `@`) when it is text.
public struct CSVText: Sendable, Equatable {
    public private(set) var text = ""

    public init(header: [String]) { append(header.map { .text($0) }) }

    public enum Cell: Sendable, Equatable {
        /// Written as given (numbers and dates, already formatted).
        case plain(String)
        /// Free text from the data: quoted when needed, guarded against formula injection.
        case text(String)
    }

    public mutating func append(_ cells: [Cell]) {
        text += cells.map(Self.field).joined(separator: ",")
        text += "\n"
    }

    static func field(_ cell: Cell) -> String {
        switch cell {
        case .plain(let s): return s
        case .text(var s):
            // Bytes, not characters: faster, and "\r\n" is one character that is neither "\r" nor "\n".
            if let first = s.utf8.first, "=+-@".utf8.contains(first) { s = "'" + s }
            guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
            return "\"" + s.replacingQuotes() + "\""
        }
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        for c in self {
            if c == "\"" { out += "\"\"" } else { out.append(c) }
        }
        return out
    }
}
