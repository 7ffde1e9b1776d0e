import CurbsideModel

/// Chicago's gold tables over the ingest window (as-of − backfill_days ≤ day < as-of), in whole counts:
/// rates are derived only when written, so nothing is rounded twice.
public struct ChicagoGold: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var crashes = 0
        public var injuriesTotal = 0
        public var injuriesFatal = 0
        public var hitAndRun = 0

        mutating func add(_ other: Counts) {
            crashes += other.crashes
            injuriesTotal += other.injuriesTotal
            injuriesFatal += other.injuriesFatal
            hitAndRun += other.hitAndRun
        }
    }

    public struct Category: Sendable, Equatable {
        public var dimension: String
        public var value: String
        public var crashes: Int
        public var hitAndRun: Int
    }

    public struct Cell: Sendable, Equatable {
        public var gridID: String
        public var latBin: String
        public var lngBin: String
        public var crashes: Int
        public var hitAndRun: Int
        /// Crashes placed here by the median fill.
        public var imputed: Int
    }

    public var first: Day
    /// The day after the window.
    public var end: Day
    /// Every day of the window, in order.
    public var daily: [(day: Day, counts: Counts)]
    /// [day of week − 1][hour]: crashes and hit-and-runs.
    public var hourWeekday: [[(crashes: Int, hitAndRun: Int)]]
    public var conditions: [Category]
    public var grid: [Cell]
    /// Injured people by class, from the crashes' own `injuries_*` counts (not the vehicle and people rows).
    public var injuries: [(name: String, people: Int, crashes: Int)]
    public var imputed: Int

    /// The dimensions of `chicago_conditions.csv`, in order.
    public static let dimensions = ["weather", "lighting", "surface", "traffic_control"]

    /// Sunday-ending weeks that touch the window, summed from the days.
    public var weekly: [(weekEnding: Day, counts: Counts)] {
        var weeks: [(weekEnding: Day, counts: Counts)] = []
        for (day, counts) in daily {
            let end = day.weekEndingSunday
            if weeks.last?.weekEnding != end { weeks.append((end, Counts())) }
            weeks[weeks.count - 1].counts.add(counts)
        }
        return weeks
    }

    public var totals: Counts {
        var sum = Counts()
        for (_, counts) in daily { sum.add(counts) }
        return sum
    }

    /// `hit / crashes` rounded half up to 4 decimals, `0.2500`; empty without crashes.
    public static func rate(_ hit: Int, _ crashes: Int) -> String {
        guard crashes > 0 else { return "" }
        let tenThousandths = (hit * 20_000 + crashes) / (2 * crashes)
        let fraction = String(tenThousandths % 10_000)
        return "\(tenThousandths / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    /// The rate as a number, for page queries; nil without crashes.
    public static func rateValue(_ hit: Int, _ crashes: Int) -> Double? {
        crashes > 0 ? Double(rate(hit, crashes)) : nil
    }

    public static func == (a: ChicagoGold, b: ChicagoGold) -> Bool {
        a.csvFiles.map(\.text) == b.csvFiles.map(\.text)
    }

    /// The gold CSVs by file name under `data/`, with DESIGN.md's columns.
    public var csvFiles: [(name: String, text: String)] {
        func counts(_ key: String, _ rows: [(Day, Counts)]) -> String {
            var csv = CSVText(header: [
                key, "crashes", "injuries_total", "injuries_fatal", "hit_and_run", "hit_and_run_rate",
            ])
            for (day, c) in rows {
                csv.append(
                    [day.iso, String(c.crashes), String(c.injuriesTotal), String(c.injuriesFatal), String(c.hitAndRun)]
                        .map { .plain($0) } + [.plain(Self.rate(c.hitAndRun, c.crashes))])
            }
            return csv.text
        }
        var hours = CSVText(header: ["crash_day_of_week", "crash_hour", "crashes"])
        for (index, day) in hourWeekday.enumerated() {
            for (hour, cell) in day.enumerated() {
                hours.append([.plain(String(index + 1)), .plain(String(hour)), .plain(String(cell.crashes))])
            }
        }
        var conditionsCSV = CSVText(header: ["dimension", "value", "crashes", "hit_and_run_rate"])
        for c in conditions {
            conditionsCSV.append([
                .text(c.dimension), .text(c.value), .plain(String(c.crashes)),
                .plain(Self.rate(c.hitAndRun, c.crashes)),
            ])
        }
        var gridCSV = CSVText(header: ["grid_id", "lat_bin", "lng_bin", "crashes", "hit_and_run_rate"])
        for c in grid {
            gridCSV.append([
                .plain(c.gridID), .plain(c.latBin), .plain(c.lngBin), .plain(String(c.crashes)),
                .plain(Self.rate(c.hitAndRun, c.crashes)),
            ])
        }
        return [
            ("chicago_crashes_daily.csv", counts("date", daily.map { ($0.day, $0.counts) })),
            ("chicago_crashes_weekly.csv", counts("week_ending", weekly.map { ($0.weekEnding, $0.counts) })),
            ("chicago_hour_weekday.csv", hours.text),
            ("chicago_conditions.csv", conditionsCSV.text),
            ("chicago_grid.csv", gridCSV.text),
        ]
    }
}
