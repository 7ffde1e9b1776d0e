import CurbsideModel

/// The NYC cleaning rules of DESIGN.md, as a pure function of one raw row and its partition's day.
public enum NYCCleaner {
    /// The six money columns, in the order the portal lists them.
    public static let amountColumns = [
        "fine_amount", "penalty_amount", "interest_amount", "reduction_amount", "payment_amount", "amount_due",
    ]

    /// Cleans one row.
    /// - Parameters:
    ///   - fields: the row's fields as received (a null is a missing key).
    ///   - partitionDay: the day the row was fetched for; `issue_date` must fall on it.
    /// - Returns: the silver row, or the first rule it breaks.
    public static func clean(_ fields: [String: JSONField], partitionDay: Day) -> Result<NYCViolation, QuarantineReason>
    {
        guard let summons = text(fields["summons_number"]), !summons.isEmpty else {
            return .failure(.init(rule: QuarantineReason.missingID, column: "summons_number", value: nil))
        }
        var cents: [Int64] = []
        for column in amountColumns {
            switch Money.cents(fields[column]) {
            case .success(let value): cents.append(value)
            case .failure:
                return .failure(
                    .init(rule: QuarantineReason.amountNotANumber, column: column, value: fields[column]?.text))
            }
        }
        let rawDate = fields["issue_date"]?.text
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
                violationTimeMinutes: text(fields["violation_time"]).flatMap(minutesAfterMidnight),
                violation: nonEmpty(text(fields["violation"])) ?? "UNKNOWN",
                violationStatus: nonEmpty(text(fields["violation_status"]))?.uppercased() ?? "UNKNOWN",
                fineCents: cents[0], penaltyCents: cents[1], interestCents: cents[2], reductionCents: cents[3],
                paymentCents: cents[4], amountDueCents: cents[5],
                judgmentEntryDate: nonEmpty(text(fields["judgment_entry_date"])).map { raw in
                    Day(usSlashed: raw)?.iso ?? Day(iso: raw.prefix(10))?.iso ?? raw
                },
                plate: nonEmpty(text(fields["plate"])), state: nonEmpty(text(fields["state"])),
                licenseType: nonEmpty(text(fields["license_type"])), county: nonEmpty(text(fields["county"])),
                precinct: nonEmpty(text(fields["precinct"])),
                issuingAgency: nonEmpty(text(fields["issuing_agency"]))))
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
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
