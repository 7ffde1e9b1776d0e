import CurbsideModel

/// What every bronze row must be before a cleaner reads it: UTF-8, as JSON requires, and no text longer than
/// `clean.max_text_bytes`. A row that is not goes to quarantine whole, with the column at fault; bronze keeps its
/// bytes exactly as the portal sent them.
///
/// Decoding bytes that are not UTF-8 replaces them with U+FFFD, so a damaged value would reach silver and the pages
/// as a new, made-up category. A value of tens of thousands of characters is no category, name or code either, and
/// every chart label and table cell made from it would carry it.
public enum RowScreen {
    /// The rule of a row with bytes that are not UTF-8.
    public static let invalidUTF8 = "invalid_utf8"
    /// The rule of a row with a text value longer than the limit.
    public static let textTooLong = "text_too_long"
    /// The longest text value (a JSON string, in bytes as received) a row may hold by default.
    public static let defaultMaxTextBytes = CurbsideConfig.Clean().maxTextBytes

    /// The first problem of a row's JSON text, or nil when it has none.
    /// - Parameters:
    ///   - bytes: one row, a JSON object, as stored in bronze.
    ///   - maxTextBytes: the longest string value allowed, in bytes as received (escapes included).
    public static func problem(in bytes: UnsafeBufferPointer<UInt8>, maxTextBytes: Int) -> QuarantineReason? {
        // Nearly every row: shorter than the limit and plain ASCII, so nothing to look at value by value.
        if bytes.count <= maxTextBytes && isASCII(bytes) { return nil }
        var depth = 0
        var expectingKey = false
        var key: Range<Int>?
        // The member's name, made only for a row that is rejected.
        func column() -> String? { key.map { name(bytes, $0) } }
        var k = 0
        while k < bytes.count {
            switch bytes[k] {
            case UInt8(ascii: "{"):
                depth += 1
                expectingKey = depth == 1
                k += 1
            case UInt8(ascii: "["):
                depth += 1
                k += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                k += 1
            case UInt8(ascii: ","):
                expectingKey = depth == 1
                k += 1
            case UInt8(ascii: ":"):
                expectingKey = false
                k += 1
            case UInt8(ascii: "\""):
                var end = k + 1
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                let text = (k + 1)..<min(end, bytes.count)
                if expectingKey && depth == 1 {
                    key = text
                    if let bad = firstInvalidUTF8(bytes, in: text) {
                        return QuarantineReason(rule: invalidUTF8, column: nil, value: shown(bytes, text, bad: bad))
                    }
                } else {
                    if let bad = firstInvalidUTF8(bytes, in: text) {
                        return QuarantineReason(
                            rule: invalidUTF8, column: column(), value: shown(bytes, text, bad: bad))
                    }
                    if text.count > maxTextBytes {
                        let head = String(
                            decoding: UnsafeBufferPointer(rebasing: bytes[text].prefix(200)), as: UTF8.self)
                        return QuarantineReason(
                            rule: textTooLong, column: column(), value: "\(head)… (\(text.count) bytes)")
                    }
                }
                k = end + 1
            default:
                if bytes[k] >= 0x80, let bad = firstInvalidUTF8(bytes, in: k..<bytes.count) {
                    return QuarantineReason(
                        rule: invalidUTF8, column: column(),
                        value: shown(bytes, k..<min(k + 40, bytes.count), bad: bad))
                }
                k += 1
            }
        }
        return nil
    }

    /// Whether every byte is below 0x80: 32 bytes a step, four words OR-ed together and tested once.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        let high: UInt64 = 0x8080_8080_8080_8080
        var k = 0
        while k + 32 <= raw.count {
            let word =
                raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: k + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: k + 16, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: k + 24, as: UInt64.self)
            if word & high != 0 { return false }
            k += 32
        }
        while k < raw.count {
            if raw[k] >= 0x80 { return false }
            k += 1
        }
        return true
    }

    /// Where the first byte that breaks UTF-8 is in `range`: a stray continuation byte, a sequence cut short, an
    /// overlong form, a surrogate or a code point past U+10FFFF.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int? {
        var k = range.lowerBound
        while k < range.upperBound {
            let lead = bytes[k]
            if lead < 0x80 {
                k += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                (length, high) = (3, 0x9F)
            case 0xF0:
                (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4:
                (length, high) = (4, 0x8F)
            default: return k
            }
            guard k + length <= range.upperBound else { return k }
            guard (low...high).contains(bytes[k + 1]) else { return k }
            for j in 2..<length where !(0x80...0xBF).contains(bytes[k + j]) { return k }
            k += length
        }
        return nil
    }

    private static func name(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A value as received for the quarantine table: its UTF-8 as text, every byte that is not as `\xNN`, and no
    /// more than 200 bytes.
    private static func shown(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, bad: Int) -> String {
        let end = min(range.upperBound, max(range.lowerBound + 200, bad + 8))
        var text = ""
        var k = range.lowerBound
        while k < end {
            if let invalid = firstInvalidUTF8(bytes, in: k..<end) {
                text += String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<invalid]), as: UTF8.self)
                text += "\\x" + String(bytes[invalid], radix: 16, uppercase: true).leftPadded(to: 2)
                k = invalid + 1
            } else {
                text += String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<end]), as: UTF8.self)
                k = end
            }
        }
        return end < range.upperBound ? text + "…" : text
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
