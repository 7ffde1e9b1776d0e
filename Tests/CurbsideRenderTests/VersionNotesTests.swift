import CurbsideModel
import CurbsideRender
import Testing

@Suite("What changed since the previous version")
struct VersionNotesTests {
    @Test(arguments: [
        ("$1,204,330.00", "$1,205,534.50", "+$1,204.50"),
        ("$10.00", "$9.99", "−$0.01"),
        ("41.78%", "41.36%", "−0.42 pts"),
        ("219", "1,219", "+1,000"),
        ("31", "31", "no change"),
        ("1.5", "2", "+0.50"),
    ])
    func deltasAreWrittenLikeTheFigures(old: String, new: String, delta: String) {
        #expect(VersionNotes.delta(from: old, to: new) == delta)
    }

    @Test(arguments: [("$1.00", "1%"), ("n/a", "3"), ("3", "<b>"), ("1.234", "2"), ("", "1")])
    func figuresOfDifferentKindsHaveNoDelta(old: String, new: String) {
        #expect(VersionNotes.delta(from: old, to: new) == nil)
    }

    @Test func eachFigureIsComparedWithTheSameLabelOfThePreviousVersion() {
        let notes = VersionNotes(
            headline: [("Fines", "$20.00"), ("New figure", "3")],
            previous: (VersionID("2019-11-22-abc"), Day(iso: "2019-11-22")!, [("Fines", "$15.00"), ("Gone", "1")]))
        #expect(notes.previousID == VersionID("2019-11-22-abc"))
        #expect(notes.changes.map(\.delta) == ["+$5.00", nil])
        #expect(notes.changes.map(\.previous) == ["$15.00", nil])
        let first = VersionNotes(headline: [("Fines", "$20.00")], previous: nil)
        #expect(first.previousID == nil)
        #expect(first.changes.map(\.delta) == [nil])
    }
}
