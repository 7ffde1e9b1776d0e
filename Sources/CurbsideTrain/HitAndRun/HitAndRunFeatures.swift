import CurbsideModel

/// The hit-and-run classifier's 23 features: the reference pipeline's, read from `silver_chicago_crashes`.
/// Categories are the cleaned lists of DESIGN.md (anything else is OTHER); beats are numbered areas, used
/// as numbers as the reference did.
public enum HitAndRunFeatures {
    public struct Feature: Sendable, Equatable {
        /// The name in `model.json` and on the page (the reference pipeline's column name).
        public var name: String
        /// The SQL expression over `silver_chicago_crashes` that gives it.
        public var sql: String
        public var categorical: Bool
    }

    public static let all: [Feature] = [
        .init(name: "crash_day_of_week", sql: "crash_day_of_week", categorical: false),
        .init(name: "crash_hour", sql: "crash_hour", categorical: false),
        .init(name: "is_weekend", sql: "is_weekend", categorical: false),
        .init(name: "hour_bin", sql: "hour_bin", categorical: true),
        .init(name: "beat_of_occurrence", sql: "CAST(beat_of_occurrence AS INTEGER)", categorical: false),
        .init(name: "latitude", sql: "latitude", categorical: false),
        .init(name: "longitude", sql: "longitude", categorical: false),
        .init(name: "lat_bin", sql: "CAST(lat_bin AS REAL)", categorical: false),
        .init(name: "lng_bin", sql: "CAST(lng_bin AS REAL)", categorical: false),
        .init(name: "crash_type", sql: "crash_type", categorical: true),
        .init(name: "num_units", sql: "num_units", categorical: false),
        .init(name: "injuries_total", sql: "injuries_total", categorical: false),
        .init(name: "lighting_condition", sql: "lighting", categorical: true),
        .init(name: "posted_speed_limit", sql: "posted_speed_limit", categorical: false),
        .init(name: "road_defect", sql: "road_defect", categorical: true),
        .init(name: "roadway_surface_cond", sql: "surface", categorical: true),
        .init(name: "street_direction", sql: "street_direction", categorical: true),
        .init(name: "trafficway_type", sql: "trafficway_type", categorical: true),
        .init(name: "weather_condition", sql: "weather", categorical: true),
        .init(name: "traffic_control_device", sql: "traffic_control", categorical: true),
        .init(name: "intersection_related_i", sql: "intersection_related", categorical: false),
        .init(name: "work_zone_i", sql: "work_zone", categorical: false),
        .init(name: "private_property_i", sql: "private_property", categorical: false),
    ]

    /// The rows of the window (first ≤ day < end), oldest first (ties by id): id, date, label, then the features.
    public static func selectSQL(window: Range<Day>) -> String {
        "SELECT crash_record_id, crash_date, hit_and_run, "
            + all.map { "\($0.sql) AS \($0.name)" }.joined(separator: ", ")
            + " FROM silver_chicago_crashes WHERE crash_day >= '\(window.lowerBound.iso)' "
            + "AND crash_day < '\(window.upperBound.iso)' ORDER BY crash_date, crash_record_id"
    }
}

/// Category text ↔ code per categorical feature: the training rows' distinct values in byte order, coded
/// 0, 1, 2…; a value training never saw is missing when scoring.
public struct CategoryEncoding: Sendable, Equatable {
    /// Feature name → its values, in code order.
    public var labels: [String: [String]]

    public init(labels: [String: [String]]) { self.labels = labels }

    /// The value as the model sees it: a number, a category code, or NaN for missing.
    public func code(_ value: SQLValue, feature: HitAndRunFeatures.Feature) -> Float {
        if value.isNull { return .nan }
        if feature.categorical {
            guard let index = labels[feature.name]?.firstIndex(of: value.description) else { return .nan }
            return Float(index)
        }
        return value.number.map(Float.init) ?? .nan
    }
}
