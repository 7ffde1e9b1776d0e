import CurbsideModel

/// Escapes text for SVG: the markup escaper of every page (``MarkupEscape``), under the names the SVG builder uses.
public enum SVGEscape {
    /// - Returns: `text` with the five markup characters replaced by entities (``MarkupEscape``).
    public static func text(_ text: String) -> String {
        MarkupEscape.text(text)
    }

    /// - Returns: `value` escaped for a double-quoted attribute.
    public static func attribute(_ value: String) -> String {
        text(value)
    }
}
