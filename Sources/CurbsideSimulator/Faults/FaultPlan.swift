/// Which requests the simulator answers with a fault. Empty by default: a healthy portal.
///
/// Each rule counts the requests whose target contains its `targetContains` text, in arrival order
/// from 0, and applies its fault to those whose number falls in `requests`. The first rule that
/// applies wins; every matching rule counts every matching request.
public struct FaultPlan: Sendable {
    /// One rule of the plan.
    public struct Rule: Sendable, Equatable {
        public var fault: Fault
        /// Which matching requests get the fault: `0..<2` for the first two.
        public var requests: Range<Int>
        /// Text the raw request target (path and query, as sent) must contain; empty matches all.
        public var targetContains: String

        /// - Parameters:
        ///   - fault: what goes wrong.
        ///   - requests: which of the matching requests it happens to (0-based); the first by default.
        ///   - targetContains: text the request target must contain; empty matches every request.
        public init(_ fault: Fault, requests: Range<Int> = 0..<1, targetContains: String = "") {
            self.fault = fault
            self.requests = requests
            self.targetContains = targetContains
        }
    }

    public var rules: [Rule]

    /// A plan of rules, tried in order.
    public init(_ rules: [Rule] = []) {
        self.rules = rules
    }

    /// No faults.
    public static let none = FaultPlan()

    /// The fault for the next request to `target`, given how many matching requests each rule has
    /// seen so far (`counts` has one entry per rule and is advanced here).
    func fault(for target: String, counts: inout [Int]) -> Fault? {
        var chosen: Fault?
        for (index, rule) in rules.enumerated()
        where rule.targetContains.isEmpty || target.contains(rule.targetContains) {
            if chosen == nil, rule.requests.contains(counts[index]) { chosen = rule.fault }
            counts[index] += 1
        }
        return chosen
    }
}
