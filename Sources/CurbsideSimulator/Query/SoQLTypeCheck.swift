/// Refuses comparisons the portal would refuse: a number against text that is not a number, text
/// against a number, and anything against a nested value (url, point, location).
struct SoQLTypeCheck {
    let dataset: SimulatedDataset
    let text: String

    func check(_ expression: SoQLExpression) throws(SoQLError) {
        switch expression {
        case .comparison(let left, let op, let right):
            try check(left, against: right, op.rawValue)
        case .isNull:
            return
        case .isIn(let operand, let list, _):
            for candidate in list { try check(operand, against: candidate, "IN") }
        case .between(let operand, let low, let high, _):
            try check(operand, against: low, "BETWEEN")
            try check(operand, against: high, "BETWEEN")
        case .and(let left, let right), .or(let left, let right):
            try check(left)
            try check(right)
        case .not(let inner):
            try check(inner)
        }
    }

    private enum Kind: String {
        case text, number, nested
    }

    private func check(_ left: SoQLOperand, against right: SoQLOperand, _ op: String) throws(SoQLError) {
        let (l, r) = (kind(of: left), kind(of: right))
        let offset = (left.columns + right.columns).first?.offset ?? 0
        if l == .nested || r == .nested {
            throw SoQLError.typeMismatch(
                "\(op) cannot compare \(describe(left)) with \(describe(right))", in: text, at: offset)
        }
        if l == r { return }
        // A quoted literal may stand for a number, as the portal casts '65' to 65 for a number column.
        for (number, other) in [(left, right), (right, left)] where kind(of: number) == .number {
            if case .text(let literal) = other, Double(literal) != nil { return }
        }
        throw SoQLError.typeMismatch(
            "\(op) cannot compare \(describe(left)) with \(describe(right))", in: text, at: offset)
    }

    private func kind(of operand: SoQLOperand) -> Kind {
        switch operand {
        case .text: return .text
        case .number: return .number
        case .column(let name, _):
            switch dataset.type(of: name) {
            case .number: return .number
            case .url, .point, .location: return .nested
            default: return .text
            }
        }
    }

    private func describe(_ operand: SoQLOperand) -> String {
        switch operand {
        case .column(let name, _): return "\((dataset.type(of: name) ?? .text).rawValue) column \(name)"
        case .text, .number: return "\(kind(of: operand).rawValue) \(operand)"
        }
    }
}
