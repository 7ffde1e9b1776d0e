import CurbsideModel

/// Appends JSON text straight to a byte buffer, for the synthetic rows: millions of rows are written
/// without making a `String` per value. `JSONText.quoted` escapes through it, so both give the same
/// bytes for the same value.
enum JSONBytes {
    /// `"key":`, ready to be followed by a value.
    static func member(_ key: String) -> [UInt8] { Array((JSONText.quoted(key) + ":").utf8) }

    /// `value` as a JSON string literal, quotes included.
    static func appendQuoted(_ value: some Collection<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(value, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// `value` as the inside of a JSON string literal: quotes, backslashes and control characters escaped.
    static func appendEscaped(_ value: some Collection<UInt8>, to out: inout [UInt8]) {
        // Nearly every value needs no escape: copy it whole.
        guard value.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out.append(contentsOf: value)
            return
        }
        for byte in value {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case ..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(contentsOf: [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
    }

    /// A day as `YYYY-MM-DD` (years 0 to 9999), without quotes.
    static func appendISO(_ day: Day, to out: inout [UInt8]) {
        let (year, month, date) = day.civil
        appendDigits(year, count: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(month, count: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendDigits(date, count: 2, to: &out)
    }

    /// The last `count` digits of a non-negative number, zero-padded.
    static func appendDigits(_ value: Int, count: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// A non-negative whole number as a JSON string, `"42"`.
    static func appendQuotedDecimal(_ value: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        DecimalBytes.append(value, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
}
