import CurbsideCharts
import CurbsideModel

/// What a version says about the one before it: which version that was, and how each headline figure moved.
///
/// Built from the previous version's entry in `versions.json`, whose id is one of the version's inputs, so the
/// same inputs always print the same comparison.
public struct VersionNotes: Sendable, Hashable {
    /// One headline figure now and in the previous version.
    public struct Change: Sendable, Hashable {
        public var label: String
        public var value: String
        /// The previous version's value, or nil when it did not have this figure.
        public var previous: String?
        /// `+$1,204.00`, `−0.42 pts`, `no change`; nil when either value is not a number.
        public var delta: String?
    }

    /// The previous version's id and as-of date, or nil for the first version.
    public var previousID: VersionID?
    public var previousAsOf: Day?
    /// This version's headline figures, in display order, with the previous values.
    public var changes: [Change]

    /// - Parameters:
    ///   - headline: this version's figures (label and display value), in display order.
    ///   - previous: the previous version's id, as-of date and figures, or nil when there is none.
    public init(
        headline: [(label: String, value: String)],
        previous: (id: VersionID, asOf: Day, headline: [(label: String, value: String)])?
    ) {
        previousID = previous?.id
        previousAsOf = previous?.asOf
        changes = headline.map { figure in
            let before = previous?.headline.first { $0.label == figure.label }?.value
            return Change(
                label: figure.label, value: figure.value, previous: before,
                delta: before.flatMap { Self.delta(from: $0, to: figure.value) })
        }
    }

    /// The difference between two figures written the same way (`$1,204.50`, `41.78%`, `219`), written that
    /// way too, with a sign; percentages differ in points. Nil when they are not numbers of the same kind.
    public static func delta(from old: String, to new: String) -> String? {
        guard let before = Figure(old), let after = Figure(new), before.kind.unit == after.kind.unit else { return nil }
        let difference = after.hundredths - before.hundredths
        if difference == 0 { return "no change" }
        let sign = difference > 0 ? "+" : "−"
        let magnitude = Double(difference.magnitude) / 100
        switch after.kind {
        case .money: return sign + ValueFormat.money.format(magnitude)
        case .percent: return sign + ValueFormat.decimal.format(magnitude) + " pts"
        case .integer where before.kind == .integer: return sign + ValueFormat.integer.format(magnitude)
        case .integer, .decimal: return sign + ValueFormat.decimal.format(magnitude)
        }
    }

    /// A display figure read back into hundredths.
    struct Figure {
        enum Kind {
            case money, percent, integer, decimal

            /// Integers and decimals are both plain numbers: they compare with each other.
            var unit: Int {
                switch self {
                case .money: return 0
                case .percent: return 1
                case .integer, .decimal: return 2
                }
            }
        }
        var kind: Kind
        var hundredths: Int64

        init?(_ text: String) {
            var body = Substring(text.filter { $0 != "," && $0 != " " })
            let negative = body.hasPrefix("-") || body.hasPrefix("−")
            if negative { body = body.dropFirst() }
            var kind = Kind.integer
            if body.hasPrefix("$") {
                kind = .money
                body = body.dropFirst()
            } else if body.hasSuffix("%") {
                kind = .percent
                body = body.dropLast()
            }
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let whole = Int64(parts[0]), parts[0].allSatisfy(\.isNumber) else {
                return nil
            }
            var fraction: Int64 = 0
            if parts.count == 2 {
                let digits = parts[1]
                guard (1...2).contains(digits.count), digits.allSatisfy(\.isNumber), let value = Int64(digits) else {
                    return nil
                }
                fraction = digits.count == 1 ? value * 10 : value
                if kind == .integer { kind = .decimal }
            }
            self.kind = kind
            hundredths = (whole * 100 + fraction) * (negative ? -1 : 1)
        }
    }
}
