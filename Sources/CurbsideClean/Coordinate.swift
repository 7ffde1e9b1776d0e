/// A latitude or longitude in exact decimal, as a whole number of 10⁻¹² degrees: medians and 2-decimal
/// bins come out the same on every machine, with no binary rounding at `.xx5`.
public struct Coordinate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public static let scale: Int64 = 1_000_000_000_000
    public static let zero = Coordinate(units: 0)
    /// Degrees × 10¹².
    public var units: Int64

    public init(units: Int64) { self.units = units }

    /// For constants, and for reading back `degrees` (exact: `units` is a whole number below 2⁵³, so the
    /// rounding error of `units / 10¹²` is far below one unit).
    public init(degrees: Double) { units = Int64((degrees * Double(Self.scale)).rounded()) }

    /// Parses a decimal like `41.88454722` or `-87.6412`; digits after the 12th decimal are dropped.
    public init?(text: String) {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var decimals = 0
        var seenPoint = false
        var digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard (48...57).contains(byte) else { return nil }
            digits += 1
            let digit = Int64(byte - 48)
            if !seenPoint {
                guard whole < 1_000_000 else { return nil }
                whole = whole * 10 + digit
            } else if decimals < 12 {
                fraction = fraction * 10 + digit
                decimals += 1
            }
        }
        guard digits > 0 else { return nil }
        for _ in decimals..<12 { fraction *= 10 }
        let value = whole * Self.scale + fraction
        units = negative ? -value : value
    }

    public var degrees: Double { Double(units) / Double(Self.scale) }

    /// Rounded to 2 decimals, half away from zero, as text with exactly two decimals: `41.89`, `-87.63`.
    public var bin: String {
        let step = Self.scale / 100
        let magnitude = (abs(units) + step / 2) / step
        let hundredths = magnitude % 100
        return (units < 0 && magnitude != 0 ? "-" : "") + "\(magnitude / 100)." + (hundredths < 10 ? "0" : "")
            + "\(hundredths)"
    }

    /// The median: the middle value, or the mean of the two middle ones rounded half away from zero.
    public static func median(_ values: [Coordinate]) -> Coordinate? {
        guard !values.isEmpty else { return nil }
        let sorted = values.map(\.units).sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return Coordinate(units: sorted[middle]) }
        let sum = sorted[middle - 1] + sorted[middle]
        return Coordinate(units: sum >= 0 ? (sum + 1) / 2 : -((-sum + 1) / 2))
    }

    public static func < (a: Coordinate, b: Coordinate) -> Bool { a.units < b.units }

    public var description: String {
        let magnitude = abs(units)
        var fraction = String(magnitude % Self.scale)
        fraction = String(repeating: "0", count: 12 - fraction.count) + fraction
        while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
        return (units < 0 ? "-" : "") + "\(magnitude / Self.scale).\(fraction)"
    }
}
