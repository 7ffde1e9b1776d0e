import CurbsideModel
import CurbsideWarehouse

/// NYC's window of issue dates: as-of − 61 days to as-of − 31 days, both included (by default).
public struct NYCWindow: Sendable, Equatable {
    public var first: Day
    public var last: Day

    public init(asOf: Day, config: CurbsideConfig.NYC) {
        first = asOf.adding(days: -config.windowStartDays)
        last = asOf.adding(days: -config.windowEndDays)
    }

    public init(first: Day, last: Day) {
        self.first = first
        self.last = last
    }

    public var days: [Day] { (first.ordinal...max(first.ordinal, last.ordinal)).map(Day.init(ordinal:)) }

    public func contains(_ day: Day) -> Bool { first <= day && day <= last }

    /// The as-of dates worth considering for a set of issue dates, and the one whose window holds the
    /// most of them (ties go to the earliest as-of, so the choice is stable).
    public static func bestAsOf(for issueDates: [Day], config: CurbsideConfig.NYC) -> (asOf: Day, rows: Int)? {
        guard !issueDates.isEmpty else { return nil }
        var counts: [Int: Int] = [:]
        for day in issueDates { counts[day.ordinal, default: 0] += 1 }
        var best: (asOf: Day, rows: Int)?
        let candidates = Set(issueDates.map { $0.ordinal + config.windowEndDays })
        for ordinal in candidates.sorted() {
            // Windows ending on a sample day are the only ones that can be maximal.
            let asOf = Day(ordinal: ordinal)
            let window = NYCWindow(asOf: asOf, config: config)
            let rows = window.days.reduce(0) { $0 + (counts[$1.ordinal] ?? 0) }
            if best == nil || rows > best!.rows { best = (asOf, rows) }
        }
        return best
    }
}

/// Which days of the window a run fetches.
public enum NYCPlanner {
    /// Missing days oldest first, then days fetched more than `refreshAfterDays` ago (oldest fetch
    /// first), at most `maxDays` in all (0 means all). A fetched day with no rows is complete.
    /// - Parameters:
    ///   - now: wall-clock UNIX seconds, for the refresh rule.
    public static func days(
        in window: NYCWindow, known: [PartitionKey: PartitionState], now: Double, maxDays: Int, refreshAfterDays: Int
    ) -> [Day] {
        var missing: [Day] = []
        var stale: [(day: Day, fetchedAt: Double)] = []
        for day in window.days {
            guard let state = known[PartitionKey(day.iso)], state.state == .complete, let fetchedAt = state.fetchedAt
            else {
                missing.append(day)
                continue
            }
            if now - fetchedAt > Double(refreshAfterDays) * 86_400 { stale.append((day, fetchedAt)) }
        }
        stale.sort { ($0.fetchedAt, $0.day) < ($1.fetchedAt, $1.day) }
        let all = missing + stale.map(\.day)
        return maxDays == 0 ? all : Array(all.prefix(maxDays))
    }
}
