import CurbsideClean
import CurbsideModel
import CurbsideTestSupport
import Testing

/// Every NYC cleaning rule, on rows taken from the real sample (samples/nyc/nc67-uf89.json),
/// altered only where a rule needs a value the sample lacks.
@Suite struct NYCCleanerTests {
    /// Summons 1465137087 of the sample: issued 01/02/2020 at 03:47P, $65 + $10 penalty, $75 due, no status.
    static let realRow = #"""
        {"plate": "JBN6175", "state": "NY", "license_type": "PAS", "summons_number": "1465137087", "issue_date": "01/02/2020", "violation_time": "03:47P", "violation": "INSP. STICKER-EXPIRED/MISSING", "fine_amount": "65", "penalty_amount": "10", "interest_amount": "0", "reduction_amount": "0", "payment_amount": "0", "amount_due": "75", "precinct": "046", "county": "BX", "issuing_agency": "POLICE DEPARTMENT", "summons_image": {"url": "http://nycserv.nyc.gov/NYCServWeb/ShowImage?searchID=VFZSUk1rNVVSWHBPZWtFMFRuYzlQUT09&locationName=_____________________", "description": "View Summons"}}
        """#
    static let day = Day(iso: "2020-01-02")!

    static func fields(replacing changes: [String: String?]) throws -> [String: JSONField] {
        var fields = try FlatJSON.dictionary(of: realRow)
        for (key, value) in changes { fields[key] = value.map { .string($0) } }
        return fields
    }

    @Test func theRealRowCleans() throws {
        let v = try NYCCleaner.clean(FlatJSON.dictionary(of: Self.realRow), partitionDay: Self.day).get()
        #expect(v.summonsNumber == "1465137087")
        #expect(v.issueDate == Self.day)
        #expect(v.violationTimeMinutes == 15 * 60 + 47)
        #expect(v.violation == "INSP. STICKER-EXPIRED/MISSING")
        #expect(v.violationStatus == "UNKNOWN")
        #expect([v.fineCents, v.penaltyCents, v.paymentCents, v.amountDueCents] == [6500, 1000, 0, 7500])
        #expect(v.judgmentEntryDate == nil)
        #expect(v.county == "BX")
    }

    /// Amounts: trim, strip `$` and `,`; missing or empty → 0; anything else → quarantine.
    @Test(arguments: [
        ("65", Int64(6500)), (" 65 ", 6500), ("$1,234.50", 123_450), ("105.72", 10572), ("0", 0), ("", 0),
        ("  ", 0), ("$", 0), ("-5.5", -550), ("12.345", 1235), ("$0.004", 0),
    ])
    func amounts(raw: String, cents: Int64) throws {
        let v = try NYCCleaner.clean(Self.fields(replacing: ["fine_amount": raw]), partitionDay: Self.day).get()
        #expect(v.fineCents == cents)
    }

    @Test(arguments: NYCCleaner.amountColumns)
    func aMissingAmountIsZero(column: String) throws {
        let v = try NYCCleaner.clean(Self.fields(replacing: [column: nil]), partitionDay: Self.day).get()
        let all = [v.fineCents, v.penaltyCents, v.interestCents, v.reductionCents, v.paymentCents, v.amountDueCents]
        #expect(all[NYCCleaner.amountColumns.firstIndex(of: column)!] == 0)
    }

    @Test(arguments: ["N/A", "12..5", "1 000", "12a", "--1", "(12.00)", ".", "1e5"])
    func aNonNumberGoesToQuarantine(raw: String) throws {
        let result = NYCCleaner.clean(try Self.fields(replacing: ["payment_amount": raw]), partitionDay: Self.day)
        #expect(throws: QuarantineReason(rule: "amount_not_a_number", column: "payment_amount", value: raw)) {
            try result.get()
        }
    }

    @Test(arguments: [
        ("13/45/2020", "issue_date_unparseable"), ("2020-01-02x", "issue_date_unparseable"),
        ("", "issue_date_unparseable"), ("01/03/2020", "issue_date_outside_partition"),
        ("05/14/2015", "issue_date_outside_partition"),
    ])
    func issueDateMustParseAndFallOnItsDay(raw: String, rule: String) throws {
        let result = NYCCleaner.clean(try Self.fields(replacing: ["issue_date": raw]), partitionDay: Self.day)
        #expect(throws: QuarantineReason(rule: rule, column: "issue_date", value: raw)) { try result.get() }
    }

    @Test func aMissingIssueDateIsQuarantined() throws {
        let result = NYCCleaner.clean(try Self.fields(replacing: ["issue_date": nil]), partitionDay: Self.day)
        #expect(throws: QuarantineReason(rule: "issue_date_unparseable", column: "issue_date", value: nil)) {
            try result.get()
        }
    }

    @Test func aMissingSummonsNumberIsQuarantined() throws {
        let result = NYCCleaner.clean(try Self.fields(replacing: ["summons_number": nil]), partitionDay: Self.day)
        #expect(throws: QuarantineReason(rule: "missing_summons_number", column: "summons_number", value: nil)) {
            try result.get()
        }
    }

    /// Real times from the sample and the cassette (`00:00A`), and broken ones that become null.
    @Test(arguments: [
        ("11:26A", 686), ("03:47P", 947), ("12:33P", 753), ("12:10A", 10), ("00:00A", 0), ("11:59P", 1439),
        ("  09:05A ", 545),
    ])
    func violationTimes(raw: String, minutes: Int) { #expect(NYCCleaner.minutesAfterMidnight(raw) == minutes) }

    @Test(arguments: ["13:00P", "12:60A", "1126A", "11:26", "11:26X", "", "ab:cdP"])
    func brokenTimesAreNull(raw: String) { #expect(NYCCleaner.minutesAfterMidnight(raw) == nil) }

    @Test(arguments: [
        ("HEARING HELD-GUILTY", "HEARING HELD-GUILTY"), ("  hearing held-not guilty ", "HEARING HELD-NOT GUILTY"),
        ("", "UNKNOWN"),
    ])
    func statusIsTrimmedAndUpperCased(raw: String, status: String) throws {
        let v = try NYCCleaner.clean(Self.fields(replacing: ["violation_status": raw]), partitionDay: Self.day).get()
        #expect(v.violationStatus == status)
    }

    @Test func missingStatusAndViolationAreUnknown() throws {
        let v = try NYCCleaner.clean(
            Self.fields(replacing: ["violation_status": nil, "violation": nil]), partitionDay: Self.day
        ).get()
        #expect(v.violationStatus == "UNKNOWN")
        #expect(v.violation == "UNKNOWN")
    }

    @Test func violationIsTrimmedNotUpperCased() throws {
        let v = try NYCCleaner.clean(Self.fields(replacing: ["violation": "  No Standing "]), partitionDay: Self.day)
            .get()
        #expect(v.violation == "No Standing")
    }

    @Test func judgmentDateIsKeptAsISO() throws {
        let v = try NYCCleaner.clean(
            Self.fields(replacing: ["judgment_entry_date": "08/13/2015"]), partitionDay: Self.day
        ).get()
        #expect(v.judgmentEntryDate == "2015-08-13")
    }

    /// All 1,000 sample rows clean on their own day: the rules reject nothing the real portal sent.
    @Test func everyRealSampleRowCleansOnItsOwnDay() throws {
        let body = try Fixtures.nycSampleRows()
        var cleaned = 0
        for range in try FlatJSON.elementRanges(of: body) {
            let fields = try FlatJSON.dictionary(of: String(decoding: body[range], as: UTF8.self))
            let day = try #require(Day(usSlashed: fields["issue_date"]?.text ?? ""))
            if case .success = NYCCleaner.clean(fields, partitionDay: day) { cleaned += 1 }
        }
        #expect(cleaned == 1000)
    }
}

/// A row is cleaned from its JSON bytes (plain ASCII trimmed and upper-cased in place, anything else through a
/// String): every kind of value the portal could send reads as the rules say.
@Suite struct NYCCleanerBytesTests {
    static let day = Day(iso: "2020-01-02")!

    /// The sample's row 1465137087 with `changes` (each a member's JSON text, or nil to drop it) as JSON bytes.
    static func row(_ changes: [String: String?]) throws -> [UInt8] {
        var members: [String: String] = [:]
        for (key, value) in try FlatJSON.fields(of: Array(NYCCleanerTests.realRow.utf8)) {
            members[key] = JSONString.quoted(value.text ?? "")
        }
        for (key, value) in changes { members[key] = value }
        let text = members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
        return Array("{\(text)}".utf8)
    }

    static func clean(_ changes: [String: String?]) throws -> Result<NYCViolation, QuarantineReason> {
        try NYCCleaner.clean(json: row(changes), partitionDay: day)
    }

    @Test func unicodeWhiteSpaceIsTrimmedAndNonASCIIStatusUpperCased() throws {
        let v = try Self.clean([
            "violation": #""\u00a0No Standing\u2003""#, "violation_status": "\"héld \"", "plate": "\"\u{00A0}ÅB1\"",
        ]).get()
        #expect(v.violation == "No Standing")
        #expect(v.violationStatus == "HÉLD")
        #expect(v.plate == "ÅB1")
    }

    @Test func asciiControlWhiteSpaceIsTrimmedInPlace() throws {
        // Raw tab, vertical tab and carriage return bytes inside the quotes (the scanner takes them as they are).
        let v = try Self.clean(["plate": "\"\t X1 \u{0B}\r\"", "state": "\" \u{01}NY \""]).get()
        #expect(v.plate == "X1")
        #expect(v.state == "\u{01}NY")
    }

    @Test func invalidUTF8IsRepairedAsAStringWouldBe() throws {
        var bytes = try Self.row(["plate": "\"AB~C\""])
        let x = try #require(bytes.firstIndex(of: UInt8(ascii: "~")))
        bytes[x] = 0xFF
        let v = try NYCCleaner.clean(json: bytes, partitionDay: Self.day).get()
        #expect(v.plate == "AB\u{FFFD}C")
    }

    @Test func escapedNumberAndBooleanValues() throws {
        let v = try Self.clean([
            "summons_number": "1465137087", "violation": #""NO \"STANDING\"""#, "fine_amount": "65.5",
            "penalty_amount": #""\u0031\u0030""#, "plate": "true", "state": #"{"a": 1}"#, "county": "null",
            "violation_time": #""\u00303:47P""#,
        ]).get()
        #expect(v.summonsNumber == "1465137087")
        #expect(v.violation == #"NO "STANDING""#)
        #expect(v.fineCents == 6550)
        #expect(v.penaltyCents == 1000)
        #expect(v.plate == "true")
        #expect(v.state == nil)
        #expect(v.county == nil)
        #expect(v.violationTimeMinutes == 15 * 60 + 47)
    }

    @Test func anAmountThatIsABooleanOrObjectIsQuarantinedWithItsText() throws {
        #expect(
            try Self.clean(["interest_amount": "false"])
                == .failure(.init(rule: "amount_not_a_number", column: "interest_amount", value: "false")))
        #expect(
            try Self.clean(["amount_due": #"[1]"#])
                == .failure(.init(rule: "amount_not_a_number", column: "amount_due", value: "[1]")))
    }

    @Test func datesInOtherForms() throws {
        let v = try Self.clean([
            "issue_date": #"" 2020-01-02T00:00:00.000 ""#, "judgment_entry_date": #""2015-08-13T00:00:00.000""#,
        ]).get()
        #expect(v.issueDate == Self.day)
        #expect(v.judgmentEntryDate == "2015-08-13")
        #expect(try Self.clean(["judgment_entry_date": #"" soon ""#]).get().judgmentEntryDate == "soon")
        #expect(
            try Self.clean(["issue_date": #"" 01/03/2020""#])
                == .failure(.init(rule: "issue_date_outside_partition", column: "issue_date", value: " 01/03/2020")))
        #expect(
            try Self.clean(["issue_date": "20200102"])
                == .failure(.init(rule: "issue_date_unparseable", column: "issue_date", value: "20200102")))
    }

    @Test func aRowThatIsNotAnObjectThrows() {
        #expect(throws: JSONSyntaxError.self) {
            try NYCCleaner.clean(json: Array(#"{"summons_number": "1""#.utf8), partitionDay: Self.day)
        }
    }
}
