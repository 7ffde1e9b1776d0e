/// Estimates how much room text takes when printed, without a browser.
///
/// Advance widths are those of DejaVu Sans, the widest of the sans-serif faces a printing machine is likely to
/// pick for `system-ui` or `sans-serif` (Liberation Sans, Arial, Helvetica and San Francisco are all narrower),
/// so an estimate errs towards more lines, never fewer: the report's page breaks then fall before a page is full,
/// never after.
enum TextMetrics {
    /// The advance of one character, in em.
    static func advance(_ character: Character) -> Double {
        guard let scalar = character.unicodeScalars.first, scalar.isASCII else { return 0.75 }
        switch scalar {
        case " ": return 0.32
        case "i", "j", "l", "'", "|", "!", ".", ",", ":", ";": return 0.28
        case "f", "t", "r", "(", ")", "[", "]", "-", "/", "\"": return 0.42
        case "m", "w": return 0.98
        case "M", "W", "@", "%": return 1.0
        case "0"..."9", "$", "#", "+", "=", "<", ">", "_", "~", "^", "*": return 0.64
        case "a"..."z": return 0.62
        case "A"..."Z", "&": return 0.76
        default: return 0.64
        }
    }

    /// The advance of every character of DejaVu Sans Mono, in em.
    static let monospaceAdvance = 0.61

    /// The width of `text` on one line, in points.
    static func width(_ text: Substring, fontSize: Double, monospace: Bool = false) -> Double {
        monospace ? Double(text.count) * monospaceAdvance * fontSize : text.reduce(0) { $0 + advance($1) } * fontSize
    }

    /// The number of lines `text` wraps to in a column `width` points wide: words are kept whole, a word wider
    /// than the column is broken, and a line feed starts a new line.
    static func lines(_ text: String, fontSize: Double, width: Double, monospace: Bool = false) -> Int {
        guard width > fontSize else { return max(1, text.count) }
        var total = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var lines = 1
            var used = 0.0
            let space = (monospace ? monospaceAdvance : advance(" ")) * fontSize
            for word in paragraph.split(separator: " ") {
                var wordWidth = Self.width(word, fontSize: fontSize, monospace: monospace)
                if used > 0 && used + space + wordWidth <= width {
                    used += space + wordWidth
                    continue
                }
                if used > 0 { lines += 1 }
                while wordWidth > width {
                    lines += 1
                    wordWidth -= width
                }
                used = wordWidth
            }
            total += lines
        }
        return max(1, total)
    }
}
