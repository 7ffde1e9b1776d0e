import Testing

@testable import CurbsideCharts

/// Labels are cut to their width in one pass: the cut that removed one character at a time and measured the whole
/// label again took 30 s for a label of 10,000 characters and minutes for 40,000.
@Suite struct TruncationTests {
    /// The cut as it was first written: the longest prefix that fits with an ellipsis, found from the end.
    static func reference(_ text: String, toWidth maximumWidth: Double) -> String {
        guard ChartMetrics.width(of: text) > maximumWidth else { return text }
        var kept = Substring(text)
        while !kept.isEmpty && ChartMetrics.width(of: String(kept) + "…") > maximumWidth { kept = kept.dropLast() }
        return kept.trimmingTrailingSpaces() + "…"
    }

    @Test(arguments: [
        "", "A", "PHTO SCHOOL ZN SPEED VIOLATION", "NO PARKING-STREET CLEANING", "FAIL TO DSPLY MUNI METER RECPT",
        "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii", "WWWWWWWWWWWWWWWWWW", "a b c d e f g h i j k l m n o",
        "Ünïcödé çhäråctérs ✓✓",
        "ends in spaces      ", String(repeating: "MW", count: 40),
    ])
    func cutsWhereTheFirstCutDid(label: String) {
        for width in [0.0, 5, 9.62, 10, 40, 80, 110, 200, 1_000] {
            #expect(ChartMetrics.truncated(label, toWidth: width) == Self.reference(label, toWidth: width))
        }
    }

    @Test(.timeLimit(.minutes(1))) func aLabelOfAMillionCharactersIsCutAtOnce() {
        let label = String(repeating: "NO STANDING-DAY/TIME LIMITS ", count: 40_000)
        let cut = ChartMetrics.truncated(label, toWidth: 110)
        #expect(cut == Self.reference(String(label.prefix(40)), toWidth: 110))
        #expect(cut.hasSuffix("…"))
    }
}
