import CurbsideModel

/// Money as the portal sends it, to whole cents: white space trimmed, `$` and `,` stripped,
/// missing or empty → 0, anything else that is not a decimal number → a failure.
public enum Money {
    public struct NotANumber: Error, Equatable {}

    public static func cents(_ field: JSONField?) -> Result<Int64, NotANumber> {
        guard let field else { return .success(0) }
        switch field {
        case .null: return .success(0)
        case .string(let s), .number(let s): return cents(s)
        case .bool, .raw: return .failure(NotANumber())
        }
    }

    /// Parses `[-]digits[.digits]`; more than two decimals round half away from zero.
    public static func cents(_ raw: String) -> Result<Int64, NotANumber> {
        var raw = raw
        return raw.withUTF8(cents(bytes:))
    }

    /// `$` and `,` are ignored wherever they stand, then white space at either end.
    static func cents(bytes: UnsafeBufferPointer<UInt8>) -> Result<Int64, NotANumber> {
        func ignored(_ b: UInt8) -> Bool { b == UInt8(ascii: "$") || b == UInt8(ascii: ",") }
        func space(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var lower = 0
        var upper = bytes.count
        while lower < upper, ignored(bytes[lower]) || space(bytes[lower]) { lower += 1 }
        while upper > lower, ignored(bytes[upper - 1]) || space(bytes[upper - 1]) { upper -= 1 }
        if lower == upper { return .success(0) }
        var negative = false
        if bytes[lower] == UInt8(ascii: "-") || bytes[lower] == UInt8(ascii: "+") {
            negative = bytes[lower] == UInt8(ascii: "-")
            lower += 1
        }
        var whole: Int64 = 0
        var fraction: (tenths: Int64, hundredths: Int64, roundUp: Bool) = (0, 0, false)
        var decimals = 0
        var seenPoint = false
        var digits = 0
        for b in bytes[lower..<upper] where !ignored(b) {
            if b == UInt8(ascii: ".") {
                guard !seenPoint else { return .failure(NotANumber()) }
                seenPoint = true
                continue
            }
            guard (48...57).contains(b) else { return .failure(NotANumber()) }
            let digit = Int64(b - 48)
            digits += 1
            if seenPoint {
                decimals += 1
                switch decimals {
                case 1: fraction.tenths = digit
                case 2: fraction.hundredths = digit
                case 3: fraction.roundUp = digit >= 5
                default: break
                }
            } else {
                guard whole < 10_000_000_000_000 else { return .failure(NotANumber()) }
                whole = whole * 10 + digit
            }
        }
        guard digits > 0 else { return .failure(NotANumber()) }
        let cents = whole * 100 + fraction.tenths * 10 + fraction.hundredths + (fraction.roundUp ? 1 : 0)
        return .success(negative ? -cents : cents)
    }
}
