/// A CSV that `train --csv` cannot train on: the file, the line when there is one, and why.
public struct CSVTrainingError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Reason: Error, Equatable, Sendable {
        case unreadable
        case empty
        case noDataRows
        case unterminatedQuote(line: Int)
        case duplicateColumn(String)
        /// The label or split column named on the command line is not in the header.
        case missingColumn(role: String, name: String, header: [String])
        case fieldCount(line: Int, expected: Int, found: Int)
        case badLabel(line: Int, column: String, value: String)
        case badSplit(line: Int, column: String, value: String)
        case noFeatures(label: String)
        /// No rows fell in the train or the test part.
        case emptyPart(String)
        case training(TrainingError)
    }

    /// The file name used in messages.
    public var source: String
    public var reason: Reason

    public init(source: String, reason: Reason) {
        self.source = source
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .unreadable:
            return "\(source): cannot read the file; check the path and its permissions"
        case .empty:
            return "\(source): the file is empty; expected a header line and rows"
        case .noDataRows:
            return "\(source): the file has a header but no rows"
        case .unterminatedQuote(let line):
            return "\(source):\(line): a quoted field is never closed; close it with \""
        case .duplicateColumn(let name):
            return "\(source):1: column '\(name)' appears twice in the header; rename one"
        case .missingColumn(let role, let name, let header):
            return "\(source):1: no \(role) column '\(name)'; the columns are: \(header.joined(separator: ", "))"
        case .fieldCount(let line, let expected, let found):
            return "\(source):\(line): \(found) fields where the header has \(expected)"
        case .badLabel(let line, let column, let value):
            let shown = value.isEmpty ? "is empty" : "holds '\(value)'"
            return "\(source):\(line): label column '\(column)' \(shown); labels must be 0 or 1"
        case .badSplit(let line, let column, let value):
            let shown = value.isEmpty ? "is empty" : "holds '\(value)'"
            return "\(source):\(line): split column '\(column)' \(shown); it must be train or test"
        case .noFeatures(let label):
            return "\(source): no numeric feature columns besides the label '\(label)'"
        case .emptyPart(let part):
            return "\(source): no \(part) rows; the split column must mark some rows \(part)"
        case .training(let error):
            return "\(source): \(error)"
        }
    }
}
