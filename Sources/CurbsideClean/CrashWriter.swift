import CurbsideModel
import GRDB

/// Inserts silver crashes with their rollups, through one prepared statement.
struct CrashWriter {
    static let columns = [
        "crash_record_id", "bronze_row_id", "partition_key", "crash_date", "crash_day", "crash_hour",
        "crash_day_of_week", "crash_month", "hour_bin", "is_weekend", "latitude", "longitude", "imputed", "lat_bin",
        "lng_bin", "grid_id", "weather", "lighting", "surface", "traffic_control", "weather_condition",
        "lighting_condition", "roadway_surface_cond", "traffic_control_device", "posted_speed_limit", "speed_capped",
        "num_units", "units_capped", "hour_from_date", "crash_type", "first_crash_type", "trafficway_type",
        "road_defect", "street_direction", "beat_of_occurrence", "prim_contributory_cause", "damage",
        "most_severe_injury", "injuries_total", "injuries_fatal", "injuries_incapacitating",
        "injuries_non_incapacitating", "injuries_reported_not_evident", "injuries_no_indication", "hit_and_run_raw",
        "hit_and_run", "intersection_related", "not_right_of_way", "work_zone", "private_property", "dooring",
        "vehicles", "people", "unit_types", "person_types", "people_fatal", "people_incapacitating",
        "people_non_incapacitating", "people_reported_not_evident", "people_no_indication", "people_injury_unknown",
        "drivers_with_age", "driver_age_min", "driver_age_max", "driver_age_mean",
    ]

    private let statement: Statement

    init(db: Database) throws {
        statement = try db.cachedStatement(
            sql: "INSERT INTO silver_chicago_crashes (\(Self.columns.joined(separator: ", "))) VALUES ("
                + Array(repeating: "?", count: Self.columns.count).joined(separator: ", ") + ")")
    }

    func insert(_ c: ChicagoCrash, imputed: Bool, units u: CrashUnits, rowID: Int64, partition: String) throws {
        let latBin = c.latitude?.bin
        let lngBin = c.longitude?.bin
        let grid = latBin.flatMap { lat in lngBin.map { "\(lat)_\($0)" } }
        let values: [(any DatabaseValueConvertible)?] = [
            c.id, rowID, partition, c.crashDate, c.day.iso, c.hour, c.dayOfWeek, c.month, c.hourBin, c.isWeekend,
            c.latitude?.degrees, c.longitude?.degrees, imputed, latBin, lngBin, grid, c.weather, c.lighting,
            c.surface, c.trafficControl, c.weatherRaw, c.lightingRaw, c.surfaceRaw, c.trafficControlRaw,
            c.postedSpeedLimit, c.speedCapped, c.numUnits, c.unitsCapped, c.hourFromDate, c.crashType,
            c.firstCrashType, c.trafficwayType, c.roadDefect, c.streetDirection, c.beat, c.primaryCause, c.damage,
            c.mostSevereInjury, c.injuries.total, c.injuries.fatal, c.injuries.incapacitating,
            c.injuries.nonIncapacitating, c.injuries.reportedNotEvident, c.injuries.noIndication, c.hitAndRunRaw,
            c.hitAndRun, c.intersectionRelated, c.notRightOfWay, c.workZone, c.privateProperty, c.dooring,
            u.vehicles, u.people, CrashUnits.summary(u.unitTypes), CrashUnits.summary(u.personTypes), u.fatal,
            u.incapacitating, u.nonIncapacitating, u.reportedNotEvident, u.noIndication, u.injuryUnknown,
            u.driverAges.count, u.driverAges.min(), u.driverAges.max(), u.driverAgeMean,
        ]
        try statement.execute(arguments: StatementArguments(values))
    }
}
