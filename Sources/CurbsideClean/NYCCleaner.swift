import CurbsideModel

/// The fields of one raw NYC row that cleaning reads, by column (a null or absent field is nil or `.null`).
public struct NYCRawRow: Sendable {
    /// The portal's columns cleaning reads.
    public enum Column: Int, CaseIterable, Sendable {
        case summonsNumber, issueDate, violationTime, violation, violationStatus
        case fineAmount, penaltyAmount, interestAmount, reductionAmount, paymentAmount, amountDue
        case judgmentEntryDate, plate, state, licenseType, county, precinct, issuingAgency

        /// The column's name on the portal.
        public var name: String {
            switch self {
            case .summonsNumber: "summons_number"
            case .issueDate: "issue_date"
            case .violationTime: "violation_time"
            case .violation: "violation"
            case .violationStatus: "violation_status"
            case .fineAmount: "fine_amount"
            case .penaltyAmount: "penalty_amount"
            case .interestAmount: "interest_amount"
            case .reductionAmount: "reduction_amount"
            case .paymentAmount: "payment_amount"
            case .amountDue: "amount_due"
            case .judgmentEntryDate: "judgment_entry_date"
            case .plate: "plate"
            case .state: "state"
            case .licenseType: "license_type"
            case .county: "county"
            case .precinct: "precinct"
            case .issuingAgency: "issuing_agency"
            }
        }
    }

    private static let names = SelectedRow.Names(Column.allCases.map(\.name))
    private let row: SelectedRow

    /// Reads the row's JSON text, decoding only the columns cleaning reads.
    /// - Throws: `JSONSyntaxError` when the text is not a JSON object.
    public init(json: ArraySlice<UInt8>) throws { row = try SelectedRow(json: json, names: Self.names) }

    /// The row from all its fields.
    public init(_ fields: [String: JSONField]) { row = SelectedRow(fields, names: Self.names) }

    public subscript(column: Column) -> JSONField? { row[position: column.rawValue] }
}

/// The NYC cleaning rules of DESIGN.md, as a pure function of one raw row and its partition's day.
public enum NYCCleaner {
    /// The six money columns, in the order the portal lists them.
    public static let amountColumns = amounts.map(\.name)
    private static let amounts: [NYCRawRow.Column] = [
        .fineAmount, .penaltyAmount, .interestAmount, .reductionAmount, .paymentAmount, .amountDue,
    ]

    /// Cleans one row given as all its fields (a null is a missing key).
    public static func clean(_ fields: [String: JSONField], partitionDay: Day) -> Result<NYCViolation, QuarantineReason>
    {
        clean(NYCRawRow(fields), partitionDay: partitionDay)
    }

    /// Cleans one row.
    /// - Parameters:
    ///   - row: the row's fields as received.
    ///   - partitionDay: the day the row was fetched for; `issue_date` must fall on it.
    /// - Returns: the silver row, or the first rule it breaks.
    public static func clean(_ row: NYCRawRow, partitionDay: Day) -> Result<NYCViolation, QuarantineReason> {
        guard let summons = text(row[.summonsNumber]), !summons.isEmpty else {
            return .failure(.init(rule: QuarantineReason.missingID, column: "summons_number", value: nil))
        }
        var cents: [Int64] = []
        cents.reserveCapacity(amounts.count)
        for column in amounts {
            switch Money.cents(row[column]) {
            case .success(let value): cents.append(value)
            case .failure:
                return .failure(
                    .init(rule: QuarantineReason.amountNotANumber, column: column.name, value: row[column]?.text))
            }
        }
        let rawDate = row[.issueDate]?.text
        guard let rawDate, let day = issueDay(rawDate) else {
            return .failure(.init(rule: QuarantineReason.issueDateUnparseable, column: "issue_date", value: rawDate))
        }
        guard day == partitionDay else {
            return .failure(
                .init(rule: QuarantineReason.issueDateOutsidePartition, column: "issue_date", value: rawDate))
        }
        return .success(
            NYCViolation(
                summonsNumber: summons, issueDate: day,
                violationTimeMinutes: text(row[.violationTime]).flatMap(minutesAfterMidnight),
                violation: nonEmpty(text(row[.violation])) ?? "UNKNOWN",
                violationStatus: nonEmpty(text(row[.violationStatus]))?.uppercased() ?? "UNKNOWN",
                fineCents: cents[0], penaltyCents: cents[1], interestCents: cents[2], reductionCents: cents[3],
                paymentCents: cents[4], amountDueCents: cents[5],
                judgmentEntryDate: nonEmpty(text(row[.judgmentEntryDate])).map { raw in
                    Day(usSlashed: raw)?.iso ?? Day(iso: raw.prefix(10))?.iso ?? raw
                },
                plate: nonEmpty(text(row[.plate])), state: nonEmpty(text(row[.state])),
                licenseType: nonEmpty(text(row[.licenseType])), county: nonEmpty(text(row[.county])),
                precinct: nonEmpty(text(row[.precinct])), issuingAgency: nonEmpty(text(row[.issuingAgency]))))
    }

    /// `MM/DD/YYYY`; a floating timestamp `YYYY-MM-DDT…` is accepted too, should the column change type.
    static func issueDay(_ raw: String) -> Day? {
        let trimmed = raw.trimmingSpaces
        if let day = Day(usSlashed: trimmed) { return day }
        if trimmed.count >= 10, trimmed.count == 10 || trimmed.dropFirst(10).first == "T" {
            return Day(iso: trimmed.prefix(10))
        }
        return nil
    }

    /// `HH:MMA` or `HH:MMP` → minutes after midnight; 12 A is midnight, 12 P is noon; `00:MMA` is midnight too.
    public static func minutesAfterMidnight(_ raw: String) -> Int? {
        let t = Array(raw.trimmingSpaces.utf8)
        guard t.count == 6, t[2] == UInt8(ascii: ":"),
            let h = twoDigits(t[0], t[1]), let m = twoDigits(t[3], t[4]), h <= 12, m <= 59
        else { return nil }
        let hour: Int
        switch t[5] {
        case UInt8(ascii: "A"), UInt8(ascii: "a"): hour = h % 12
        case UInt8(ascii: "P"), UInt8(ascii: "p"): hour = h % 12 + 12
        default: return nil
        }
        return hour * 60 + m
    }

    private static func twoDigits(_ a: UInt8, _ b: UInt8) -> Int? {
        guard (48...57).contains(a), (48...57).contains(b) else { return nil }
        return Int(a - 48) * 10 + Int(b - 48)
    }

    static func text(_ field: JSONField?) -> String? {
        guard let field else { return nil }
        switch field {
        case .raw, .null: return nil
        default: return field.text?.trimmingSpaces
        }
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}

extension String {
    /// Without leading and trailing white space (spaces, tabs, newlines).
    var trimmingSpaces: String {
        let utf8 = utf8
        // Printable ASCII at both ends (nearly every value): nothing to trim.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
