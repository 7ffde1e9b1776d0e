import Testing

@testable import CurbsideSimulator

@Suite("SoQL parser")
struct SoQLParserTests {
    @Test(
        "parses each operator and keyword, with SQL precedence",
        arguments: [
            ("issue_date = '05/10/2025'", "(issue_date = '05/10/2025')"),
            ("a != 'x'", "(a != 'x')"),
            ("a <> 'x'", "(a != 'x')"),
            ("a == 'x'", "(a = 'x')"),
            ("a < 1", "(a < 1)"),
            ("a <= 1.5", "(a <= 1.5)"),
            ("a > -3", "(a > -3)"),
            ("a >= 2e3", "(a >= 2e3)"),
            ("a = 'O''Brien'", "(a = 'O''Brien')"),
            ("a = ''", "(a = '')"),
            ("a IS NULL", "(a IS NULL)"),
            ("a is not null", "(a IS NOT NULL)"),
            ("a in ('x', 'y''z', 3)", "(a IN ('x', 'y''z', 3))"),
            ("a NOT IN ('x')", "(a NOT IN ('x'))"),
            ("a between 'a' and 'b'", "(a BETWEEN 'a' AND 'b')"),
            ("a not between 1 and 2", "(a NOT BETWEEN 1 AND 2)"),
            ("a = 1 AND b = 2 OR c = 3", "(((a = 1) AND (b = 2)) OR (c = 3))"),
            ("a = 1 or b = 2 and c = 3", "((a = 1) OR ((b = 2) AND (c = 3)))"),
            ("(a = 1 OR b = 2) AND c = 3", "(((a = 1) OR (b = 2)) AND (c = 3))"),
            ("NOT a = 1 AND b = 2", "((NOT (a = 1)) AND (b = 2))"),
            ("not (a = 1 or b = 2)", "(NOT ((a = 1) OR (b = 2)))"),
            ("a between 1 and 2 and b = 3", "((a BETWEEN 1 AND 2) AND (b = 3))"),
            (":id > 'row-2' AND :updated_at < '2026'", "((:id > 'row-2') AND (:updated_at < '2026'))"),
            ("`group` = 'x'", "(group = 'x')"),
            ("a='x'and b='y'", "((a = 'x') AND (b = 'y'))"),
            ("  ((a = 1))  ", "(a = 1)"),
        ])
    func parses(text: String, expected: String) throws {
        #expect(try SoQLParser.condition(from: text).description == expected)
    }

    @Test(
        "refuses malformed conditions with the portal's wording and position",
        arguments: [
            ("issue_date =", "at line 1 character 13: Expected an expression, but got end of input"),
            ("issue_date = 'x", "at line 1 character 14: Unterminated string"),
            ("a = 1 b = 2", "at line 1 character 7: Expected one of `AND', `OR' or end of input, but got `b'"),
            ("(a = 1", "at line 1 character 7: Expected `)', but got end of input"),
            ("a in (1, 2", "at line 1 character 11: Expected `)', but got end of input"),
            ("a ~ 1", "at line 1 character 3: Unexpected character `~'"),
            ("a IS 'x'", "at line 1 character 6: Expected `NULL', but got `'x''"),
            ("a between 1 or 2", "at line 1 character 13: Expected `AND', but got `or'"),
            ("AND a = 1", "at line 1 character 1: Expected an expression, but got `AND'"),
            ("", "at line 1 character 1: Expected an expression, but got end of input"),
            (
                "a",
                "at line 1 character 2: Expected an operator (`=', `!=', `<', `<=', `>', `>=', `IS', `IN', `BETWEEN'), but got end of input"
            ),
            ("a = 1\nAND b =", "at line 2 character 8: Expected an expression, but got end of input"),
        ])
    func refusesMalformed(text: String, expectedTail: String) {
        #expect(
            throws: SoQLError(reason: .malformed, message: "Could not parse SoQL query \"\(text)\" \(expectedTail)")
        ) {
            try SoQLParser.condition(from: text)
        }
    }

    @Test("parses $order lists with directions in any case")
    func ordering() throws {
        let terms = try SoQLParser.ordering(from: "issue_date DESC, :id, fine_amount asc")
        #expect(terms.map(\.column) == ["issue_date", ":id", "fine_amount"])
        #expect(terms.map(\.descending) == [true, false, false])
        #expect(terms.map(\.offset) == [0, 17, 22])
    }

    @Test("refuses an $order that is not a list of columns")
    func badOrdering() {
        #expect(throws: SoQLError.self) { try SoQLParser.ordering(from: "a DESC b") }
        #expect(throws: SoQLError.self) { try SoQLParser.ordering(from: "a,") }
    }

    @Test("parses $select lists, and * as every column")
    func selection() throws {
        #expect(try SoQLParser.selection(from: "*") == nil)
        #expect(try SoQLParser.selection(from: "plate, :id")?.map(\.name) == ["plate", ":id"])
        #expect(throws: SoQLError.self) { try SoQLParser.selection(from: "count(*)") }
    }
}
