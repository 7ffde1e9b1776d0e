/// A `$where` condition bound to a dataset: columns resolved to their value arrays and each
/// comparison's mode (text or number) decided once, so testing a row does no lookups by name.
indirect enum SoQLPredicate {
    /// One side of a comparison, bound.
    enum Operand {
        case column([FieldValue?])
        /// A literal as text, and as a number when it reads as one.
        case literal(String, Double?)

        func isNull(at row: Int) -> Bool {
            if case .column(let values) = self { return values[row] == nil }
            return false
        }

        func text(at row: Int) -> String? {
            switch self {
            case .column(let values): return values[row]?.text
            case .literal(let text, _): return text
            }
        }

        func number(at row: Int) -> Double? {
            switch self {
            case .column(let values): return values[row]?.text.flatMap(Double.init)
            case .literal(_, let number): return number
            }
        }
    }

    case compare(Operand, SoQLComparison, Operand, numeric: Bool)
    case isNull(Operand, negated: Bool)
    case isIn(Operand, [Operand], numeric: Bool, negated: Bool)
    case between(Operand, Operand, Operand, numeric: Bool, negated: Bool)
    case and(SoQLPredicate, SoQLPredicate)
    case or(SoQLPredicate, SoQLPredicate)
    case not(SoQLPredicate)

    /// Three-valued truth for one row: nil is SQL's unknown (a NULL took part).
    func evaluate(_ row: Int) -> Bool? {
        switch self {
        case .compare(let left, let op, let right, let numeric):
            guard let order = Self.order(left, right, row, numeric) else { return nil }
            switch op {
            case .equal: return order == 0
            case .notEqual: return order != 0
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            }
        case .isNull(let operand, let negated):
            return operand.isNull(at: row) != negated
        case .isIn(let operand, let list, let numeric, let negated):
            var sawUnknown = false
            for candidate in list {
                switch Self.order(operand, candidate, row, numeric) {
                case 0: return !negated
                case nil: sawUnknown = true
                default: continue
                }
            }
            return sawUnknown ? nil : negated
        case .between(let operand, let low, let high, let numeric, let negated):
            let inside = Self.and(
                Self.order(operand, low, row, numeric).map { $0 >= 0 },
                Self.order(operand, high, row, numeric).map { $0 <= 0 })
            return negated ? inside.map { !$0 } : inside
        case .and(let left, let right):
            // Both sides are evaluated: SQL's AND is not short-circuit in its three-valued result.
            return Self.and(left.evaluate(row), right.evaluate(row))
        case .or(let left, let right):
            let (l, r) = (left.evaluate(row), right.evaluate(row))
            if l == true || r == true { return true }
            return l == nil || r == nil ? nil : false
        case .not(let inner):
            return inner.evaluate(row).map { !$0 }
        }
    }

    private static func and(_ l: Bool?, _ r: Bool?) -> Bool? {
        if l == false || r == false { return false }
        return l == nil || r == nil ? nil : true
    }

    /// -1, 0 or 1; nil when either side is NULL, nested, or (numerically) not a number.
    private static func order(_ left: Operand, _ right: Operand, _ row: Int, _ numeric: Bool) -> Int? {
        if numeric {
            guard let a = left.number(at: row), let b = right.number(at: row) else { return nil }
            return a < b ? -1 : a > b ? 1 : 0
        }
        guard let a = left.text(at: row), let b = right.text(at: row) else { return nil }
        // Swift orders native strings by Unicode scalar values, which is UTF-8 byte order.
        return a == b ? 0 : a < b ? -1 : 1
    }
}
