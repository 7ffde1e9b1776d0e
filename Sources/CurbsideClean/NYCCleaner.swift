import CurbsideModel

/// The NYC cleaning rules of DESIGN.md, as a pure function of one raw row and its partition's day.
///
/// A row is cleaned from its JSON text: the fields it reads are located in the page's bytes (``FlatJSON/locate(_:in:into:)``)
/// and their cleaned texts written straight into the day's ``SilverRows``. Plain ASCII values, nearly all of them, are
/// trimmed and upper-cased as bytes; any other value goes through a String, as the rules are stated.
public enum NYCCleaner {
    /// The portal's columns cleaning reads.
    enum Column: Int, CaseIterable {
        case summonsNumber, issueDate, violationTime, violation, violationStatus
        case fineAmount, penaltyAmount, interestAmount, reductionAmount, paymentAmount, amountDue
        case judgmentEntryDate, plate, state, licenseType, county, precinct, issuingAgency

        /// The column's name on the portal.
        var name: String {
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

    static let keys = FlatJSON.Keys(Column.allCases.map(\.name))

    /// The six money columns, in the order the portal lists them.
    public static let amountColumns = amounts.map(\.name)
    private static let amounts: [Column] = [
        .fineAmount, .penaltyAmount, .interestAmount, .reductionAmount, .paymentAmount, .amountDue,
    ]

    /// Cleans one row given as all its fields (a null is a missing key): the fields are written as a JSON object and
    /// cleaned as a page's row is.
    /// - Returns: the silver row, or the first rule it breaks.
    public static func clean(_ fields: [String: JSONField], partitionDay: Day) -> Result<NYCViolation, QuarantineReason>
    {
        let members = fields.sorted { $0.key < $1.key }.map { JSONString.quoted($0.key) + ":" + json($0.value) }
        do {
            return try clean(json: Array(("{" + members.joined(separator: ",") + "}").utf8), partitionDay: partitionDay)
        } catch {
            preconditionFailure("a row written from its fields is not JSON: \(error)")
        }
    }

    /// Cleans one row from its JSON text, as a page's row is cleaned.
    /// - Returns: the silver row, or the first rule it breaks.
    /// - Throws: `JSONSyntaxError` when the text is not a JSON object (the stage quarantines such a row).
    public static func clean(json: [UInt8], partitionDay: Day) throws -> Result<NYCViolation, QuarantineReason> {
        var rows = SilverRows(day: partitionDay)
        var spans: [JSONSpan] = []
        let reason = try json.withUnsafeBufferPointer { bytes -> QuarantineReason? in
            try FlatJSON.locate(keys, in: bytes, into: &spans)
            return clean(spans, in: bytes, bronzeRowID: 0, into: &rows)
        }
        if let reason { return .failure(reason) }
        return .success(rows.violation(0))
    }

    private static func json(_ field: JSONField) -> String {
        switch field {
        case .string(let s): JSONString.quoted(s)
        case .number(let s), .raw(let s): s
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        }
    }

    /// Cleans one row, its fields located in `bytes`, into `rows`.
    /// - Parameters:
    ///   - spans: where the row's fields lie in `bytes`, by ``Column``.
    ///   - rows: the partition's rows; `issue_date` must fall on their day.
    /// - Returns: nil when the row went into `rows`, else the first rule it breaks (and `rows` is as it was).
    static func clean(
        _ spans: [JSONSpan], in bytes: UnsafeBufferPointer<UInt8>, bronzeRowID: Int64, into rows: inout SilverRows
    ) -> QuarantineReason? {
        func span(_ column: Column) -> JSONSpan { spans[column.rawValue] }
        func raw(_ column: Column) -> String? { FlatJSON.field(span(column), in: bytes)?.text }
        let textsBefore = rows.texts.count
        func reject(_ rule: String, _ column: Column, value: String?) -> QuarantineReason {
            rows.truncateTexts(to: textsBefore)
            return QuarantineReason(rule: rule, column: column.name, value: value)
        }
        guard let summons = appendText(span(.summonsNumber), in: bytes, to: &rows) else {
            return reject(QuarantineReason.missingID, .summonsNumber, value: nil)
        }
        // The six amounts in the portal's order (``amounts``): the first that is not a number is the rule broken.
        func amount(_ column: Column) throws(QuarantineReason) -> Int64 {
            guard let value = cents(span(column), in: bytes) else {
                throw reject(QuarantineReason.amountNotANumber, column, value: raw(column))
            }
            return value
        }
        let fine: Int64
        let penalty: Int64
        let interest: Int64
        let reduction: Int64
        let payment: Int64
        let due: Int64
        do throws(QuarantineReason) {
            (fine, penalty, interest, reduction, payment, due) = (
                try amount(.fineAmount), try amount(.penaltyAmount), try amount(.interestAmount),
                try amount(.reductionAmount), try amount(.paymentAmount), try amount(.amountDue)
            )
        } catch {
            return error
        }
        guard let day = issueDay(span(.issueDate), in: bytes) else {
            return reject(QuarantineReason.issueDateUnparseable, .issueDate, value: raw(.issueDate))
        }
        guard day == rows.day else {
            return reject(QuarantineReason.issueDateOutsidePartition, .issueDate, value: raw(.issueDate))
        }
        let minutes = withText(span(.violationTime), in: bytes) { $0.flatMap(minutesAfterMidnight(bytes:)) }
        rows.append(
            SilverRows.Row(
                bronzeRowID: bronzeRowID, minutes: minutes.map(Int32.init) ?? -1,
                fine: fine, penalty: penalty, interest: interest, reduction: reduction, payment: payment, due: due,
                summons: summons,
                violation: appendText(span(.violation), in: bytes, to: &rows) ?? rows.unknown,
                status: appendText(span(.violationStatus), in: bytes, to: &rows, upperCased: true) ?? rows.unknown,
                judgment: appendJudgmentDate(span(.judgmentEntryDate), in: bytes, to: &rows) ?? .null,
                plate: appendText(span(.plate), in: bytes, to: &rows) ?? .null,
                state: appendText(span(.state), in: bytes, to: &rows) ?? .null,
                licenseType: appendText(span(.licenseType), in: bytes, to: &rows) ?? .null,
                county: appendText(span(.county), in: bytes, to: &rows) ?? .null,
                precinct: appendText(span(.precinct), in: bytes, to: &rows) ?? .null,
                agency: appendText(span(.issuingAgency), in: bytes, to: &rows) ?? .null))
        return nil
    }

    /// Calls `body` with a field's text as cleaning reads it: white space trimmed; nil for a null, an absent field, or
    /// an object or array. ASCII is trimmed as bytes in place (its white space is 0x09-0x0D and 0x20); any other
    /// value, an escaped string or a boolean goes through a String.
    static func withText<R>(
        _ span: JSONSpan, in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>?) -> R
    ) -> R {
        switch span.kind {
        case .absent, .null, .raw: return body(nil)
        case .string, .number:
            var lower = span.range.lowerBound
            var upper = span.range.upperBound
            var ascii = true
            for k in lower..<upper where bytes[k] >= 0x80 {
                ascii = false
                break
            }
            guard ascii else { break }
            func space(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
            while lower < upper, space(bytes[lower]) { lower += 1 }
            while upper > lower, space(bytes[upper - 1]) { upper -= 1 }
            return body(UnsafeBufferPointer(rebasing: bytes[lower..<upper]))
        case .bool, .escapedString: break
        }
        var text = FlatJSON.field(span, in: bytes)?.text?.trimmingSpaces ?? ""
        return text.withUTF8 { body($0) }
    }

    /// Appends a field's text (``withText(_:in:_:)``) to `rows`' texts, upper-cased if asked.
    /// - Returns: where it is; nil when the field is null, absent or empty.
    private static func appendText(
        _ span: JSONSpan, in bytes: UnsafeBufferPointer<UInt8>, to rows: inout SilverRows, upperCased: Bool = false
    ) -> SilverRows.Text? {
        withText(span, in: bytes) { text in
            guard let text, !text.isEmpty else { return nil }
            guard upperCased else { return rows.append(text: text) }
            if text.allSatisfy({ $0 < 0x80 }) { return rows.append(upperCasedASCII: text) }
            return rows.append(text: String(decoding: text, as: UTF8.self).uppercased())
        }
    }

    /// `judgment_entry_date` as `YYYY-MM-DD` when it parses as `MM/DD/YYYY` or starts with an ISO date, else the
    /// trimmed text. - Returns: nil when null, absent or empty.
    private static func appendJudgmentDate(
        _ span: JSONSpan, in bytes: UnsafeBufferPointer<UInt8>, to rows: inout SilverRows
    ) -> SilverRows.Text? {
        withText(span, in: bytes) { text in
            guard let text, !text.isEmpty else { return nil }
            if let day = Day(usSlashed: text) { return rows.append(text: day.iso) }
            let raw = String(decoding: text, as: UTF8.self)
            return rows.append(text: Day(iso: raw.prefix(10))?.iso ?? raw)
        }
    }

    /// A money field in cents: 0 when null or absent; nil when not a number.
    private static func cents(_ span: JSONSpan, in bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        switch span.kind {
        case .absent, .null: return 0
        case .bool, .raw: return nil
        case .string, .number: return try? Money.cents(bytes: UnsafeBufferPointer(rebasing: bytes[span.range])).get()
        case .escapedString: return try? Money.cents(FlatJSON.field(span, in: bytes)).get()
        }
    }

    /// The issue date's day, nil when it does not parse (``issueDay(_:)-(String)``). `MM/DD/YYYY` in ASCII, every
    /// row but a broken one, is read as bytes.
    private static func issueDay(_ span: JSONSpan, in bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        if span.kind == .string, let day = withText(span, in: bytes, { $0.flatMap { Day(usSlashed: $0) } }) {
            return day
        }
        return FlatJSON.field(span, in: bytes)?.text.flatMap(issueDay)
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
        var trimmed = raw.trimmingSpaces
        return trimmed.withUTF8(minutesAfterMidnight(bytes:))
    }

    /// ``minutesAfterMidnight(_:)`` of a trimmed text's bytes.
    static func minutesAfterMidnight(bytes t: UnsafeBufferPointer<UInt8>) -> Int? {
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
