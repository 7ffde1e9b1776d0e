import CurbsideModel
import Testing

@Suite struct DayTests {
    @Test(arguments: [
        ("1970-01-01", 0, 5), ("2025-05-10", 20218, 7), ("2025-05-11", 20219, 1), ("2000-02-29", 11016, 3),
        ("1969-12-31", -1, 4),
    ])
    func isoRoundTripsAndWeekday(text: String, ordinal: Int, weekday: Int) throws {
        let day = try #require(Day(iso: text))
        #expect(day.ordinal == ordinal)
        #expect(day.iso == text)
        #expect(day.weekday == weekday)
    }

    @Test(arguments: [
        "2025-02-29", "2025-13-01", "2025-5-1", "20250501", "", "2025-05-10T00:00", "2025-+5-01", "+025-05-01",
        "2025-05-1 ", "２025-05-01",
    ])
    func rejectsBadISO(text: String) { #expect(Day(iso: text) == nil) }

    @Test(arguments: [("05/10/2025", "2025-05-10"), ("12/31/1999", "1999-12-31")])
    func readsUSSlashed(text: String, iso: String) {
        #expect(Day(usSlashed: text)?.iso == iso)
        #expect(Day(usSlashed: "x\(text)x".dropFirst().dropLast())?.iso == iso, "a substring reads the same")
    }

    @Test(arguments: ["5/10/2025", "05/10/25", "13/01/2025", "05-10-2025", "+5/10/2025", "05/1 /2025", "05/10/-025"])
    func rejectsBadUSSlashed(text: String) { #expect(Day(usSlashed: text) == nil) }

    /// pandas' resample('W') labels a week by the Sunday that ends it; the reference weekly file
    /// starts with 2025-05-11 for the days 2025-05-10 (Saturday) and 2025-05-11 (Sunday).
    @Test(arguments: [("2025-05-10", "2025-05-11"), ("2025-05-11", "2025-05-11"), ("2025-05-12", "2025-05-18")])
    func weekEndsOnSunday(day: String, sunday: String) {
        #expect(Day(iso: day)!.weekEndingSunday.iso == sunday)
    }
}

@Suite struct HundredthsTests {
    @Test(arguments: [(Int64(123456), "1234.56"), (5, "0.05"), (-5, "-0.05"), (0, "0.00"), (100, "1.00")])
    func formats(value: Int64, text: String) { #expect(Hundredths.text(value) == text) }

    @Test(arguments: [
        (Int64(1), Int64(3), Int64(3333)), (2, 3, 6667), (1, 8, 1250), (1, 0, 0), (1_339_307_31, 3_205_996_00, 4178),
    ])
    func percentages(numerator: Int64, denominator: Int64, hundredths: Int64) {
        #expect(Hundredths.percentage(numerator, of: denominator) == hundredths)
    }
}

@Suite struct CSVTextTests {
    @Test func quotesOnlyWhatNeedsIt() {
        var csv = CSVText(header: ["a", "b"])
        csv.append([.text("NO PARKING-DAY/TIME LIMITS"), .plain("12.50")])
        csv.append([.text("say \"hi\", then"), .plain("1")])
        csv.append([.text("=cmd()"), .plain("2")])
        #expect(csv.text == "a,b\nNO PARKING-DAY/TIME LIMITS,12.50\n\"say \"\"hi\"\", then\",1\n'=cmd(),2\n")
    }

    @Test("a scanned row is written as its cells would be: whole reals as integers, texts guarded and quoted")
    func scannedRows() throws {
        let row: [SQLValue] = [
            .null, .integer(-3), .real(50.0), .real(2.5), .text("=x"), .text("a,b"), .text("say \"hi\""), .text("é"),
            .text(""), .text("-1,2"),
        ]
        var fromCells = CSVText(header: ["a"])
        fromCells.append(
            row.map { value in
                switch value {
                case .null: .plain("")
                case .integer, .real: .plain(value.number.map { $0 == $0.rounded() ? String(Int64($0)) : String($0) }!)
                case .text(let text): .text(text)
                }
            })
        let runner = OneRowRunner(row: row)
        var scanned = CSVText(header: ["a"])
        try runner.scan("SELECT") { scanned.append($0) }
        #expect(scanned == fromCells)
        #expect(scanned.text == "a\n,-3,50,2.5,'=x,\"a,b\",\"say \"\"hi\"\"\",é,,\"'-1,2\"\n")
    }

    /// "\r\n" is one Swift character, neither "\r" nor "\n": a field holding it is still quoted.
    @Test func quotesAWindowsLineEnd() {
        var csv = CSVText(header: ["a"])
        csv.append([.text("two\r\nlines")])
        #expect(csv.text == "a\n\"two\r\nlines\"\n")
    }
}

/// Answers every query with one row.
private struct OneRowRunner: QueryRunner {
    let row: [SQLValue]
    func run(_ sql: String) throws -> QueryTable { QueryTable(columns: row.indices.map { "c\($0)" }, rows: [row]) }
}
