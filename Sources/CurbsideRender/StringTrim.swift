import CurbsideModel

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmed: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }

    /// The number of leading spaces.
    var indentation: Int {
        prefix { $0 == " " }.count
    }
}

/// Escapes data for HTML text and attributes (``MarkupEscape``).
func escapeHTML(_ text: String) -> String {
    MarkupEscape.text(text)
}
