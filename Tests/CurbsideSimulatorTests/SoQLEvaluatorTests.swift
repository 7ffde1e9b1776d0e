import Foundation
import Testing

@testable import CurbsideSimulator

@Suite("SoQL evaluator")
struct SoQLEvaluatorTests {
    private func ids(where condition: String, order: String? = nil) throws -> [String] {
        var parameters = [(name: "$where", value: condition)]
        if let order { parameters.append(("$order", order)) }
        let query = try SoQLQuery(parameters: parameters)
        let dataset = try SimulatorFixtures.tiny()
        return SimulatorFixtures.ids(try SoQLEvaluator(query: query, dataset: dataset).rowIndices(), in: dataset)
    }

    @Test(
        "filters rows like the portal: text compared as text, number columns as numbers, NULL as unknown",
        arguments: [
            ("name = 'alpha'", ["1"]),
            ("name != 'alpha'", ["2", "3", "5"]),  // row 4 has no name: NULL != 'alpha' is unknown
            ("name = 'O''Brien'", ["3"]),
            ("amount > 9", ["1", "3"]),  // numeric: as text "10" < "9"
            ("amount < '10'", ["2", "4"]),  // a quoted number against a number column is a number
            ("amount <= 9", ["2", "4"]),
            ("amount >= 100", ["3"]),
            ("amount = -5.5", ["4"]),
            ("name < 'b'", ["1", "3"]),  // byte order: 'O' sorts before 'b'
            ("day > '05/10/2025'", ["2", "3"]),  // textual, as NYC's issue_date: 12/31/2024 > 05/10/2025
            ("day >= '05/10/2025' AND day <= '05/10/2025'", ["1", "4"]),
            ("name IS NULL", ["4"]),
            ("name is not null", ["1", "2", "3", "5"]),
            ("amount IS NULL", ["5"]),
            ("link IS NOT NULL", ["1"]),
            ("name in ('alpha', 'gamma', 'zeta')", ["1", "5"]),
            ("name not in ('alpha')", ["2", "3", "5"]),
            ("amount between 9 and 10", ["1", "2"]),
            ("day between '05/10/2025' and '05/11/2025'", ["1", "2", "4"]),
            ("amount not between 0 and 50", ["3", "4"]),
            ("name = 'alpha' OR name = 'beta' AND amount > 50", ["1"]),
            ("(name = 'alpha' OR name = 'beta') AND amount > 5", ["1", "2"]),
            ("NOT name = 'alpha'", ["2", "3", "5"]),
            ("NOT (name = 'alpha' OR amount > 9)", ["2"]),  // row 4: NOT (NULL OR false) is unknown
            ("name = 'alpha' OR amount < 0", ["1", "4"]),  // TRUE OR unknown is true
            ("id = '3' OR day = '01/01/2026'", ["3", "5"]),
            (":id IS NOT NULL", ["1", "2", "3", "4", "5"]),
        ])
    func filters(condition: String, expected: [String]) throws {
        #expect(try ids(where: condition) == expected)
        // The same without the equality index: every row through the predicate.
        let dataset = try SimulatorFixtures.tiny()
        let evaluator = try SoQLEvaluator(query: try SoQLQuery(parameters: [("$where", condition)]), dataset: dataset)
        let all = evaluator.rows(matching: try SoQLParser.condition(from: condition))
        #expect(SimulatorFixtures.ids(all, in: dataset) == expected)
    }

    @Test(
        "orders by several fields, NULLs last ascending and first descending",
        arguments: [
            ("amount", ["4", "2", "1", "3", "5"]),
            ("amount DESC", ["5", "3", "1", "2", "4"]),
            ("name", ["3", "1", "2", "5", "4"]),
            ("name desc", ["4", "5", "2", "1", "3"]),
            ("day, id DESC", ["5", "4", "1", "2", "3"]),
            ("day DESC, amount", ["3", "2", "4", "1", "5"]),
        ])
    func orders(order: String, expected: [String]) throws {
        #expect(try ids(where: "id IS NOT NULL", order: order) == expected)
    }

    @Test(
        "a few rows sort the same as the whole dataset's kept order, filtered",
        arguments: ["county DESC, :id", "fine_amount, issue_date DESC", "violation"])
    func smallAndLargeSortsAgree(order: String) throws {
        let dataset = try SimulatorFixtures.nycSample()
        let day = "issue_date='10/21/2019'"
        func rows(_ parameters: [(name: String, value: String)]) throws -> [Int] {
            try SoQLEvaluator(query: try SoQLQuery(parameters: parameters + [("$limit", "50000")]), dataset: dataset)
                .rowIndices()
        }
        let direct = try rows([("$where", day), ("$order", order)])  // 34 rows: sorted on their own
        let whole = try rows([("$order", order)])  // 1,000 rows: the kept order
        let inDay = Set(try rows([("$where", day)]))
        #expect(direct.count == 34)
        #expect(direct == whole.filter(inDay.contains))
    }

    @Test("orders by :id in a fixed shuffled order that pages cleanly")
    func ordersBySystemID() throws {
        let dataset = try SimulatorFixtures.tiny()
        let rows = try SoQLEvaluator(query: try SoQLQuery(parameters: [("$order", ":id")]), dataset: dataset)
            .rowIndices()
        let ids = rows.map { SystemID.forIndex($0) }
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == 5)
        #expect(rows != Array(0..<5))
    }

    @Test(
        "refuses comparisons of mismatched types, naming the column and position",
        arguments: [
            (
                "name = 5",
                "Type mismatch: = cannot compare text column name with number 5; position: Map(row -> 1, column -> 1, line -> \"name = 5\")"
            ),
            (
                "amount = 'ten'",
                "Type mismatch: = cannot compare number column amount with text 'ten'; position: Map(row -> 1, column -> 1, line -> \"amount = 'ten'\")"
            ),
            (
                "id = '1' AND link = 'x'",
                "Type mismatch: = cannot compare url column link with text 'x'; position: Map(row -> 1, column -> 14, line -> \"id = '1' AND link = 'x'\")"
            ),
            (
                "name in ('a', 1)",
                "Type mismatch: IN cannot compare text column name with number 1; position: Map(row -> 1, column -> 1, line -> \"name in ('a', 1)\")"
            ),
        ])
    func typeMismatch(condition: String, message: String) {
        #expect(throws: SoQLError(reason: .typeMismatch, message: message)) { try ids(where: condition) }
    }

    @Test("refuses an unknown column in $where, $order or $select with its position")
    func noSuchColumn() throws {
        let dataset = try SimulatorFixtures.tiny()
        let cases: [([(name: String, value: String)], String)] = [
            (
                [("$where", "name = 'x' AND colour = 'red'")],
                "No such column: colour; position: Map(row -> 1, column -> 16, line -> \"name = 'x' AND colour = 'red'\")"
            ),
            (
                [("$order", "day, colour DESC")],
                "No such column: colour; position: Map(row -> 1, column -> 6, line -> \"day, colour DESC\")"
            ),
            (
                [("$select", "id,colour")],
                "No such column: colour; position: Map(row -> 1, column -> 4, line -> \"id,colour\")"
            ),
            ([("colour", "red")], "No such column: colour; position: Map(row -> 1, column -> 1, line -> \"colour\")"),
            // Field names are case-sensitive, as on the portal.
            (
                [("$where", "NAME = 'x'")],
                "No such column: NAME; position: Map(row -> 1, column -> 1, line -> \"NAME = 'x'\")"
            ),
        ]
        for (parameters, message) in cases {
            #expect(throws: SoQLError(reason: .noSuchColumn, message: message)) {
                try SoQLEvaluator(query: try SoQLQuery(parameters: parameters), dataset: dataset)
            }
        }
    }

    @Test("a day of real NYC rows is selected by issue_date equality, as the ingest asks for it")
    func realSampleDay() throws {
        let dataset = try SimulatorFixtures.nycSample()
        let rows =
            try JSONSerialization.jsonObject(with: Data(try SimulatorFixtures.nycSampleBytes())) as! [[String: Any]]
        let expected = rows.filter { $0["issue_date"] as? String == "10/21/2019" }.count
        let query = try SoQLQuery(parameters: [("$where", "issue_date='10/21/2019'"), ("$limit", "50000")])
        #expect(try SoQLEvaluator(query: query, dataset: dataset).rowIndices().count == expected)
        #expect(expected == 34)
    }
}
