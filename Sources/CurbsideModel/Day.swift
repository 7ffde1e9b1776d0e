/// A calendar day with no time zone: the unit of NYC partitions, windows and as-of dates.
///
/// Stored as days since 1970-01-01 so that arithmetic and ordering are exact.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01 (negative before).
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// - Returns: nil when the fields do not name a real day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        guard let (y, m, d) = Day.fields(text, dash: UInt8(ascii: "-"), at: (0, 4), (5, 2), (8, 2)) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `MM/DD/YYYY`, the form NYC's `issue_date` uses.
    public init?(usSlashed text: some StringProtocol) {
        guard let (m, d, y) = Day.fields(text, dash: UInt8(ascii: "/"), at: (0, 2), (3, 2), (6, 4)) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `MM/DD/YYYY` as bytes.
    public init?(usSlashed bytes: UnsafeBufferPointer<UInt8>) {
        guard let (m, d, y) = Day.fields(bytes, dash: UInt8(ascii: "/"), at: (0, 2), (3, 2), (6, 4)) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Three runs of ASCII digits at fixed places, separated by `dash`, in a 10-byte text. Read as bytes:
    /// cleaning calls this for every row, and splitting a string cost 13 % of cleaning a million rows.
    private static func fields(
        _ text: some StringProtocol, dash: UInt8, at a: (Int, Int), _ b: (Int, Int), _ c: (Int, Int)
    ) -> (Int, Int, Int)? {
        func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? { fields(bytes, dash: dash, at: a, b, c) }
        if let parsed = text.utf8.withContiguousStorageIfAvailable(parse) { return parsed }
        return Array(text.utf8).withUnsafeBufferPointer(parse)
    }

    private static func fields(
        _ bytes: UnsafeBufferPointer<UInt8>, dash: UInt8, at a: (Int, Int), _ b: (Int, Int), _ c: (Int, Int)
    ) -> (Int, Int, Int)? {
        guard bytes.count == 10, bytes[a.0 + a.1] == dash, bytes[b.0 + b.1] == dash else { return nil }
        func number(_ field: (Int, Int)) -> Int? {
            var value = 0
            for i in field.0..<(field.0 + field.1) {
                let digit = bytes[i] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let x = number(a), let y = number(b), let z = number(c) else { return nil }
        return (x, y, z)
    }

    public var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let c = civil
        return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))"
    }

    /// `MM/DD/YYYY`.
    public var usSlashed: String {
        let c = civil
        return "\(Day.pad(c.month, 2))/\(Day.pad(c.day, 2))/\(Day.pad(c.year, 4))"
    }

    /// 1 = Sunday … 7 = Saturday, the convention of Chicago's `crash_day_of_week`.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (5).
        let w = (ordinal + 4) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    /// The Sunday that ends this day's week (the day itself when it is a Sunday).
    public var weekEndingSunday: Day { adding(days: (8 - weekday) % 7) }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    public static func - (lhs: Day, rhs: Day) -> Int { lhs.ordinal - rhs.ordinal }
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public var description: String { iso }

    /// The day a UNIX time falls on, in UTC.
    public init(unixSeconds: Double) {
        ordinal = Int((unixSeconds / 86_400).rounded(.down))
    }

    /// Midnight UTC of this day as UNIX seconds.
    public var unixSeconds: Double { Double(ordinal) * 86_400 }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
