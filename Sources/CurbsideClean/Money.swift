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
        var bytes = Array(raw.utf8).filter { $0 != UInt8(ascii: "$") && $0 != UInt8(ascii: ",") }
        while let f = bytes.first, f == 0x20 || f == 0x09 || f == 0x0A || f == 0x0D { bytes.removeFirst() }
        while let l = bytes.last, l == 0x20 || l == 0x09 || l == 0x0A || l == 0x0D { bytes.removeLast() }
        if bytes.isEmpty { return .success(0) }
        var negative = false
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
            negative = bytes.first == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        var whole: Int64 = 0
        var fraction: [Int64] = []
        var seenPoint = false
        var digits = 0
        for b in bytes {
            if b == UInt8(ascii: ".") {
                guard !seenPoint else { return .failure(NotANumber()) }
                seenPoint = true
                continue
            }
            guard (48...57).contains(b) else { return .failure(NotANumber()) }
            digits += 1
            if seenPoint {
                fraction.append(Int64(b - 48))
            } else {
                guard whole < 10_000_000_000_000 else { return .failure(NotANumber()) }
                whole = whole * 10 + Int64(b - 48)
            }
        }
        guard digits > 0 else { return .failure(NotANumber()) }
        var cents = whole * 100 + (fraction.first ?? 0) * 10 + (fraction.dropFirst().first ?? 0)
        if fraction.count > 2, fraction[2] >= 5 { cents += 1 }
        return .success(negative ? -cents : cents)
    }
}
