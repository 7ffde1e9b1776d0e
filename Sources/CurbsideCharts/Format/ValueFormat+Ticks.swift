/// Compact labels for axis ticks: `$1.2M`, `$3,400`, `12,000`, `40%`.
extension ValueFormat {
    /// Labels for a set of evenly spaced ticks, with one unit and one number of decimals for all of them.
    /// - Parameter ticks: the tick values, ascending.
    /// - Returns: one label per tick.
    public func tickLabels(_ ticks: [Double]) -> [String] {
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let largest = ticks.map(abs).max() ?? 0
        let (divisor, suffix): (Double, String) =
            switch largest {
            case 1e9...: (1e9, "B")
            case 1e6...: (1e6, "M")
            default: (1, "")
            }
        let decimals = NumberText.decimalsNeeded(for: step / divisor)
        return ticks.map { tick in
            let number = Self.trimmingZeros(NumberText.fixed(abs(tick) / divisor, decimals: decimals))
            let sign = NumberText.fixed(tick / divisor, decimals: decimals).hasPrefix("-") ? "-" : ""
            let unit = number == "0" ? "" : suffix
            switch self {
            case .money: return sign + "$" + number + unit
            case .percent: return sign + number + "%"
            case .integer, .decimal, .date, .text: return sign + number + unit
            }
        }
    }

    /// `2.50` → `2.5`, `3.00` → `3`: ticks read better without padding zeros.
    private static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed = trimmed.dropLast() }
        if trimmed.last == "." { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// What the y axis measures when the author names nothing else.
    var defaultUnitLabel: String? {
        switch self {
        case .money: return "US dollars"
        case .percent: return "Percent"
        case .integer, .decimal, .date, .text: return nil
        }
    }
}
