import CurbsideModel

/// One real crash made ready for resampling: its row cut into constant bytes and the places a copy
/// rewrites (its ids, and every field that follows from the day of the crash), plus the plan of its
/// made-up vehicles and people. Missing fields stay missing and values keep their JSON types, so the
/// copies have the sample's categories and missing-field rates.
struct CrashTemplate: Sendable {
    /// What a copy writes at one place of the row.
    enum Piece: Sendable {
        /// The template's own bytes.
        case bytes([UInt8])
        /// The copy's new `crash_record_id`.
        case recordID
        /// The copy's new `rd_no` (the police report number, unique like the crash id).
        case reportNumber
        /// The copy's day followed by the template's time of day (`T14:43:00.000`).
        case crashDate(timeOfDay: [UInt8])
        /// The copy's day moved by as many days as the template's field was from its crash day, then the
        /// template's time (`date_police_notified`).
        case dayAfterCrash(days: Int, timeOfDay: [UInt8])
        /// The copy's day of the week, 1 = Sunday (`crash_day_of_week`).
        case dayOfWeek
        /// The copy's month, 1 to 12 (`crash_month`).
        case month
    }

    /// How the copies' `crash_date` is made.
    enum CrashDate: Sendable {
        /// A new day and the template's time of day.
        case rewritten(timeOfDay: [UInt8])
        /// The template's text as it is, since it does not begin with a day (the cleaner quarantines it).
        case kept([UInt8])
        /// No `crash_date` in the template.
        case missing
    }

    var pieces: [Piece]
    var crashDate: CrashDate
    /// False when the template has no `crash_record_id` (its copies have none either, and no vehicles or people).
    var hasRecordID: Bool
    var units: SyntheticCrashUnits.UnitPlan
    /// The row's length with a 128-character id and a full date, to reserve room.
    var approximateLength: Int

    /// - Parameter fields: the real row's fields in order.
    init(fields: [(key: String, value: JSONField)]) {
        let crashText = fields.last { $0.key == "crash_date" }?.value.text
        let crashDay = crashText.flatMap(Self.leadingDay)
        var pieces: [Piece] = []
        var literal: [UInt8] = [UInt8(ascii: "{")]
        var counts: [String: String] = [:]
        for (index, (key, value)) in fields.enumerated() {
            if index > 0 { literal.append(UInt8(ascii: ",")) }
            literal += JSONBytes.member(key)
            if let piece = Self.piece(key: key, value: value, crashDay: crashDay) {
                pieces.append(.bytes(literal))
                pieces.append(piece)
                literal = []
            } else {
                literal += Self.bytes(of: value)
            }
            counts[key] = value.text
        }
        literal.append(UInt8(ascii: "}"))
        pieces.append(.bytes(literal))
        self.pieces = pieces
        switch (crashText, crashDay) {
        case (let text?, _?): crashDate = .rewritten(timeOfDay: Array(text.utf8.dropFirst(10)))
        case (let text?, nil): crashDate = .kept(Array(text.utf8))
        default: crashDate = .missing
        }
        hasRecordID = fields.last { $0.key == "crash_record_id" }?.value.text != nil
        units = SyntheticCrashUnits.UnitPlan(
            numUnits: counts["num_units"], injuries: SyntheticCrashUnits.injuryClasses.map { counts[$0.0] })
        approximateLength = pieces.reduce(0) { total, piece in
            if case .bytes(let bytes) = piece { return total + bytes.count }
            return total + 130
        }
    }

    /// The place a copy rewrites for this field, or nil when the copy keeps the template's value.
    private static func piece(key: String, value: JSONField, crashDay: Day?) -> Piece? {
        guard let text = value.text else { return nil }
        switch key {
        case "crash_record_id": return .recordID
        case "rd_no": return .reportNumber
        default: break
        }
        guard let crashDay else { return nil }
        switch key {
        case "crash_date": return .crashDate(timeOfDay: Array(text.utf8.dropFirst(10)))
        case "date_police_notified":
            guard let day = leadingDay(text) else { return nil }
            return .dayAfterCrash(days: day - crashDay, timeOfDay: Array(text.utf8.dropFirst(10)))
        case "crash_day_of_week": return .dayOfWeek
        case "crash_month": return .month
        default: return nil
        }
    }

    /// The day a timestamp begins with (`2019-03-25T14:43:00.000` → 2019-03-25).
    static func leadingDay(_ text: String) -> Day? {
        text.utf8.count >= 10 ? Day(iso: String(decoding: text.utf8.prefix(10), as: UTF8.self)) : nil
    }

    /// The value as JSON, of the type it came as.
    private static func bytes(of value: JSONField) -> [UInt8] {
        switch value {
        case .string(let text): return Array(JSONText.quoted(text).utf8)
        case .number(let text), .raw(let text): return Array(text.utf8)
        case .bool(let flag): return Array((flag ? "true" : "false").utf8)
        case .null: return Array("null".utf8)
        }
    }
}
