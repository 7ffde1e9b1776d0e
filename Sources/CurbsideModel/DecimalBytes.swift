/// Whole numbers written as ASCII digits straight into a byte buffer, without a `String` per number: bronze's
/// row offsets and the simulator's synthetic rows write millions of them.
public enum DecimalBytes {
    /// A non-negative whole number in decimal: `42` → `4`, `2`.
    public static func append(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0, "\(value) is negative")
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
