/// Which built-in dataset family a row, partition or page belongs to.
public struct DatasetID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: DatasetID, b: DatasetID) -> Bool { a.rawValue < b.rawValue }

    /// NYC Open Parking and Camera Violations (`nc67-uf89`).
    public static let nycViolations = DatasetID("nyc_violations")
    /// Chicago Traffic Crashes – Crashes (`85ca-t3if`).
    public static let chicagoCrashes = DatasetID("chicago_crashes")
    /// Chicago Traffic Crashes – Vehicles (`68nd-jvt3`), fetched for the crashes fetched.
    public static let chicagoVehicles = DatasetID("chicago_vehicles")
    /// Chicago Traffic Crashes – People (`u6pd-qa9d`), fetched for the crashes fetched.
    public static let chicagoPeople = DatasetID("chicago_people")
}

/// The key of one unit of ingestion within a dataset: a day for NYC (`2025-05-10`).
public struct PartitionKey: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: PartitionKey, b: PartitionKey) -> Bool { a.rawValue < b.rawValue }
}

/// A published version: the as-of date and a short hash of every input, `2026-11-01-3f9c2a71d0`.
public struct VersionID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: VersionID, b: VersionID) -> Bool { a.rawValue < b.rawValue }
}
