import CurbsideCharts
import CurbsideModel
import Testing

@Suite("Value formats")
struct ValueFormatTests {
    @Test(
        "display text for tables and values",
        arguments: [
            (ValueFormat.money, SQLValue.real(1234.56), "$1,234.56"),
            (.money, .real(1234.5), "$1,234.50"),
            (.money, .integer(0), "$0.00"),
            (.money, .real(-0.001), "$0.00"),
            (.money, .real(-1234.5), "-$1,234.50"),
            (.money, .real(3_205_996), "$3,205,996.00"),
            (.money, .text("12.5"), "$12.50"),
            (.money, .text("n/a"), "n/a"),
            (.integer, .integer(1234), "1,234"),
            (.integer, .integer(999), "999"),
            (.integer, .integer(1_000_000), "1,000,000"),
            (.integer, .real(1234.5), "1,235"),
            (.integer, .integer(-4321), "-4,321"),
            (.percent, .real(41.775077386247524), "41.78%"),
            (.percent, .integer(100), "100.00%"),
            (.decimal, .real(1234.5), "1,234.50"),
            (.decimal, .real(0.125), "0.13"),
            (.date, .text("2025-05-10"), "May 10, 2025"),
            (.date, .text("2025-12-31T00:00:00"), "Dec 31, 2025"),
            (.date, .text("soon"), "soon"),
            (.text, .text("<b>"), "<b>"),
            (.text, .integer(7), "7"),
            (.money, .real(1e308), "$1e+308"),
            (.integer, .real(-1e19), "-1e+19"),
            (.money, .null, "—"),
            (.text, .null, "—"),
        ])
    func display(format: ValueFormat, value: SQLValue, expected: String) {
        #expect(format.format(value) == expected)
    }

    @Test(
        "tick labels share one unit and one number of decimals",
        arguments: [
            (ValueFormat.money, [0.0, 1_000_000, 2_000_000, 3_000_000], ["$0", "$1M", "$2M", "$3M"]),
            (.money, [0.0, 500_000, 1_000_000, 1_500_000], ["$0", "$0.5M", "$1M", "$1.5M"]),
            (.money, [0.0, 1_000, 2_000, 3_000, 4_000], ["$0", "$1,000", "$2,000", "$3,000", "$4,000"]),
            (.money, [0.0, 2.5, 5, 7.5], ["$0", "$2.5", "$5", "$7.5"]),
            (.integer, [0.0, 10_000, 20_000], ["0", "10,000", "20,000"]),
            (.integer, [0.0, 1_000_000, 2_000_000], ["0", "1M", "2M"]),
            (.percent, [0.0, 20, 40, 60], ["0%", "20%", "40%", "60%"]),
            (.decimal, [0.0, 0.25, 0.5], ["0", "0.25", "0.5"]),
            (.money, [-1_000.0, 0, 1_000], ["-$1,000", "$0", "$1,000"]),
        ])
    func ticks(format: ValueFormat, ticks: [Double], expected: [String]) {
        #expect(format.tickLabels(ticks) == expected)
    }

    @Test("a column's default format follows its values")
    func inferred() {
        #expect(ValueFormat.inferred(from: [.integer(1), .null]) == .integer)
        #expect(ValueFormat.inferred(from: [.integer(1), .real(2.5)]) == .decimal)
        #expect(ValueFormat.inferred(from: [.text("2025-05-10")]) == .date)
        #expect(ValueFormat.inferred(from: [.text("x"), .integer(1)]) == .text)
        #expect(ValueFormat.inferred(from: []) == .text)
    }

    @Test("dates in words, without locale")
    func dates() {
        let day = Day(year: 2025, month: 5, day: 10)!
        #expect(DateText.short(day) == "May 10")
        #expect(DateText.long(day) == "May 10, 2025")
        #expect(DateText.withWeekday(day) == "Sat, May 10, 2025")
    }
}
