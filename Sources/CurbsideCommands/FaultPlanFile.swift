import CurbsideModel
import CurbsideSimulator
import Yams

/// A faults file for `curbside simulate --faults FILE`: a list of rules, each applied to the
/// `first`…`first + count − 1` requests (0-based) whose target contains `match`.
///
///     - fault: status        # status, truncated, drop, delay, malformed, duplicate, extra_field, missing_field
///       status: 429
///       retry_after: "2"
///       match: nc67-uf89
///       first: 0
///       count: 2
enum FaultPlanFile {
    static func plan(yaml: String, file: String) throws -> FaultPlan {
        if let alias = YAMLAliases.first(in: yaml) {
            throw CommandError(.badConfig("\(file):\(alias.line): \(alias)"))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw CommandError(.badConfig("\(file): not valid YAML: \(error)"))
        }
        guard let node else { return .none }
        guard case .sequence(let items) = node else {
            throw CommandError(.badConfig("\(file): expected a list of fault rules"))
        }
        return FaultPlan(try items.map { try rule($0, file: file) })
    }

    static func rule(_ node: Node, file: String) throws -> FaultPlan.Rule {
        let line = node.mark?.line ?? 0
        func fail(_ why: String) -> CommandError { CommandError(.badConfig("\(file):\(line): \(why)")) }
        guard case .mapping(let mapping) = node else { throw fail("a fault rule must be a mapping") }
        var values: [String: String] = [:]
        for (key, value) in mapping {
            guard let k = key.string, let v = value.string else { throw fail("keys and values must be plain text") }
            values[k] = v
        }
        let known: Set = [
            "fault", "status", "retry_after", "bytes", "seconds", "rows", "name", "value", "match", "first", "count",
        ]
        if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
            throw fail(
                "'\(unknown)' is not a fault setting; expected one of: \(known.sorted().joined(separator: ", "))")
        }
        func int(_ key: String, _ fallback: Int) throws -> Int {
            guard let text = values[key] else { return fallback }
            guard let n = Int(text), n >= 0 else { throw fail("'\(key)' must be a whole number, found '\(text)'") }
            return n
        }
        let fault: Fault
        switch values["fault"] {
        case "status": fault = .status(try int("status", 503), retryAfter: values["retry_after"])
        case "truncated": fault = .truncatedBody(keepingBytes: try int("bytes", 100))
        case "drop": fault = .dropConnection
        case "delay": fault = .delay(seconds: Double(values["seconds"] ?? "1") ?? 1)
        case "malformed": fault = .malformedJSON
        case "duplicate": fault = .duplicateRows(count: try int("rows", 1))
        case "extra_field": fault = .extraField(name: values["name"] ?? "extra", value: values["value"] ?? "")
        case "missing_field":
            guard let name = values["name"] else { throw fail("missing_field needs 'name'") }
            fault = .missingField(name: name)
        default:
            throw fail(
                "'fault' must be one of status, truncated, drop, delay, malformed, duplicate, extra_field, "
                    + "missing_field; found '\(values["fault"] ?? "")'")
        }
        let first = try int("first", 0)
        return FaultPlan.Rule(
            fault, requests: first..<(first + max(1, try int("count", 1))), targetContains: values["match"] ?? "")
    }
}
