/// The data-quality checks Curbside computes on every run, by stable id. `curbside.yml`'s
/// `quality.gates` sets a maximum for any of them; a check above its maximum refuses to publish.
public enum QualityCatalog {
    public struct Check: Sendable, Equatable {
        public var id: String
        public var dataset: DatasetID
        public var description: String
        /// A rate (0…1) or a count of findings.
        public var isRate: Bool
    }

    /// Crash columns whose share of missing values is reported (`chicago.crashes.null_rate.<column>`).
    public static let nullRateColumns = [
        "crash_type", "weather_condition", "lighting_condition", "roadway_surface_cond", "traffic_control_device",
        "posted_speed_limit", "num_units", "injuries_total", "beat_of_occurrence", "hit_and_run_i",
    ]

    public static let checks: [Check] =
        [
            Check(
                id: "nyc.quarantine_rate", dataset: .nycViolations,
                description: "share of NYC rows sent to quarantine", isRate: true),
            Check(
                id: "nyc.schema_drift", dataset: .nycViolations,
                description: "expected NYC fields missing or changed type in the last fetch", isRate: false),
            Check(
                id: "chicago.crashes.quarantine_rate", dataset: .chicagoCrashes,
                description: "share of crash rows sent to quarantine", isRate: true),
            Check(
                id: "chicago.crashes.future_date_rate", dataset: .chicagoCrashes,
                description: "share of crash rows dated after the as-of date", isRate: true),
            Check(
                id: "chicago.crashes.duplicate_id_rate", dataset: .chicagoCrashes,
                description: "share of crash rows that repeat a crash_record_id already seen", isRate: true),
            Check(
                id: "chicago.crashes.coordinates_invalid_rate", dataset: .chicagoCrashes,
                description: "share of crashes without usable coordinates (filled with the median)", isRate: true),
            Check(
                id: "chicago.crashes.out_of_range_rate", dataset: .chicagoCrashes,
                description: "share of crashes with num_units over 10 or posted_speed_limit over 75 (capped)",
                isRate: true),
            Check(
                id: "chicago.crashes.schema_drift", dataset: .chicagoCrashes,
                description: "expected crash fields missing or changed type in the last fetch", isRate: false),
            Check(
                id: "chicago.orphan_rate", dataset: .chicagoCrashes,
                description: "share of vehicle and people rows whose crash is not in silver", isRate: true),
        ]
        + nullRateColumns.map {
            Check(
                id: "chicago.crashes.null_rate.\($0)", dataset: .chicagoCrashes,
                description: "share of crashes without \($0)", isRate: true)
        }

    /// The gates a config without `quality.gates` gets: loose enough for real portal data, tight enough
    /// to stop a broken feed.
    public static let defaultGates: [String: Double] = [
        "nyc.quarantine_rate": 0.10,
        "chicago.crashes.quarantine_rate": 0.10,
        "chicago.crashes.future_date_rate": 0.05,
        "chicago.crashes.duplicate_id_rate": 0.10,
        "chicago.crashes.coordinates_invalid_rate": 0.25,
        "chicago.crashes.out_of_range_rate": 0.05,
        "chicago.orphan_rate": 0.10,
    ]

    public static func check(_ id: String) -> Check? { checks.first { $0.id == id } }
}
