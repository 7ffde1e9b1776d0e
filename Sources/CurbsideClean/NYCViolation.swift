import CurbsideModel

/// One cleaned NYC violation: a silver row. Money is held in whole cents so sums agree to the cent.
public struct NYCViolation: Sendable, Equatable {
    public var summonsNumber: String
    public var issueDate: Day
    /// Minutes after midnight, nil when the time is missing or not `HH:MMA|P`.
    public var violationTimeMinutes: Int?
    /// Trimmed; `UNKNOWN` when missing or empty.
    public var violation: String
    /// Trimmed and upper-cased; `UNKNOWN` when missing or empty.
    public var violationStatus: String
    public var fineCents: Int64
    public var penaltyCents: Int64
    public var interestCents: Int64
    public var reductionCents: Int64
    public var paymentCents: Int64
    public var amountDueCents: Int64
    /// `YYYY-MM-DD` when the portal's date parses, else the trimmed text; nil when absent or empty.
    public var judgmentEntryDate: String?
    public var plate: String?
    public var state: String?
    public var licenseType: String?
    public var county: String?
    public var precinct: String?
    public var issuingAgency: String?
}

/// Why a row went to quarantine: the rule, and the column and value at fault.
public struct QuarantineReason: Error, Sendable, Equatable, CustomStringConvertible {
    /// Rule names are stable identifiers, listed on the site: `amount_not_a_number`, …
    public var rule: String
    public var column: String?
    public var value: String?

    public init(rule: String, column: String?, value: String?) {
        self.rule = rule
        self.column = column
        self.value = value
    }

    public var description: String {
        var text = rule
        if let column { text += " (\(column)" + (value.map { " = '\($0)'" } ?? "") + ")" }
        return text
    }

    public static let notAnObject = "row_not_a_json_object"
    public static let missingID = "missing_summons_number"
    public static let amountNotANumber = "amount_not_a_number"
    public static let issueDateUnparseable = "issue_date_unparseable"
    public static let issueDateOutsidePartition = "issue_date_outside_partition"
}
