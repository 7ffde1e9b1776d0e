import CurbsideModel

/// One day's cleaned NYC rows as silver will hold them: fixed-width rows whose texts lie in one buffer. Cleaning
/// writes each row's texts straight from the page's bytes into the buffer, and the writer hands SQLite pointers into
/// it: a row is never a set of Strings (a million rows' fields as Strings, then copied again for SQLite, were a
/// quarter of the clean's time).
struct SilverRows: Sendable {
    /// A text in ``texts``, or null.
    struct Text: Sendable {
        var start: UInt32
        var count: UInt32

        static let null = Text(start: 0, count: .max)
        var isNull: Bool { count == .max }
    }

    /// One silver row: `silver_nyc_violations`' columns but the day, which is the partition's for every row.
    struct Row: Sendable {
        var bronzeRowID: Int64
        /// Minutes after midnight; -1 when the time is missing or broken.
        var minutes: Int32
        var fine: Int64, penalty: Int64, interest: Int64, reduction: Int64, payment: Int64, due: Int64
        var summons: Text, violation: Text, status: Text, judgment: Text
        var plate: Text, state: Text, licenseType: Text, county: Text, precinct: Text, agency: Text
    }

    /// The day every row was issued on (the partition's).
    let day: Day
    /// The day as `YYYY-MM-DD`, the first bytes of ``texts``.
    let dayText: Text
    /// `UNKNOWN`, what a missing violation or status becomes, once for all rows.
    let unknown: Text
    private(set) var rows: [Row] = []
    private(set) var texts: [UInt8] = []

    /// - Parameter capacity: rows to make room for (a fetch's rows: arrays of megabytes copied at each doubling
    ///   otherwise); about 100 bytes of text a row.
    init(day: Day, capacity: Int = 0) {
        self.day = day
        rows.reserveCapacity(capacity)
        texts.reserveCapacity(capacity * 100 + 16)
        texts.append(contentsOf: day.iso.utf8)
        dayText = Text(start: 0, count: UInt32(texts.count))
        texts.append(contentsOf: "UNKNOWN".utf8)
        unknown = Text(start: dayText.count, count: UInt32(texts.count) - dayText.count)
    }

    var count: Int { rows.count }

    subscript(position: Int) -> Row { rows[position] }

    /// Keeps `row`, whose texts were appended last.
    mutating func append(_ row: Row) { rows.append(row) }

    /// Puts the last row in place of the one at `position`.
    mutating func replaceWithLast(_ position: Int) { rows[position] = rows.removeLast() }

    /// Appends a text's bytes. - Returns: where they are.
    mutating func append(text bytes: UnsafeBufferPointer<UInt8>) -> Text {
        let start = texts.count
        precondition(start + bytes.count < Int(UInt32.max), "one day's silver texts passed 4 GB")
        texts.append(contentsOf: bytes)
        return Text(start: UInt32(start), count: UInt32(bytes.count))
    }

    mutating func append(text: String) -> Text {
        var text = text
        return text.withUTF8 { append(text: $0) }
    }

    /// Appends an ASCII text upper-cased.
    mutating func append(upperCasedASCII bytes: UnsafeBufferPointer<UInt8>) -> Text {
        let start = texts.count
        for b in bytes { texts.append((0x61...0x7A).contains(b) ? b - 0x20 : b) }
        return Text(start: UInt32(start), count: UInt32(texts.count - start))
    }

    /// Forgets the texts after the first `count` bytes (those of a row that went to quarantine).
    mutating func truncateTexts(to count: Int) { texts.removeSubrange(count...) }

    /// The text's bytes, for as long as `body` runs (empty for null).
    func withBytes<R>(_ text: Text, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try texts.withUnsafeBufferPointer { buffer in
            try body(text.isNull ? UnsafeBufferPointer(start: nil, count: 0) : slice(text, of: buffer))
        }
    }

    func slice(_ text: Text, of buffer: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[Int(text.start)..<Int(text.start + text.count)])
    }

    func string(_ text: Text) -> String? {
        text.isNull ? nil : withBytes(text) { String(decoding: $0, as: UTF8.self) }
    }

    /// The row at `position` as values.
    func violation(_ position: Int) -> NYCViolation {
        let r = rows[position]
        return NYCViolation(
            summonsNumber: string(r.summons) ?? "", issueDate: day,
            violationTimeMinutes: r.minutes < 0 ? nil : Int(r.minutes), violation: string(r.violation) ?? "",
            violationStatus: string(r.status) ?? "", fineCents: r.fine, penaltyCents: r.penalty,
            interestCents: r.interest, reductionCents: r.reduction, paymentCents: r.payment, amountDueCents: r.due,
            judgmentEntryDate: string(r.judgment), plate: string(r.plate), state: string(r.state),
            licenseType: string(r.licenseType), county: string(r.county), precinct: string(r.precinct),
            issuingAgency: string(r.agency))
    }
}
