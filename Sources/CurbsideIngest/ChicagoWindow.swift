import CurbsideModel

/// Chicago's crash window: `crash_date` from as-of − `backfill_days` up to, not including, as-of,
/// fetched in calendar-month partitions (`2022-07`), each clipped to the window.
public struct ChicagoWindow: Sendable, Equatable {
    public var first: Day
    /// Exclusive.
    public var end: Day

    public init(asOf: Day, backfillDays: Int) {
        first = asOf.adding(days: -backfillDays)
        end = asOf
    }

    public func contains(_ day: Day) -> Bool { first <= day && day < end }

    /// Every day of the window, oldest first.
    public var days: [Day] { (first.ordinal..<max(first.ordinal, end.ordinal)).map(Day.init(ordinal:)) }

    /// One month of the window: its key and `[lower, upper)` bounds.
    public struct Month: Sendable, Equatable {
        public var key: PartitionKey
        public var lower: Day
        public var upper: Day

        /// The `$where` of the month's crashes, on the floating timestamp `crash_date`.
        public var whereClause: String {
            "crash_date >= '\(lower.iso)T00:00:00' AND crash_date < '\(upper.iso)T00:00:00'"
        }
    }

    public var months: [Month] {
        var months: [Month] = []
        var cursor = first
        while cursor < end {
            let c = cursor.civil
            let nextMonth = Day(
                year: c.month == 12 ? c.year + 1 : c.year, month: c.month == 12 ? 1 : c.month + 1, day: 1)!
            let upper = min(nextMonth, end)
            let key = PartitionKey(String(cursor.iso.prefix(7)))
            months.append(Month(key: key, lower: cursor, upper: upper))
            cursor = upper
        }
        return months
    }

    /// The as-of whose window holds the most of these crash days (ties: the earliest).
    public static func bestAsOf(for days: [Day], backfillDays: Int) -> (asOf: Day, rows: Int)? {
        let sorted = days.sorted()
        guard !sorted.isEmpty else { return nil }
        var best: (asOf: Day, rows: Int)?
        var lowIndex = 0
        // A maximal window can be taken to end just after a crash day.
        for (highIndex, day) in sorted.enumerated() {
            let asOf = day.adding(days: 1)
            let first = asOf.adding(days: -backfillDays)
            while sorted[lowIndex] < first { lowIndex += 1 }
            let rows = highIndex - lowIndex + 1
            if highIndex + 1 < sorted.count, sorted[highIndex + 1] == day { continue }
            if best == nil || rows > best!.rows { best = (asOf, rows) }
        }
        return best
    }
}
