/// Reads a decimal number from CSV bytes the way a float64 CSV reader does, then rounds it to
/// `Float`, as XGBoost does with a float64 column.
///
/// The fast path (up to 19 significant digits, a power of ten within ±22) is exact; anything else
/// goes through the standard library's correctly rounded `Double(String)`.
enum DecimalParser {
    private static let powers: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The value of `bytes[range]` trimmed of spaces: NaN when empty or `NaN`/`nan`, nil when not a number.
    static func float(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Float? {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        if start == end { return .nan }
        var position = start
        var negative = false
        if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
            negative = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        while position < end, let digit = digit(bytes[position]) {
            sawDigit = true
            if digits < 19 {
                if mantissa != 0 || digit != 0 { digits += 1 }
                mantissa = mantissa * 10 + digit
            } else {
                exponent += 1
            }
            position += 1
        }
        if position < end && bytes[position] == UInt8(ascii: ".") {
            position += 1
            while position < end, let digit = digit(bytes[position]) {
                sawDigit = true
                if digits < 19 {
                    if mantissa != 0 || digit != 0 { digits += 1 }
                    mantissa = mantissa * 10 + digit
                    exponent -= 1
                }
                position += 1
            }
        }
        guard sawDigit else { return special(bytes, start..<end) }
        if position < end && (bytes[position] | 0x20) == UInt8(ascii: "e") {
            position += 1
            var exponentNegative = false
            if position < end && (bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+")) {
                exponentNegative = bytes[position] == UInt8(ascii: "-")
                position += 1
            }
            var value = 0
            var sawExponentDigit = false
            while position < end, let digit = digit(bytes[position]) {
                sawExponentDigit = true
                value = min(value * 10 + Int(digit), 100_000)
                position += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += exponentNegative ? -value : value
        }
        guard position == end else { return nil }
        if digits >= 19 || mantissa > (1 << 53) || abs(exponent) > 22 {
            // Rare: let the standard library round it.
            return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                .map(Float.init)
        }
        var value = Double(mantissa)
        value = exponent < 0 ? value / powers[-exponent] : value * powers[exponent]
        return Float(negative ? -value : value)
    }

    @inline(__always)
    private static func digit(_ byte: UInt8) -> UInt64? {
        byte >= 0x30 && byte <= 0x39 ? UInt64(byte - 0x30) : nil
    }

    /// `NaN`, `nan` (missing) and `inf`-like words (infinite values).
    private static func special(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Float? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        if text == "NaN" || text == "nan" { return .nan }
        return Float(text).flatMap { $0.isInfinite ? $0 : nil }
    }
}
