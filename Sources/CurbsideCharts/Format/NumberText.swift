/// Locale-free decimal text: fixed decimals, optional thousands separators, never `-0`.
enum NumberText {
    /// - Parameters:
    ///   - value: the number; NaN and infinities are written as `—`.
    ///   - decimals: digits after the point (0…6), kept even when zero.
    ///   - grouping: whether to put `,` between thousands.
    /// - Returns: `1,234.50`.
    static func fixed(_ value: Double, decimals: Int, grouping: Bool = true) -> String {
        guard value.isFinite else { return "—" }
        let places = max(0, min(6, decimals))
        let scale = SVGNumber.pow10(places)
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return SVGNumber.format(value, decimals: 0) }
        let units = Int64(scaled)
        let whole = String(units / scale)
        var text = units == 0 || value >= 0 ? "" : "-"
        text += grouping ? grouped(whole) : whole
        if places > 0 {
            let fraction = String(units % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ digits: String) -> String {
        var output = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { output += "," }
            output.append(digit)
        }
        return output
    }

    /// The fewest decimals (0…6) that show `step` and its multiples exactly.
    static func decimalsNeeded(for step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        for decimals in 0...6 {
            let scaled = step * Double(SVGNumber.pow10(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return decimals }
        }
        return 6
    }
}
