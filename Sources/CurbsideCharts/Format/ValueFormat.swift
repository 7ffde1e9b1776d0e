import CurbsideModel

/// How a value is written for readers: one implementation shared by charts, tables and inline values.
///
/// | format    | value          | text            |
/// |-----------|----------------|-----------------|
/// | `money`   | 1234.5         | `$1,234.50`     |
/// | `integer` | 1234           | `1,234`         |
/// | `percent` | 41.775         | `41.78%` (the value is already a percentage) |
/// | `decimal` | 1234.5         | `1,234.50`      |
/// | `date`    | `2025-05-10`   | `May 10, 2025`  |
/// | `text`    | anything       | as it is        |
///
/// A missing value (SQL NULL) is written `—`. Text that a numeric format cannot read is shown as it is.
public enum ValueFormat: String, CaseIterable, Sendable, Hashable {
    case money
    case integer
    case percent
    case decimal
    case date
    case text

    /// The format names, for error messages: `money, integer, percent, decimal, date, text`.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// Whether values in this format are numbers (right-aligned in tables, plotted in charts).
    public var isNumeric: Bool {
        switch self {
        case .money, .integer, .percent, .decimal: return true
        case .date, .text: return false
        }
    }

    /// The text for one warehouse value.
    public func format(_ value: SQLValue) -> String {
        switch (self, value) {
        case (_, .null):
            return "—"
        case (.text, _):
            return value.description
        case (.date, .text(let text)):
            return DateText.day(from: text).map(DateText.long) ?? text
        case (.date, _):
            return value.description
        default:
            guard let number = value.number else { return value.description }
            return format(number)
        }
    }

    /// The text for one number.
    public func format(_ number: Double) -> String {
        switch self {
        case .money:
            let text = NumberText.fixed(abs(number), decimals: 2)
            return NumberText.fixed(number, decimals: 2).hasPrefix("-") ? "-$" + text : "$" + text
        case .integer:
            return NumberText.fixed(number, decimals: 0)
        case .percent:
            return NumberText.fixed(number, decimals: 2) + "%"
        case .decimal, .date, .text:
            return NumberText.fixed(number, decimals: 2)
        }
    }

    /// The default format for a column's values: integers as `integer`, other numbers as `decimal`, dates as
    /// `date`, the rest as `text`.
    public static func inferred(from values: [SQLValue]) -> ValueFormat {
        let present = values.filter { !$0.isNull }
        guard !present.isEmpty else { return .text }
        if present.allSatisfy(isInteger) { return .integer }
        if present.allSatisfy({ isInteger($0) || isReal($0) }) { return .decimal }
        if present.allSatisfy(isISODate) { return .date }
        return .text
    }

    private static func isInteger(_ value: SQLValue) -> Bool {
        if case .integer = value { return true }
        return false
    }

    private static func isReal(_ value: SQLValue) -> Bool {
        if case .real = value { return true }
        return false
    }

    private static func isISODate(_ value: SQLValue) -> Bool {
        if case .text(let text) = value { return Day(iso: text) != nil }
        return false
    }
}
