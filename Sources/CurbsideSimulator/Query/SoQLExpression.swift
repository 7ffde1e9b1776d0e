import Foundation

/// A `$where` condition, as parsed; `description` writes it back fully parenthesised.
indirect enum SoQLExpression: Equatable, Sendable, CustomStringConvertible {
    case comparison(SoQLOperand, SoQLComparison, SoQLOperand)
    case isNull(SoQLOperand, negated: Bool)
    case isIn(SoQLOperand, [SoQLOperand], negated: Bool)
    case between(SoQLOperand, low: SoQLOperand, high: SoQLOperand, negated: Bool)
    case and(SoQLExpression, SoQLExpression)
    case or(SoQLExpression, SoQLExpression)
    case not(SoQLExpression)

    var description: String {
        switch self {
        case .comparison(let left, let op, let right):
            return "(\(left) \(op.rawValue) \(right))"
        case .isNull(let operand, let negated):
            return "(\(operand) IS \(negated ? "NOT " : "")NULL)"
        case .isIn(let operand, let list, let negated):
            return "(\(operand) \(negated ? "NOT " : "")IN (\(list.map(\.description).joined(separator: ", "))))"
        case .between(let operand, let low, let high, let negated):
            return "(\(operand) \(negated ? "NOT " : "")BETWEEN \(low) AND \(high))"
        case .and(let left, let right):
            return "(\(left) AND \(right))"
        case .or(let left, let right):
            return "(\(left) OR \(right))"
        case .not(let inner):
            return "(NOT \(inner))"
        }
    }

    /// Every column the expression names, with where it is named.
    var columns: [(name: String, offset: Int)] {
        switch self {
        case .comparison(let left, _, let right): return left.columns + right.columns
        case .isNull(let operand, _): return operand.columns
        case .isIn(let operand, let list, _): return operand.columns + list.flatMap(\.columns)
        case .between(let operand, let low, let high, _): return operand.columns + low.columns + high.columns
        case .and(let left, let right), .or(let left, let right): return left.columns + right.columns
        case .not(let inner): return inner.columns
        }
    }
}

/// One side of a comparison: a column or a literal.
enum SoQLOperand: Equatable, Sendable, CustomStringConvertible {
    /// A column or system field and the character offset where the query names it.
    case column(String, offset: Int)
    case text(String)
    /// A number as written (`-12.5`).
    case number(String)

    var description: String {
        switch self {
        case .column(let name, _): return name
        case .text(let text): return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .number(let number): return number
        }
    }

    var columns: [(name: String, offset: Int)] {
        if case .column(let name, let offset) = self { return [(name, offset)] }
        return []
    }
}

/// A comparison operator; `<>` and `==` are read as `!=` and `=`.
enum SoQLComparison: String, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}
