/// Sizes shared by the charts, in view-box units (the SVG scales, so these are proportions, not pixels).
enum ChartMetrics {
    static let fontSize = 13.0
    static let maximumSeries = 8

    /// The estimated drawn width of `text` in the system sans-serif at ``fontSize``, on the generous side so
    /// that labels laid out from it never overlap or clip (DejaVu Sans, the common Linux fallback, is wide):
    /// capitals are wider than lower case, `i` and `.` narrower.
    static func width(of text: String) -> Double {
        text.reduce(0) { $0 + em(of: $1) } * fontSize
    }

    private static func em(of character: Character) -> Double {
        switch character {
        case "M", "W", "m", "w", "@", "%": return 0.9
        case "i", "j", "l", "I", "t", "f", "r", ".", ",", ":", ";", "'", "!", "|", "(", ")", "[", "]": return 0.36
        case " ": return 0.3
        case "0"..."9", "$": return 0.6
        case "A"..."Z", "&", "—", "…": return 0.74
        default: return 0.62
        }
    }

    /// `text` cut to fit `maximumWidth`, ending in an ellipsis, when it is wider. One pass over the characters: the
    /// longest prefix whose width with the ellipsis fits (widths only grow as characters are added), so a label of a
    /// million characters costs what its first fitting characters cost.
    static func truncated(_ text: String, toWidth maximumWidth: Double) -> String {
        var ems = 0.0
        var fitting = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            ems += em(of: text[index])
            index = text.index(after: index)
            // Summed in the same order as `width(of:)` sums the prefix and the ellipsis, so the cut is the same.
            if (ems + em(of: "…")) * fontSize <= maximumWidth { fitting = index }
            if ems * fontSize > maximumWidth { return text[..<fitting].trimmingTrailingSpaces() + "…" }
        }
        return text
    }

    /// The CSS class that colours series `index` (0-based); colours repeat after ``maximumSeries``.
    static func seriesClass(_ index: Int) -> String {
        "series-\(index % maximumSeries + 1)"
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
