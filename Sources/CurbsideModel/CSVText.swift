/// RFC 4180 CSV with `\n` line ends: a field is quoted when it holds a comma, quote, CR or LF,
/// or starts with a character a spreadsheet would take for a formula (`=`, `+`, `-`, `@`) when it is text.
public struct CSVText: Sendable, Equatable {
    /// The UTF-8 bytes written so far.
    public private(set) var bytes: [UInt8] = []

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public init(header: [String]) { append(header.map { .text($0) }) }

    public enum Cell: Sendable, Equatable {
        /// Written as given (numbers and dates, already formatted).
        case plain(String)
        /// Free text from the data: quoted when needed, guarded against formula injection.
        case text(String)
    }

    public mutating func append(_ cells: [Cell]) {
        for (k, cell) in cells.enumerated() {
            if k > 0 { bytes.append(Self.comma) }
            switch cell {
            case .plain(let s): bytes.append(contentsOf: s.utf8)
            case .text(let s): appendText(s.utf8)
            }
        }
        bytes.append(Self.newline)
    }

    /// One scanned row, straight from SQLite's bytes: null empty, numbers as a sorted query returns them
    /// (``SQLValue/asSorted``), texts as ``Cell/text(_:)``. A silver CSV of 50,000 rows made a `String` of each of
    /// its million values before.
    public mutating func append(_ row: ScannedRow) {
        for k in 0..<row.count {
            if k > 0 { bytes.append(Self.comma) }
            let cell = row[k]
            switch cell {
            case .null: break
            case .integer, .real: bytes.append(contentsOf: cell.value.asSorted.description.utf8)
            case .text(let utf8): appendText(utf8)
            case .blob(let count): appendText("<\(count) bytes>".utf8)
            }
        }
        bytes.append(Self.newline)
    }

    /// Bytes, not characters: faster, and "\r\n" is one character that is neither "\r" nor "\n".
    private mutating func appendText(_ utf8: some Collection<UInt8>) {
        let formula = utf8.first.map { $0 == 0x3D || $0 == 0x2B || $0 == 0x2D || $0 == 0x40 } ?? false
        let quoted = utf8.contains { $0 == Self.comma || $0 == Self.quote || $0 == Self.newline || $0 == 0x0D }
        if quoted { bytes.append(Self.quote) }
        if formula { bytes.append(0x27) }
        if quoted {
            for byte in utf8 {
                bytes.append(byte)
                if byte == Self.quote { bytes.append(Self.quote) }
            }
            bytes.append(Self.quote)
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    private static let comma: UInt8 = 0x2C
    private static let quote: UInt8 = 0x22
    private static let newline: UInt8 = 0x0A
}
