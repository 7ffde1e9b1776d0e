import CurbsideModel
import CurbsideWarehouse
import GRDB

/// Silver → gold for Chicago over the ingest window: crashes per day and week, hour × weekday, the
/// condition breakdowns, the lat/lng grid and injuries. Stored in `gold_chicago_*` for pages.
public struct ChicagoAggregateStage: Sendable {
    public var warehouse: Warehouse

    public init(warehouse: Warehouse) { self.warehouse = warehouse }

    /// Computes the gold tables and stores them (replacing the previous ones).
    /// - Parameter unitsMadeUp: the vehicle and people rows were made up (the bundled sample has none); pages
    ///   read `gold_meta.chicago.units_source` to say so.
    public func run(window: Range<Day>, unitsMadeUp: Bool) throws -> ChicagoGold {
        try warehouse.write { db in
            let gold = try compute(window: window, db: db)
            try store(gold, db: db)
            try db.execute(
                sql: "INSERT OR REPLACE INTO gold_meta VALUES ('chicago.units_source', ?)",
                arguments: [unitsMadeUp ? "made_up" : "portal"])
            return gold
        }
    }

    /// The gold tables as silver gives them now, without storing anything.
    public func current(window: Range<Day>) throws -> ChicagoGold {
        try warehouse.read { db in try compute(window: window, db: db) }
    }

    func compute(window: Range<Day>, db: Database) throws -> ChicagoGold {
        let range: StatementArguments = [window.lowerBound.iso, window.upperBound.iso]
        let inWindow = "FROM silver_chicago_crashes WHERE crash_day >= ? AND crash_day < ?"
        var byDay: [String: ChicagoGold.Counts] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT crash_day, count(*) AS crashes, total(coalesce(injuries_total, 0)) AS injuries,
                    total(coalesce(injuries_fatal, 0)) AS fatal, sum(hit_and_run) AS hit
                \(inWindow) GROUP BY crash_day
                """, arguments: range)
        {
            byDay[row["crash_day"]] = ChicagoGold.Counts(
                crashes: row["crashes"], injuriesTotal: Int(row["injuries"] as Double),
                injuriesFatal: Int(row["fatal"] as Double), hitAndRun: row["hit"])
        }
        var daily: [(day: Day, counts: ChicagoGold.Counts)] = []
        var day = window.lowerBound
        while day < window.upperBound {
            daily.append((day, byDay[day.iso] ?? ChicagoGold.Counts()))
            day = day.adding(days: 1)
        }
        var hours = Array(repeating: Array(repeating: (crashes: 0, hitAndRun: 0), count: 24), count: 7)
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT crash_day_of_week AS d, crash_hour AS h, count(*) AS crashes, sum(hit_and_run) AS hit
                \(inWindow) GROUP BY 1, 2
                """, arguments: range)
        {
            hours[(row["d"] as Int) - 1][row["h"]] = (row["crashes"], row["hit"])
        }
        var conditions: [ChicagoGold.Category] = []
        for (dimension, column) in zip(ChicagoGold.dimensions, ["weather", "lighting", "surface", "traffic_control"]) {
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT \(column) AS value, count(*) AS crashes, sum(hit_and_run) AS hit \(inWindow)
                    GROUP BY 1 ORDER BY crashes DESC, CAST(value AS BLOB)
                    """, arguments: range)
            {
                conditions.append(
                    .init(dimension: dimension, value: row["value"], crashes: row["crashes"], hitAndRun: row["hit"]))
            }
        }
        let grid = try Row.fetchAll(
            db,
            sql: """
                SELECT grid_id, lat_bin, lng_bin, count(*) AS crashes, sum(hit_and_run) AS hit, sum(imputed) AS imputed
                \(inWindow) AND grid_id IS NOT NULL GROUP BY grid_id ORDER BY crashes DESC, CAST(grid_id AS BLOB)
                """, arguments: range
        ).map { row in
            ChicagoGold.Cell(
                gridID: row["grid_id"], latBin: row["lat_bin"], lngBin: row["lng_bin"], crashes: row["crashes"],
                hitAndRun: row["hit"], imputed: row["imputed"])
        }
        var injuries: [(name: String, people: Int, crashes: Int)] = []
        for (name, column) in [
            ("fatal", "injuries_fatal"), ("incapacitating", "injuries_incapacitating"),
            ("non-incapacitating", "injuries_non_incapacitating"),
            ("reported, not evident", "injuries_reported_not_evident"),
        ] {
            let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT total(coalesce(\(column), 0)) AS people, count(nullif(coalesce(\(column), 0), 0)) AS crashes \(inWindow)",
                arguments: range)!
            injuries.append((name, Int(row["people"] as Double), row["crashes"]))
        }
        let imputed = try Int.fetchOne(db, sql: "SELECT count(*) \(inWindow) AND imputed = 1", arguments: range) ?? 0
        return ChicagoGold(
            first: window.lowerBound, end: window.upperBound, daily: daily, hourWeekday: hours,
            conditions: conditions, grid: grid, injuries: injuries, imputed: imputed)
    }

    private func store(_ gold: ChicagoGold, db: Database) throws {
        for table in [
            "gold_chicago_daily", "gold_chicago_weekly", "gold_chicago_hour_weekday", "gold_chicago_conditions",
            "gold_chicago_grid", "gold_chicago_injuries",
        ] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        for (table, rows) in [
            ("gold_chicago_daily", gold.daily.map { ($0.day, $0.counts) }),
            ("gold_chicago_weekly", gold.weekly.map { ($0.weekEnding, $0.counts) }),
        ] {
            for (day, c) in rows {
                try db.execute(
                    sql: "INSERT INTO \(table) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [
                        day.iso, c.crashes, c.injuriesTotal, c.injuriesFatal, c.hitAndRun,
                        ChicagoGold.rateValue(c.hitAndRun, c.crashes),
                    ])
            }
        }
        for (index, day) in gold.hourWeekday.enumerated() {
            for (hour, cell) in day.enumerated() {
                try db.execute(
                    sql: "INSERT INTO gold_chicago_hour_weekday VALUES (?, ?, ?, ?)",
                    arguments: [index + 1, hour, cell.crashes, cell.hitAndRun])
            }
        }
        for c in gold.conditions {
            try db.execute(
                sql: "INSERT INTO gold_chicago_conditions VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    c.dimension, c.value, c.crashes, c.hitAndRun, ChicagoGold.rateValue(c.hitAndRun, c.crashes),
                ])
        }
        for c in gold.grid {
            try db.execute(
                sql: "INSERT INTO gold_chicago_grid VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    c.gridID, Double(c.latBin), Double(c.lngBin), c.crashes, c.hitAndRun,
                    ChicagoGold.rateValue(c.hitAndRun, c.crashes), c.imputed,
                ])
        }
        for i in gold.injuries {
            try db.execute(
                sql: "INSERT INTO gold_chicago_injuries VALUES (?, ?, ?)", arguments: [i.name, i.people, i.crashes])
        }
        let totals = gold.totals
        let meta: [(String, String)] = [
            ("chicago.window_first", gold.first.iso), ("chicago.window_last", gold.end.adding(days: -1).iso),
            ("chicago.crashes", String(totals.crashes)), ("chicago.imputed", String(gold.imputed)),
        ]
        for (name, value) in meta {
            try db.execute(sql: "INSERT OR REPLACE INTO gold_meta VALUES (?, ?)", arguments: [name, value])
        }
    }
}
