/// Data or parameters the trainer cannot work with: what is wrong, and where.
public struct TrainingError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// Counts that should agree do not (names, columns, labels, weights, flags).
        case shapeMismatch(String)
        case noFeatures
        case noRows
        case duplicateFeature(String)
        /// A label other than 0 or 1; `row` is 0-based.
        case badLabel(row: Int, value: String)
        case badWeight(row: Int, value: Float)
        /// An infinite category code.
        case badCategory(feature: String, row: Int)
        /// The training rows hold a single class (or all weight on one).
        case singleClass(UInt8)
        /// A parameter outside its range: the name and the rule.
        case badParameter(name: String, rule: String)
        /// Rows to score whose features differ from the model's.
        case featureMismatch(expected: [String], found: [String])
    }

    public var reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .shapeMismatch(let what):
            return "the data does not line up: \(what)"
        case .noFeatures:
            return "no feature columns to train on"
        case .noRows:
            return "no rows to train on"
        case .duplicateFeature(let name):
            return "feature '\(name)' appears twice; give every feature its own name"
        case .badLabel(let row, let value):
            return "row \(row): label \(value) is not 0 or 1"
        case .badWeight(let row, let value):
            return "row \(row): weight \(value) is not a finite number ≥ 0"
        case .badCategory(let feature, let row):
            return "row \(row): categorical feature '\(feature)' holds an infinite code"
        case .singleClass(let label):
            return "every training row has label \(label); a classifier needs both classes"
        case .badParameter(let name, let rule):
            return "parameter \(name) \(rule)"
        case .featureMismatch(let expected, let found):
            return "the rows have features [\(found.joined(separator: ", "))] but the model was trained on "
                + "[\(expected.joined(separator: ", "))]"
        }
    }
}
