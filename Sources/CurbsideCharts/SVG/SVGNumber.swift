/// Formats coordinates for SVG without locale: at most 2 decimals, trailing zeros dropped, never `-0`.
public enum SVGNumber {
    /// - Parameters:
    ///   - value: the number; NaN and infinities become `0` rather than breaking the document.
    ///   - decimals: how many decimals to round to (0…6).
    /// - Returns: `12.5`, `3`, `-0.25`.
    public static func format(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        let places = max(0, min(6, decimals))
        let scale = pow10(places)
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else {
            // Past Int64 (a page's query can sum to 1e308), the shortest text that reads back, as SVG allows.
            return Int64(exactly: value.rounded()).map { String($0) } ?? value.rounded().description
        }
        let units = Int64(scaled)
        if units == 0 { return "0" }
        let whole = units / scale
        var fraction = units % scale
        var digits = places
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var text = value < 0 ? "-" : ""
        text += String(whole)
        if digits > 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }

    static func pow10(_ exponent: Int) -> Int64 {
        var result: Int64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
