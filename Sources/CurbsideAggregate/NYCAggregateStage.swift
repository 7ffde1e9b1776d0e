import CurbsideModel
import CurbsideWarehouse
import GRDB

/// Silver → gold for NYC over the window of one as-of: daily and weekly financials, the top ten
/// violations, and breakdowns by issuing agency, county and hour of day. Money is summed in cents.
///
/// It sums `nyc_partition_totals`, which cleaning keeps for each day as it writes the day's silver rows (a
/// million rows: a few thousand totals instead of six passes over silver, 6.7 s). Violations are distinct summons:
/// `summons_number` is unique in silver (`silver_nyc_by_summons`), so each silver row counts once.
public struct NYCAggregateStage: Sendable {
    public var warehouse: Warehouse

    public init(warehouse: Warehouse) { self.warehouse = warehouse }

    /// Computes the gold tables and stores them in the warehouse (replacing the previous ones).
    /// - Parameter window: the days of the window; only days fetched completely count.
    public func run(first: Day, last: Day) throws -> NYCGold {
        try warehouse.write { db in
            let gold = try compute(first: first, last: last, db: db)
            try store(gold, db: db)
            return gold
        }
    }

    /// The gold tables as the warehouse's silver gives them now, without storing anything.
    public func current(first: Day, last: Day) throws -> NYCGold {
        try warehouse.read { db in try compute(first: first, last: last, db: db) }
    }

    func compute(first: Day, last: Day, db: Database) throws -> NYCGold {
        let range: StatementArguments = [first.iso, last.iso]
        let fetched = try String.fetchAll(
            db,
            sql: """
                SELECT key FROM partitions WHERE dataset = 'nyc_violations' AND state = 'complete'
                AND key BETWEEN ? AND ? ORDER BY key
                """, arguments: range)
        var sums: [String: NYCDailyFinancials] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT partition_key AS day, fines_cents AS fines, paid_cents AS paid, due_cents AS due,
                    outstanding_cents AS outstanding, violations
                FROM nyc_partition_totals WHERE kind = 'day' AND partition_key BETWEEN ? AND ?
                """, arguments: range)
        {
            let day: String = row["day"]
            sums[day] = NYCDailyFinancials(
                date: Day(iso: day)!, finesCents: row["fines"], paidCents: row["paid"], dueCents: row["due"],
                outstandingCents: row["outstanding"], violations: row["violations"])
        }
        let daily = fetched.compactMap { key -> NYCDailyFinancials? in
            guard let day = Day(iso: key) else { return nil }
            return sums[key]
                ?? NYCDailyFinancials(
                    date: day, finesCents: 0, paidCents: 0, dueCents: 0, outstandingCents: 0, violations: 0)
        }
        return NYCGold(
            window: (first, last), daily: daily, weekly: NYCGold.weeks(of: daily),
            topViolations: try counts(db, kind: "violation", range: range, order: "violations DESC, key", limit: 10),
            byAgency: try counts(db, kind: "agency", range: range, order: "violations DESC, key"),
            byCounty: try counts(db, kind: "county", range: range, order: "violations DESC, key"),
            byHour: try counts(db, kind: "hour", range: range, order: "key IS NULL, key"),
            silverRows: sums.values.reduce(0) { $0 + $1.violations },
            quarantinedRows: try Int.fetchOne(
                db,
                sql:
                    "SELECT count(*) FROM quarantine WHERE dataset = 'nyc_violations' AND partition_key BETWEEN ? AND ?",
                arguments: range) ?? 0)
    }

    private func counts(
        _ db: Database, kind: String, range: StatementArguments, order: String, limit: Int? = nil
    ) throws -> [NYCCount] {
        let sql = """
            SELECT key, sum(violations) AS violations, sum(fines_cents) AS fines
            FROM nyc_partition_totals WHERE kind = ? AND partition_key BETWEEN ? AND ?
            GROUP BY key HAVING sum(violations) > 0 ORDER BY \(order)\(limit.map { " LIMIT \($0)" } ?? "")
            """
        return try Row.fetchAll(db, sql: sql, arguments: [kind] + range).map { row in
            let value = row["key"] as DatabaseValue
            let key: String? =
                switch value.storage {
                case .null: nil
                case .int64(let i): String(i)
                default: String.fromDatabaseValue(value)
                }
            return NYCCount(key: key, violations: row["violations"], finesCents: row["fines"])
        }
    }

    private func store(_ gold: NYCGold, db: Database) throws {
        for table in [
            "gold_nyc_daily", "gold_nyc_weekly", "gold_nyc_top_violations", "gold_nyc_by_agency", "gold_nyc_by_county",
            "gold_nyc_by_hour",
        ] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        for d in gold.daily {
            try db.execute(
                sql: "INSERT INTO gold_nyc_daily VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    d.date.iso, dollars(d.finesCents), dollars(d.paidCents), dollars(d.dueCents),
                    dollars(d.outstandingCents), d.violations, dollars(d.percentagePaidHundredths),
                ])
        }
        for w in gold.weekly {
            try db.execute(
                sql: "INSERT INTO gold_nyc_weekly VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    w.weekEnding.iso, dollars(w.finesCents), dollars(w.paidCents), dollars(w.dueCents),
                    dollars(w.outstandingCents), w.violations, w.daysInWeek, dollars(w.percentagePaidHundredths),
                ])
        }
        for (rank, v) in gold.topViolations.enumerated() {
            try db.execute(
                sql: "INSERT INTO gold_nyc_top_violations VALUES (?, ?, ?)", arguments: [rank + 1, v.key, v.violations])
        }
        for (table, rows) in [("gold_nyc_by_agency", gold.byAgency), ("gold_nyc_by_county", gold.byCounty)] {
            for r in rows {
                try db.execute(
                    sql: "INSERT INTO \(table) VALUES (?, ?, ?)",
                    arguments: [r.key, r.violations, dollars(r.finesCents)])
            }
        }
        for r in gold.byHour {
            try db.execute(
                sql: "INSERT INTO gold_nyc_by_hour VALUES (?, ?, ?)",
                arguments: [r.key.flatMap { Int($0) }, r.violations, dollars(r.finesCents)])
        }
        let meta: [(String, String)] = [
            ("nyc.window_first", gold.window.first.iso), ("nyc.window_last", gold.window.last.iso),
            ("nyc.silver_rows", String(gold.silverRows)), ("nyc.quarantined_rows", String(gold.quarantinedRows)),
        ]
        for (name, value) in meta {
            try db.execute(sql: "INSERT OR REPLACE INTO gold_meta VALUES (?, ?)", arguments: [name, value])
        }
    }

    /// Hundredths as a REAL with exactly two decimals' worth, for page queries (CSVs use the exact text).
    private func dollars(_ hundredths: Int64) -> Double { Double(hundredths) / 100 }
}
