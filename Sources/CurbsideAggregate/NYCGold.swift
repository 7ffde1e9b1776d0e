import CurbsideModel

/// One day of NYC financials, in cents.
public struct NYCDailyFinancials: Sendable, Equatable {
    public var date: Day
    public var finesCents: Int64
    public var paidCents: Int64
    public var dueCents: Int64
    public var outstandingCents: Int64
    public var violations: Int
    /// `paid / fines × 100` in hundredths of a percent; 0 when fines are 0.
    public var percentagePaidHundredths: Int64 { Hundredths.percentage(paidCents, of: finesCents) }

    public init(
        date: Day, finesCents: Int64, paidCents: Int64, dueCents: Int64, outstandingCents: Int64, violations: Int
    ) {
        self.date = date
        self.finesCents = finesCents
        self.paidCents = paidCents
        self.dueCents = dueCents
        self.outstandingCents = outstandingCents
        self.violations = violations
    }
}

/// One week (ending on a Sunday) of NYC financials: the sums of its fetched days.
public struct NYCWeeklyFinancials: Sendable, Equatable {
    public var weekEnding: Day
    public var finesCents: Int64
    public var paidCents: Int64
    public var dueCents: Int64
    public var outstandingCents: Int64
    public var violations: Int
    public var daysInWeek: Int
    public var percentagePaidHundredths: Int64 { Hundredths.percentage(paidCents, of: finesCents) }
}

/// A ranked or grouped count: top violations, and the agency, county and hour breakdowns.
public struct NYCCount: Sendable, Equatable {
    public var key: String?
    public var violations: Int
    public var finesCents: Int64
}

/// Every NYC gold table of one as-of, with the CSVs the site publishes.
public struct NYCGold: Sendable, Equatable {
    public var window: (first: Day, last: Day)
    public var daily: [NYCDailyFinancials]
    public var weekly: [NYCWeeklyFinancials]
    public var topViolations: [NYCCount]
    public var byAgency: [NYCCount]
    public var byCounty: [NYCCount]
    public var byHour: [NYCCount]
    /// Silver rows in the window, and quarantined rows of the window's days.
    public var silverRows: Int
    public var quarantinedRows: Int

    public static func == (a: NYCGold, b: NYCGold) -> Bool {
        a.window == b.window && a.daily == b.daily && a.weekly == b.weekly && a.topViolations == b.topViolations
            && a.byAgency == b.byAgency && a.byCounty == b.byCounty && a.byHour == b.byHour
            && a.silverRows == b.silverRows && a.quarantinedRows == b.quarantinedRows
    }

    /// Rolls days up to weeks ending on Sunday; `days_in_week` counts the fetched days of the window in it.
    public static func weeks(of daily: [NYCDailyFinancials]) -> [NYCWeeklyFinancials] {
        var weeks: [Day: NYCWeeklyFinancials] = [:]
        for day in daily {
            let end = day.date.weekEndingSunday
            var w =
                weeks[end]
                ?? NYCWeeklyFinancials(
                    weekEnding: end, finesCents: 0, paidCents: 0, dueCents: 0, outstandingCents: 0, violations: 0,
                    daysInWeek: 0)
            w.finesCents += day.finesCents
            w.paidCents += day.paidCents
            w.dueCents += day.dueCents
            w.outstandingCents += day.outstandingCents
            w.violations += day.violations
            w.daysInWeek += 1
            weeks[end] = w
        }
        return weeks.values.sorted { $0.weekEnding < $1.weekEnding }
    }
}
