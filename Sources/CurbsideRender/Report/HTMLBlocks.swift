import Foundation

/// Splits HTML that Curbside generated (cmark-gfm output with tag HTML in place) into its top-level elements,
/// so the report can measure them and put page breaks between them.
///
/// Not a general HTML parser: it relies on what our own renderers guarantee: every element is closed or void,
/// and `<`, `>` and `"` in text and attribute values are escaped.
struct HTMLBlock: Sendable, Hashable {
    /// The element's name, lowercased (`p`, `h2`, `figure`); empty for loose text.
    var name: String
    /// The value of its `class` attribute, or empty.
    var cssClass: String
    /// The element's exact markup.
    var html: String

    /// The text a reader sees: tags removed, the common entities decoded, runs of white space made one space.
    var text: String { HTMLBlock.plainText(html) }

    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// The top-level elements of `html`, in order; white space between them is dropped.
    static func split(_ html: String) -> [HTMLBlock] {
        let bytes = Array(html.utf8)
        var blocks: [HTMLBlock] = []
        var index = 0
        var depth = 0
        var start = 0
        var name = ""
        var cssClass = ""
        func emit(until end: Int) {
            blocks.append(
                HTMLBlock(name: name, cssClass: cssClass, html: String(decoding: bytes[start..<end], as: UTF8.self)))
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                if depth == 0 && !isSpace(byte) {
                    // Loose text at the top level runs to the next tag.
                    start = index
                    while index < bytes.count && bytes[index] != UInt8(ascii: "<") { index += 1 }
                    name = ""
                    cssClass = ""
                    emit(until: index)
                    continue
                }
                index += 1
                continue
            }
            if hasPrefix(bytes, at: index, "<!--") {
                index = find(bytes, "-->", from: index).map { $0 + 3 } ?? bytes.count
                continue
            }
            let tagEnd = endOfTag(bytes, from: index)
            let closing = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")
            let tagName = elementName(bytes, from: index + (closing ? 2 : 1))
            let selfClosing = tagEnd >= 2 && bytes[tagEnd - 2] == UInt8(ascii: "/")
            if closing {
                depth -= 1
                if depth == 0 { emit(until: tagEnd) }
            } else if voidElements.contains(tagName) || selfClosing {
                if depth == 0 {
                    start = index
                    name = tagName
                    cssClass = attribute("class", inTag: String(decoding: bytes[index..<tagEnd], as: UTF8.self))
                    emit(until: tagEnd)
                }
            } else {
                if depth == 0 {
                    start = index
                    name = tagName
                    cssClass = attribute("class", inTag: String(decoding: bytes[index..<tagEnd], as: UTF8.self))
                }
                depth += 1
            }
            index = tagEnd
        }
        return blocks
    }

    /// The value of attribute `name` in one start tag, or empty.
    static func attribute(_ name: String, inTag tag: String) -> String {
        guard let range = tag.range(of: " \(name)=\"") else { return "" }
        let rest = tag[range.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }

    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        var lastWasSpace = true
        for character in html {
            if inTag {
                if character == ">" { inTag = false }
                continue
            }
            if character == "<" {
                inTag = true
                continue
            }
            if character.isWhitespace {
                if !lastWasSpace { text.append(" ") }
                lastWasSpace = true
                continue
            }
            text.append(character)
            lastWasSpace = false
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingAll(entity, with: character)
        }
        return lastWasSpace && !text.isEmpty ? String(text.dropLast()) : text
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: String) -> Bool {
        let prefixBytes = Array(prefix.utf8)
        return index + prefixBytes.count <= bytes.count
            && Array(bytes[index..<index + prefixBytes.count]) == prefixBytes
    }

    private static func find(_ bytes: [UInt8], _ needle: String, from: Int) -> Int? {
        var index = from
        while index < bytes.count {
            if hasPrefix(bytes, at: index, needle) { return index }
            index += 1
        }
        return nil
    }

    /// The index just past the `>` that ends the tag opening at `from`, skipping quoted attribute values.
    private static func endOfTag(_ bytes: [UInt8], from: Int) -> Int {
        var index = from + 1
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    private static func elementName(_ bytes: [UInt8], from: Int) -> String {
        var index = from
        var name = ""
        while index < bytes.count {
            let byte = bytes[index]
            let isNameByte =
                (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte) || byte == 45
            guard isNameByte else { break }
            name.unicodeScalars.append(Unicode.Scalar((65...90).contains(byte) ? byte + 32 : byte))
            index += 1
        }
        return name
    }
}

extension String {
    /// The text with every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
