import CurbsideSimulator
import Testing

@testable import CurbsideCommands

@Suite struct FaultPlanFileTests {
    @Test(.timeLimit(.minutes(1))) func anAliasBombIsRefusedBeforeComposing() {
        let bomb =
            (["- &a0 {fault: drop}"] + (1..<30).map { "- &a\($0) [*a\($0 - 1), *a\($0 - 1)]" } + ["- {? *a29 : 1}"])
            .joined(separator: "\n")
        do {
            _ = try FaultPlanFile.plan(yaml: bomb, file: "faults.yml")
            Issue.record("the alias bomb was read")
        } catch {
            #expect("\(error)".hasPrefix("faults.yml:1: an anchor (&a0) at line 1, column 3: YAML anchors and aliases"))
        }
    }

    @Test func readsEveryFaultClass() throws {
        let plan = try FaultPlanFile.plan(
            yaml: """
                - {fault: status, status: 429, retry_after: "2", match: nc67-uf89, first: 1, count: 2}
                - {fault: truncated, bytes: 50}
                - {fault: drop}
                - {fault: delay, seconds: "0.5"}
                - {fault: malformed}
                - {fault: duplicate, rows: 3}
                - {fault: extra_field, name: camera, value: x}
                - {fault: missing_field, name: violation}
                """, file: "f.yml")
        #expect(
            plan.rules.map(\.fault) == [
                .status(429, retryAfter: "2"), .truncatedBody(keepingBytes: 50), .dropConnection, .delay(seconds: 0.5),
                .malformedJSON, .duplicateRows(count: 3), .extraField(name: "camera", value: "x"),
                .missingField(name: "violation"),
            ])
        #expect(plan.rules[0].requests == 1..<3)
        #expect(plan.rules[0].targetContains == "nc67-uf89")
    }

    @Test(arguments: [
        (
            "- {fault: teleport}\n",
            "f.yml:1: 'fault' must be one of status, truncated, drop, delay, malformed, duplicate, extra_field, missing_field; found 'teleport'"
        ),
        ("- {fault: status, status: many}\n", "f.yml:1: 'status' must be a whole number, found 'many'"),
        (
            "- {fault: drop, colour: red}\n",
            "f.yml:1: 'colour' is not a fault setting; expected one of: bytes, count, fault, first, match, name, retry_after, rows, seconds, status, value"
        ),
        ("fault: drop\n", "f.yml: expected a list of fault rules"),
    ])
    func badFilesNameTheLine(yaml: String, message: String) {
        do {
            _ = try FaultPlanFile.plan(yaml: yaml, file: "f.yml")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
