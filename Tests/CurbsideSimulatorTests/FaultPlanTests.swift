import Testing

@testable import CurbsideSimulator

@Suite("Fault plan")
struct FaultPlanTests {
    @Test("applies each rule to the chosen matching requests, first rule first")
    func choosesFaults() {
        let plan = FaultPlan([
            .init(.status(429, retryAfter: "1"), requests: 0..<2, targetContains: "nc67"),
            .init(.dropConnection, requests: 2..<3),
        ])
        var counts = [0, 0]
        let targets = ["/resource/nc67.json", "/resource/nc67.json", "/api/views/x.json", "/resource/nc67.json"]
        let faults = targets.map { plan.fault(for: $0, counts: &counts) }
        #expect(faults == [.status(429, retryAfter: "1"), .status(429, retryAfter: "1"), .dropConnection, nil])
        #expect(counts == [3, 4])
    }

    @Test("the empty plan never faults")
    func none() {
        var counts: [Int] = []
        #expect(FaultPlan.none.fault(for: "/resource/x.json", counts: &counts) == nil)
    }
}
