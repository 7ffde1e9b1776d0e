import CurbsideClean
import Foundation
import Testing

/// Rows are screened before cleaning: bytes that are not UTF-8 (which decoding would turn into U+FFFD, a made-up
/// category) and texts past the limit go to quarantine, naming the column.
@Suite struct RowScreenTests {
    static func problem(_ bytes: [UInt8], limit: Int = 4_096) -> QuarantineReason? {
        bytes.withUnsafeBufferPointer { RowScreen.problem(in: $0, maxTextBytes: limit) }
    }

    static func row(violation: [UInt8]) -> [UInt8] {
        Array(#"{"summons_number": "1", "violation": ""#.utf8) + violation + Array(#"", "county": "NY"}"#.utf8)
    }

    @Test(arguments: [
        ([0xFF], "\\xFF"),
        ([0x80], "\\x80"),
        ([0xC0, 0x80], "\\xC0\\x80"),
        ([0xE0, 0x80, 0x80], "\\xE0\\x80\\x80"),
        ([0xED, 0xA0, 0x80], "\\xED\\xA0\\x80"),
        ([0xF4, 0x90, 0x80, 0x80], "\\xF4\\x90\\x80\\x80"),
        ([0xF5, 0x80, 0x80, 0x80], "\\xF5\\x80\\x80\\x80"),
        ([0xE2, 0x82], "\\xE2\\x82"),
    ])
    func bytesThatAreNotUTF8AreQuarantinedByColumn(bad: [UInt8], shown: String) {
        let reason = Self.problem(Self.row(violation: Array("NO P".utf8) + bad + Array("ARKING".utf8)))
        #expect(reason?.rule == "invalid_utf8")
        #expect(reason?.column == "violation")
        // Every byte that breaks UTF-8 is shown; the text around it as it was.
        let value = reason?.value ?? ""
        #expect(value.hasPrefix("NO P"))
        #expect(value.hasSuffix("ARKING"))
        #expect(value.contains(shown.prefix(4)))
    }

    @Test(arguments: ["PHTO SCHOOL ZN SPEED VIOLATION", "Ünïcödé ✓", "日本語", "😀 emoji", "tab\\tescaped \\u00e9"])
    func utf8AndEscapesPass(text: String) {
        #expect(Self.problem(Self.row(violation: Array(text.utf8))) == nil)
    }

    @Test func aTextLongerThanTheLimitIsQuarantinedWithItsLength() {
        let long = [UInt8](repeating: 0x58, count: 5_000)
        let reason = Self.problem(Self.row(violation: long))
        #expect(reason?.rule == "text_too_long")
        #expect(reason?.column == "violation")
        #expect(reason?.value == String(repeating: "X", count: 200) + "… (5000 bytes)")
        #expect(Self.problem(Self.row(violation: long), limit: 5_000) == nil)
        // Keys and nested values count too; the column is the top-level key.
        let nested = Array(#"{"location": {"type": ""#.utf8) + long + Array(#""}, "a": 1}"#.utf8)
        #expect(Self.problem(nested)?.column == "location")
    }

    @Test func aKeyThatIsNotUTF8IsQuarantinedWithoutAColumn() {
        let row = Array(#"{"viol"#.utf8) + [0xFF] + Array(#"ation": "X"}"#.utf8)
        let reason = Self.problem(row)
        #expect(reason?.rule == "invalid_utf8")
        #expect(reason?.column == nil)
        #expect(reason?.value == "viol\\xFFation")
    }
}
