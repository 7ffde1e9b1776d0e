import CurbsideModel
import CurbsideTestSupport
import Testing

@Suite struct FlatJSONTests {
    @Test func splitsThePortalsArrayIntoExactRowTexts() throws {
        let body = Array(("[" + #"{"a":"1","b":{"url":"x,}"}}"# + "\n," + #"{"a":"2"}"# + "]").utf8)
        let ranges = try FlatJSON.elementRanges(of: body)
        #expect(
            ranges.map { String(decoding: body[$0], as: UTF8.self) } == [
                #"{"a":"1","b":{"url":"x,}"}}"#, #"{"a":"2"}"#,
            ])
    }

    @Test func theSampleHasAThousandRows() throws {
        #expect(try FlatJSON.elementRanges(of: Fixtures.nycSampleRows()).count == 1000)
    }

    @Test(arguments: [
        (#"[{"a":"1"}"#, "malformed JSON at byte 10: the array ends before its closing ']' (truncated?)"),
        (#"[{"a":"1"#, "malformed JSON at byte 8: a string is not closed"),
        (#"[{"a":"1"},{"b":"#, "malformed JSON at byte 16: the page ends inside a row (truncated?)"),
        (#"[{"a":"1"},{"b":"2""#, "malformed JSON at byte 19: the row ends before its closing '}' (truncated?)"),
        (#"{"a":"1"}"#, "malformed JSON at byte 0: expected '[' at the start of the page"),
        (#"[] x"#, "malformed JSON at byte 3: unexpected text after the array"),
        ("", "malformed JSON at byte 0: expected '[' at the start of the page"),
    ])
    func truncatedOrMalformedPagesAreRefused(text: String, message: String) {
        #expect(throws: JSONSyntaxError.self) { try FlatJSON.elementRanges(of: Array(text.utf8)) }
        do { _ = try FlatJSON.elementRanges(of: Array(text.utf8)) } catch { #expect("\(error)" == message) }
    }

    @Test func readsFieldsOfEveryType() throws {
        let fields = try FlatJSON.dictionary(
            of: #"{"s":"a\"b\u00e9","n":12.5,"t":true,"z":null,"o":{"k":[1,2]},"e":""}"#)
        #expect(fields["s"] == .string("a\"bé"))
        #expect(fields["n"] == .number("12.5"))
        #expect(fields["t"] == .bool(true))
        #expect(fields["z"] == JSONField.null)
        #expect(fields["o"] == .raw(#"{"k":[1,2]}"#))
        #expect(fields["e"] == .string(""))
    }

    /// Cleaning's reader: only the wanted keys are decoded, as `dictionary(of:)` would give them.
    /// Found by fuzzing: a high surrogate followed by an escape that is not a low surrogate trapped on the
    /// subtraction that combines the pair, in the record id ingestion reads from every row.
    @Test(
        "a surrogate without its other half is U+FFFD, and what follows it is read on its own",
        arguments: [
            (#""\ud83d\u0041""#, "\u{FFFD}A"), (#""\ud83d\ud83d\ude00""#, "\u{FFFD}😀"), (#""\ude00x""#, "\u{FFFD}x"),
            (#""\ud83dx""#, "\u{FFFD}x"), (#""\ud83d\ude00""#, "😀"), (#""\ud83d\n""#, "\u{FFFD}\n"),
        ])
    func loneSurrogates(json: String, expected: String) throws {
        #expect(try FlatJSON.dictionary(of: #"{"s":"# + json + "}")["s"] == .string(expected))
        let page = Array(("[{\"summons_number\": " + json + "}]").utf8)
        let rows = try FlatJSON.scanRows(of: page, idKey: Array("summons_number".utf8)) { _, _, _ in }
        #expect(rows.map(\.recordID) == [expected])
    }

    @Test func selectReadsTheWantedKeysAsTheDictionaryDoes() throws {
        let row = Array(
            #"{"b": "2", "skip": {"url": "x,}", "n": [1, 2]}, "a": "1", "c\u0061": null, "n": 5.5, "a": "last", "t": true}"#
                .utf8)
        let keys = FlatJSON.Keys(["a", "b", "ca", "n", "t", "missing", "skip"])
        let selected = try FlatJSON.select(keys, from: row[...])
        let dictionary = try FlatJSON.dictionary(of: row[...])
        #expect(selected == ["a", "b", "ca", "n", "t", "missing", "skip"].map { dictionary[$0] })
        #expect(selected[0] == .string("last"))
        #expect(selected[2] == .null)
        #expect(selected[3] == .number("5.5"))
        #expect(selected[5] == nil)
        #expect(selected[6] == .raw(#"{"url": "x,}", "n": [1, 2]}"#))
    }

    @Test(arguments: [#"[1, 2]"#, #""text""#, #"{"a": "1""#, #"{"a" "1"}"#, #"{a: "1"}"#])
    func selectRefusesWhatIsNotAnObject(text: String) {
        #expect(throws: JSONSyntaxError.self) { try FlatJSON.select(FlatJSON.Keys(["a"]), from: Array(text.utf8)[...]) }
    }
}
