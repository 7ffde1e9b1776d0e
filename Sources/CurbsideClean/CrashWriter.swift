import CurbsideModel
import CurbsideWarehouse
import GRDB

/// Writes silver crashes: the crash itself (a later copy of its id overwrites the row in place), then its
/// vehicles and people rolled up, then the median coordinates of those without valid ones.
final class CrashWriter {
    static let crashColumns = [
        "crash_record_id", "bronze_row_id", "partition_key", "crash_date", "crash_day", "crash_hour",
        "crash_day_of_week", "crash_month", "hour_bin", "is_weekend", "latitude", "longitude", "imputed", "lat_bin",
        "lng_bin", "grid_id", "weather", "lighting", "surface", "traffic_control", "weather_condition",
        "lighting_condition", "roadway_surface_cond", "traffic_control_device", "posted_speed_limit", "speed_capped",
        "num_units", "units_capped", "hour_from_date", "crash_type", "first_crash_type", "trafficway_type",
        "road_defect", "street_direction", "beat_of_occurrence", "prim_contributory_cause", "damage",
        "most_severe_injury", "injuries_total", "injuries_fatal", "injuries_incapacitating",
        "injuries_non_incapacitating", "injuries_reported_not_evident", "injuries_no_indication", "hit_and_run_raw",
        "hit_and_run", "intersection_related", "not_right_of_way", "work_zone", "private_property", "dooring",
    ]
    static let unitColumns = [
        "vehicles", "people", "unit_types", "person_types", "people_fatal", "people_incapacitating",
        "people_non_incapacitating", "people_reported_not_evident", "people_no_indication", "people_injury_unknown",
        "drivers_with_age", "driver_age_min", "driver_age_max", "driver_age_mean",
    ]

    private let insert: PositionalStatement
    private let units: PositionalStatement
    private let imputation: Statement
    /// One row's values at a time, bound straight into SQLite (through GRDB's arguments a crash's 65 values
    /// cost 50 µs to bind, more than the rest of cleaning it).
    private var v: BoundRows

    init(db: Database) throws {
        let all = Self.crashColumns + Self.unitColumns
        insert = try PositionalStatement(db, upsertInto: "silver_chicago_crashes", columns: all)
        let assignments = Self.unitColumns.map { "\($0) = ?" }.joined(separator: ", ")
        units = try PositionalStatement(
            db, sql: "UPDATE silver_chicago_crashes SET \(assignments) WHERE rowid = ?")
        imputation = try db.makeStatement(
            sql: """
                UPDATE silver_chicago_crashes SET latitude = ?, longitude = ?, lat_bin = ?, lng_bin = ?, grid_id = ?
                WHERE imputed = 1
                """)
        v = BoundRows(width: all.count)
    }

    /// The crash with no vehicles or people yet; without valid coordinates it is marked imputed.
    func insert(_ c: ChicagoCrash, rowID: Int64, partition: String) throws {
        let grid = Self.grid(latitude: c.latitude, longitude: c.longitude)
        v.removeAll()
        v.append(c.id)
        v.append(rowID)
        v.append(partition)
        v.append(c.crashDate)
        v.append(c.day.iso)
        v.append(c.hour)
        v.append(c.dayOfWeek)
        v.append(c.month)
        v.append(c.hourBin)
        v.append(c.isWeekend)
        v.append(c.latitude?.degrees)
        v.append(c.longitude?.degrees)
        v.append(c.latitude == nil)
        v.append(grid.lat)
        v.append(grid.lng)
        v.append(grid.id)
        for text in [c.weather, c.lighting, c.surface, c.trafficControl] { v.append(text) }
        for text in [c.weatherRaw, c.lightingRaw, c.surfaceRaw, c.trafficControlRaw] { v.append(text) }
        v.append(c.postedSpeedLimit)
        v.append(c.speedCapped)
        v.append(c.numUnits)
        v.append(c.unitsCapped)
        v.append(c.hourFromDate)
        for text in [
            c.crashType, c.firstCrashType, c.trafficwayType, c.roadDefect, c.streetDirection, c.beat, c.primaryCause,
            c.damage, c.mostSevereInjury,
        ] { v.append(text) }
        let i = c.injuries
        for count in [i.total, i.fatal, i.incapacitating, i.nonIncapacitating, i.reportedNotEvident, i.noIndication] {
            v.append(count)
        }
        v.append(c.hitAndRunRaw)
        for flag in [c.hitAndRun, c.intersectionRelated, c.notRightOfWay, c.workZone, c.privateProperty, c.dooring] {
            v.append(flag)
        }
        Self.append(CrashUnits(), to: &v)
        try insert.run(v, first: 0, count: 1)
    }

    /// Replaces the rollup of the crash in silver's row `id` with `u`.
    func setUnits(_ u: CrashUnits, crash id: Int64) throws {
        var row = BoundRows(width: Self.unitColumns.count + 1)
        Self.append(u, to: &row)
        row.append(id)
        try units.run(row, first: 0, count: 1)
    }

    /// Gives every crash marked imputed these coordinates (nil when the window has no valid ones).
    func impute(latitude: Coordinate?, longitude: Coordinate?) throws {
        let grid = Self.grid(latitude: latitude, longitude: longitude)
        try imputation.execute(arguments: [latitude?.degrees, longitude?.degrees, grid.lat, grid.lng, grid.id])
    }

    /// The rollup's values in `unitColumns` order.
    private static func append(_ u: CrashUnits, to v: inout BoundRows) {
        v.append(u.vehicles)
        v.append(u.people)
        v.append(CrashUnits.summary(u.unitTypes))
        v.append(CrashUnits.summary(u.personTypes))
        for count in [
            u.fatal, u.incapacitating, u.nonIncapacitating, u.reportedNotEvident, u.noIndication, u.injuryUnknown,
            u.driverAges.count,
        ] { v.append(count) }
        v.append(u.driverAges.min())
        v.append(u.driverAges.max())
        v.append(u.driverAgeMean)
    }

    /// The 2-decimal bins and the grid cell `lat_lng` they make.
    private static func grid(latitude: Coordinate?, longitude: Coordinate?) -> (lat: String?, lng: String?, id: String?)
    {
        let lat = latitude?.bin
        let lng = longitude?.bin
        return (lat, lng, lat.flatMap { lat in lng.map { "\(lat)_\($0)" } })
    }
}
