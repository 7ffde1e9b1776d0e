import Testing

@testable import CurbsideSimulator

@Suite("Simulated dataset")
struct SimulatedDatasetTests {
    @Test("loads the real NYC sample: 1,000 rows, columns in order of appearance")
    func realSample() throws {
        let dataset = try SimulatorFixtures.nycSample()
        #expect(dataset.rowCount == 1000)
        #expect(
            dataset.columns.prefix(5).map(\.fieldName) == [
                "plate", "state", "license_type", "summons_number", "issue_date",
            ])
        #expect(dataset.columns.first { $0.fieldName == "summons_image" }?.type == .url)
        #expect(dataset.columns.first { $0.fieldName == "fine_amount" }?.type == .number)
        #expect(dataset.values(of: "plate")?[0] == .text("GPW1881"))
        #expect(dataset.values(of: "summons_image")?[0] == .structured)
        #expect(dataset.values(of: "violation_status")?.filter { $0 == nil }.count == 813)
        #expect(dataset.values(of: ":updated_at")?[999] == .text("2026-02-14T10:20:25.000Z"))
        #expect(dataset.values(of: "nope") == nil)
    }

    @Test("gives every row a distinct, stable system id")
    func systemIDs() {
        let ids = (0..<50_000).map(SystemID.forIndex)
        #expect(Set(ids).count == ids.count)
        #expect(SystemID.forIndex(0) == SystemID.forIndex(0))
        #expect(ids.allSatisfy { $0.count == 18 && $0.hasPrefix("row-") })
    }

    @Test("declared columns that no row has are still columns")
    func declaredOnly() throws {
        let dataset = try SimulatedDataset(
            id: "d", name: "D", rowsJSON: Array(#"[{"b":"1"}]"#.utf8),
            columnTypes: ["z": .number, "a": .calendarDate], rowsUpdatedAt: 0)
        #expect(dataset.values(of: "z") == [nil])
        #expect(
            dataset.columns == [
                .init(fieldName: "b", type: .text), .init(fieldName: "a", type: .calendarDate),
                .init(fieldName: "z", type: .number),
            ])
    }

    @Test(
        "refuses rows that are not a JSON array of objects, naming the dataset",
        arguments: [
            ("{}", "simulated dataset d: rows are not a JSON array of objects (expected a JSON array at byte 0)"),
            (
                "[{\"a\":\"1\"}",
                "simulated dataset d: rows are not a JSON array of objects (unterminated array at byte 10)"
            ),
            (
                "[{\"a\":\"1\"}] x",
                "simulated dataset d: rows are not a JSON array of objects (text after the array at byte 12)"
            ),
            ("[{\"a\":\"1\"},\n 5]", "simulated dataset d: row 1 is not a JSON object"),
        ])
    func refusesMalformed(text: String, message: String) {
        let error = #expect(throws: SimulatorError.self) {
            try SimulatedDataset(id: "d", name: "D", rowsJSON: Array(text.utf8), rowsUpdatedAt: 0)
        }
        #expect(error?.description == message)
    }

    @Test(
        "formats times like HTTP and Socrata",
        arguments: [
            (0, "Thu, 01 Jan 1970 00:00:00 GMT", "1970-01-01T00:00:00.000Z"),
            (1_771_064_425, "Sat, 14 Feb 2026 10:20:25 GMT", "2026-02-14T10:20:25.000Z"),
            (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT", "2000-02-29T00:00:00.000Z"),
            (-1, "Wed, 31 Dec 1969 23:59:59 GMT", "1969-12-31T23:59:59.000Z"),
        ])
    func civilTime(seconds: Int, http: String, iso: String) {
        #expect(CivilTime(unixSeconds: seconds).httpDate == http)
        #expect(CivilTime(unixSeconds: seconds).iso8601 == iso)
    }
}
