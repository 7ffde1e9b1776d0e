import CurbsideModel
import Foundation

/// The Content-Security-Policy of the pages Curbside writes, set with `<meta http-equiv>` so it travels with
/// the files to any static host.
public enum ContentSecurityPolicy {
    /// Site pages: styles, scripts and data from the site itself, nothing inline, nothing from elsewhere.
    public static let page =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'"

    /// A self-contained document (the report, the health page): only its own `<style>` element, by hash.
    /// - Parameter styleHash: ``hash(_:)`` of the style element's exact text.
    public static func selfContained(styleHash: String) -> String {
        "default-src 'none'; style-src '\(styleHash)'; img-src data:; base-uri 'none'; form-action 'none'"
    }

    /// `sha256-<base64>` of `text`, as CSP hash sources name an inline element.
    public static func hash(_ text: String) -> String {
        let hex = Array(SHA256Hex.of(text).utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index + 1 < hex.count {
            bytes.append(nibble(hex[index]) << 4 | nibble(hex[index + 1]))
            index += 2
        }
        return "sha256-" + Data(bytes).base64EncodedString()
    }

    private static func nibble(_ byte: UInt8) -> UInt8 {
        byte >= 97 ? byte - 87 : byte - 48
    }
}

/// Text placed inside CSS: every character but letters, digits and a few safe marks written as an escape, so
/// data can never end a string or the `<style>` element.
enum CSSText {
    /// A double-quoted CSS string.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            let safe =
                (scalar.properties.isAlphabetic && scalar.value > 0x7F) || ("a"..."z").contains(scalar)
                || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || " .,:-_·".unicodeScalars.contains(scalar)
            out += safe ? String(scalar) : "\\" + String(scalar.value, radix: 16) + " "
        }
        return out + "\""
    }
}
