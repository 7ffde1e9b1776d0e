/// Escapes text for HTML and SVG: `&`, `<`, `>`, `"` and `'` become entities. The one markup escaper: pages, charts,
/// the site's index and version lists all go through it.
///
/// The same five characters are escaped in text and in attribute values, so a value is safe wherever it goes.
public enum MarkupEscape {
    /// - Returns: `text` with the five markup characters replaced by entities.
    public static func text(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            return text
        }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }
}
