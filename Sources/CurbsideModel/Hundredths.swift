/// Fixed two-decimal text for values held in hundredths (cents, hundredths of a percent), so gold
/// CSVs print exactly what was summed: `123456` → `1234.56`, `-5` → `-0.05`.
public enum Hundredths {
    public static func text(_ value: Int64) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `numerator / denominator × 100` in hundredths, rounded half away from zero; 0 when the denominator is 0.
    public static func percentage(_ numerator: Int64, of denominator: Int64) -> Int64 {
        guard denominator != 0 else { return 0 }
        let scaled = numerator * 10_000
        let quotient = scaled / denominator
        let remainder = scaled % denominator
        let twice = remainder.magnitude * 2
        if twice >= denominator.magnitude {
            return quotient + ((scaled < 0) != (denominator < 0) ? -1 : 1)
        }
        return quotient
    }
}
