import CurbsideModel

/// The Chicago crash rules of DESIGN.md as pure functions of one raw row: flags, hour bins, weekends,
/// category lists with OTHER, caps, coordinate validity. Imputation needs every crash, so it happens in
/// `ChicagoCleanStage`; here a crash only says whether its coordinates are valid.
public enum ChicagoCleaner {
    public static let maxUnits = 10
    public static let maxSpeedLimit = 75
    public static let latitudeRange = Coordinate(degrees: 41.6)...Coordinate(degrees: 42.1)
    public static let longitudeRange = Coordinate(degrees: -88.0)...Coordinate(degrees: -87.5)

    /// The category lists; anything else (missing included) becomes `OTHER`.
    public static let weatherValues = ["CLEAR", "RAIN", "SNOW", "CLOUDY/OVERCAST"]
    public static let weatherAsSnow: Set<String> = ["SNOW", "BLOWING SNOW", "SLEET/HAIL", "FREEZING RAIN/DRIZZLE"]
    public static let lightingValues = ["DAYLIGHT", "DARKNESS", "DARKNESS, LIGHTED ROAD", "DAWN", "DUSK", "UNKNOWN"]
    public static let surfaceValues = ["DRY", "WET", "SNOW OR SLUSH", "ICE", "UNKNOWN"]
    public static let trafficControlValues = ["NO CONTROLS", "TRAFFIC SIGNAL", "STOP SIGN/FLASHER", "UNKNOWN"]
    public static let other = "OTHER"

    /// The crash columns cleaning reads.
    public static let columns = SelectedRow.Names([
        "beat_of_occurrence",
        "crash_date",
        "crash_day_of_week",
        "crash_hour",
        "crash_record_id",
        "crash_type",
        "damage",
        "dooring_i",
        "first_crash_type",
        "hit_and_run_i",
        "injuries_fatal",
        "injuries_incapacitating",
        "injuries_no_indication",
        "injuries_non_incapacitating",
        "injuries_reported_not_evident",
        "injuries_total",
        "intersection_related_i",
        "latitude",
        "lighting_condition",
        "longitude",
        "most_severe_injury",
        "not_right_of_way_i",
        "num_units",
        "posted_speed_limit",
        "prim_contributory_cause",
        "private_property_i",
        "road_defect",
        "roadway_surface_cond",
        "street_direction",
        "traffic_control_device",
        "trafficway_type",
        "weather_condition",
        "work_zone_i",
    ])

    /// Cleans one crash given as all its fields (a null is a missing key).
    public static func clean(_ fields: [String: JSONField], asOf: Day) -> Result<ChicagoCrash, QuarantineReason> {
        clean(SelectedRow(fields, names: columns), asOf: asOf)
    }

    /// Cleans one crash.
    /// - Parameters:
    ///   - fields: the row's columns of ``columns``.
    ///   - asOf: a crash dated after this day is in the future.
    /// - Returns: the silver crash without imputed coordinates or rollups, or the first rule it breaks.
    public static func clean(_ fields: SelectedRow, asOf: Day) -> Result<ChicagoCrash, QuarantineReason> {
        guard let id = text(fields["crash_record_id"]), !id.isEmpty else {
            return .failure(.init(rule: ChicagoRule.missingCrashID, column: "crash_record_id", value: nil))
        }
        let rawDate = text(fields["crash_date"])
        guard let rawDate, let stamp = timestamp(rawDate) else {
            return .failure(.init(rule: ChicagoRule.crashDateUnparseable, column: "crash_date", value: rawDate))
        }
        guard !(asOf < stamp.day) else {
            return .failure(.init(rule: ChicagoRule.crashDateInFuture, column: "crash_date", value: rawDate))
        }
        let portalHour = integer(fields["crash_hour"]).flatMap { (0...23).contains($0) ? $0 : nil }
        let hour = portalHour ?? stamp.hour
        let weekday = integer(fields["crash_day_of_week"]).flatMap { (1...7).contains($0) ? $0 : nil }
        let units = integer(fields["num_units"])
        let speed = integer(fields["posted_speed_limit"])
        let latitude = coordinate(fields["latitude"])
        let longitude = coordinate(fields["longitude"])
        let valid = coordinatesValid(latitude: latitude, longitude: longitude)
        return .success(
            ChicagoCrash(
                id: id, crashDate: rawDate, day: stamp.day, hour: hour, dayOfWeek: weekday ?? stamp.day.weekday,
                month: stamp.day.civil.month, hourFromDate: portalHour == nil,
                latitude: valid ? latitude : nil, longitude: valid ? longitude : nil,
                weather: weather(text(fields["weather_condition"])),
                lighting: category(text(fields["lighting_condition"]), lightingValues),
                surface: category(text(fields["roadway_surface_cond"]), surfaceValues),
                trafficControl: category(text(fields["traffic_control_device"]), trafficControlValues),
                weatherRaw: nonEmpty(fields["weather_condition"]), lightingRaw: nonEmpty(fields["lighting_condition"]),
                surfaceRaw: nonEmpty(fields["roadway_surface_cond"]),
                trafficControlRaw: nonEmpty(fields["traffic_control_device"]),
                postedSpeedLimit: speed.map { min(max($0, 0), maxSpeedLimit) },
                speedCapped: (speed ?? 0) > maxSpeedLimit,
                numUnits: units.map { min(max($0, 0), maxUnits) }, unitsCapped: (units ?? 0) > maxUnits,
                crashType: nonEmpty(fields["crash_type"]), firstCrashType: nonEmpty(fields["first_crash_type"]),
                trafficwayType: nonEmpty(fields["trafficway_type"]), roadDefect: nonEmpty(fields["road_defect"]),
                streetDirection: nonEmpty(fields["street_direction"]),
                beat: nonEmpty(fields["beat_of_occurrence"]),
                primaryCause: nonEmpty(fields["prim_contributory_cause"]), damage: nonEmpty(fields["damage"]),
                mostSevereInjury: nonEmpty(fields["most_severe_injury"]),
                injuries: ChicagoCrash.Injuries(
                    total: integer(fields["injuries_total"]), fatal: integer(fields["injuries_fatal"]),
                    incapacitating: integer(fields["injuries_incapacitating"]),
                    nonIncapacitating: integer(fields["injuries_non_incapacitating"]),
                    reportedNotEvident: integer(fields["injuries_reported_not_evident"]),
                    noIndication: integer(fields["injuries_no_indication"])),
                hitAndRunRaw: nonEmpty(fields["hit_and_run_i"]),
                hitAndRun: flag(fields["hit_and_run_i"]), intersectionRelated: flag(fields["intersection_related_i"]),
                notRightOfWay: flag(fields["not_right_of_way_i"]), workZone: flag(fields["work_zone_i"]),
                privateProperty: flag(fields["private_property_i"]), dooring: flag(fields["dooring_i"])))
    }

    /// `_i` flags: Y, YES, TRUE, T or 1 (any case) is set; anything else, missing included, is not.
    public static func flag(_ field: JSONField?) -> Bool {
        if case .bool(let value) = field { return value }
        guard let value = text(field)?.uppercased() else { return false }
        return value == "Y" || value == "YES" || value == "TRUE" || value == "T" || value == "1"
    }

    /// ≤ 6 night, ≤ 12 morning, ≤ 18 afternoon, else evening.
    public static func hourBin(_ hour: Int) -> String {
        hour <= 6 ? "night" : hour <= 12 ? "morning" : hour <= 18 ? "afternoon" : "evening"
    }

    /// 1 = Sunday and 7 = Saturday are the weekend.
    public static func isWeekend(_ dayOfWeek: Int) -> Bool { dayOfWeek == 1 || dayOfWeek == 7 }

    /// Snow, blowing snow, sleet/hail and freezing rain/drizzle are SNOW; then the weather list.
    public static func weather(_ raw: String?) -> String {
        guard let value = raw?.uppercased() else { return other }
        return weatherAsSnow.contains(value) ? "SNOW" : category(value, weatherValues)
    }

    /// The value (trimmed, upper-cased) when it is on the list, else OTHER.
    public static func category(_ raw: String?, _ values: [String]) -> String {
        guard let value = raw?.uppercased(), values.contains(value) else { return other }
        return value
    }

    /// Inside lat 41.6…42.1 and lng −88.0…−87.5, and not (0, 0).
    public static func coordinatesValid(latitude: Coordinate?, longitude: Coordinate?) -> Bool {
        guard let latitude, let longitude else { return false }
        if latitude == .zero && longitude == .zero { return false }
        return latitudeRange.contains(latitude) && longitudeRange.contains(longitude)
    }

    /// `YYYY-MM-DD`, optionally followed by `THH:MM`, `:SS` and `.fff`; nothing else may follow.
    public static func timestamp(_ raw: String) -> (day: Day, hour: Int)? {
        let b = Array(raw.utf8)
        func number(_ range: Range<Int>, max: Int) -> Int? {
            guard range.upperBound <= b.count, b[range].allSatisfy({ (48...57).contains($0) }) else { return nil }
            let value = b[range].reduce(0) { $0 * 10 + Int($1 - 48) }
            return value <= max ? value : nil
        }
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), let day = Day(iso: raw.prefix(10))
        else { return nil }
        if b.count == 10 { return (day, 0) }
        guard b.count >= 16, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"),
            let hour = number(11..<13, max: 23),
            number(14..<16, max: 59) != nil
        else { return nil }
        switch b.count {
        case 16: return (day, hour)
        case 19, 23:
            guard b[16] == UInt8(ascii: ":"), number(17..<19, max: 59) != nil else { return nil }
            if b.count == 23 {
                guard b[19] == UInt8(ascii: "."), number(20..<23, max: 999) != nil else { return nil }
            }
            return (day, hour)
        default: return nil
        }
    }

    static func text(_ field: JSONField?) -> String? { NYCCleaner.nonEmpty(NYCCleaner.text(field)) }

    static func nonEmpty(_ field: JSONField?) -> String? { text(field) }

    /// A whole number with an optional sign (`"3"`, `"-1"`); anything else (`"3.5"`, `"abc"`) is missing.
    static func integer(_ field: JSONField?) -> Int? {
        guard let value = text(field), value.utf8.count < 10 else { return nil }
        return Int(value)
    }

    static func coordinate(_ field: JSONField?) -> Coordinate? { text(field).flatMap(Coordinate.init(text:)) }
}

/// Quarantine rule names of the Chicago datasets (stable identifiers, listed on the site).
public enum ChicagoRule {
    public static let missingCrashID = "missing_crash_record_id"
    public static let crashDateUnparseable = "crash_date_unparseable"
    public static let crashDateInFuture = "crash_date_in_future"
    public static let missingUnitID = "missing_crash_unit_id"
    public static let missingPersonID = "missing_person_id"
    public static let crashNotInSilver = "crash_not_in_silver"
}
