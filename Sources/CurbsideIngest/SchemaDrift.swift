import CurbsideModel

/// What a dataset's rows are expected to hold: field names and their JSON types as the portal sends
/// them (every value a string, a few nested objects). A null is a missing key, so a field is
/// "missing" only when no row of the run has it.
public struct ExpectedSchema: Sendable {
    public var fields: [String: String]

    public init(fields: [String: String]) { self.fields = fields }

    /// NYC's 19 fields, from the portal's own `X-SODA2-Fields` header (samples/nyc/…cassette…yml).
    public static let nycViolations = ExpectedSchema(
        fields: Dictionary(
            uniqueKeysWithValues: [
                "plate", "state", "license_type", "summons_number", "issue_date", "violation_time", "violation",
                "judgment_entry_date", "fine_amount", "penalty_amount", "interest_amount", "reduction_amount",
                "payment_amount", "amount_due", "precinct", "county", "issuing_agency", "violation_status",
            ].map { ($0, "string") } + [("summons_image", "object")]))

    /// Chicago crashes' 49 fields, from the portal export's header; `location` is a GeoJSON point.
    public static let chicagoCrashes = ExpectedSchema(
        fields: Dictionary(
            uniqueKeysWithValues: [
                "crash_record_id", "rd_no", "crash_date_est_i", "crash_date", "posted_speed_limit",
                "traffic_control_device", "device_condition", "weather_condition", "lighting_condition",
                "first_crash_type", "trafficway_type", "lane_cnt", "alignment", "roadway_surface_cond", "road_defect",
                "report_type", "crash_type", "intersection_related_i", "not_right_of_way_i", "hit_and_run_i", "damage",
                "date_police_notified", "prim_contributory_cause", "sec_contributory_cause", "street_no",
                "street_direction", "street_name", "beat_of_occurrence", "photos_taken_i", "statements_taken_i",
                "dooring_i", "work_zone_i", "work_zone_type", "workers_present_i", "num_units", "most_severe_injury",
                "injuries_total", "injuries_fatal", "injuries_incapacitating", "injuries_non_incapacitating",
                "injuries_reported_not_evident", "injuries_no_indication", "injuries_unknown", "crash_hour",
                "crash_day_of_week", "crash_month", "latitude", "longitude",
            ].map { ($0, "string") } + [("location", "object")]))
}

/// Schema drift seen in one dataset's rows during a run: unknown fields (kept in bronze, reported),
/// expected fields no row had, and fields whose JSON type changed (number ↔ string, object ↔ string).
public struct SchemaDrift: Sendable {
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case unknownField = "unknown_field"
            case missingField = "missing_field"
            case typeChanged = "type_changed"
        }
        public var kind: Kind
        public var field: String
        /// For a type change, `expected string, found number`.
        public var detail: String
        /// Rows that showed it (0 for a missing field).
        public var rows: Int

        public var description: String {
            switch kind {
            case .unknownField: return "unknown field '\(field)' in \(rows) row(s) (kept in bronze)"
            case .missingField: return "expected field '\(field)' is in no row"
            case .typeChanged: return "field '\(field)': \(detail) in \(rows) row(s)"
            }
        }
    }

    let expected: ExpectedSchema?
    private var seen: Set<String> = []
    private var unknown: [String: Int] = [:]
    private var changed: [String: (detail: String, rows: Int)] = [:]
    public private(set) var rows = 0
    /// Keys met so far by the hash of their bytes, with their expected type (nil: unknown), so the
    /// hot path makes no String per field.
    private var keys: [UInt64: (name: String, expected: String?)] = [:]
    /// The previous row's keys by position: rows of one dataset nearly always list the same keys in the same
    /// order, so a key is usually found here without hashing the hash into the dictionary.
    private var lastRow: [(hash: UInt64, name: String, expected: String?)] = []

    public init(expected: ExpectedSchema?) { self.expected = expected }

    /// Inspects one row from its raw bytes.
    /// - Returns: the string value of `idField`, when the row is an object that has one.
    public mutating func inspect(row: ArraySlice<UInt8>, idField: [UInt8]) -> String? {
        rows += 1
        var pending: [(String, String)] = []
        var position = 0
        let id = try? FlatJSON.scan(row, idKey: idField) { keyBytes, first in
            see(keyBytes, first, at: position, pending: &pending)
            position += 1
        }
        settle(pending)
        return id ?? nil
    }

    /// Inspects a whole page in one pass over its bytes (ingest's hot path): every row's range and id, and its
    /// fields for drift. Nothing is counted when the page is not one complete JSON array.
    /// - Throws: `JSONSyntaxError` for a truncated or malformed page.
    public mutating func inspect(
        page body: [UInt8], idField: [UInt8]
    ) throws -> [(recordID: String?, range: Range<Int>)] {
        var trial = self
        var pending: [(String, String)] = []
        var current = -1
        var position = 0
        let found = try FlatJSON.scanRows(of: body, idKey: idField) { row, keyBytes, first in
            if row != current {
                trial.settle(pending)
                pending.removeAll(keepingCapacity: true)
                current = row
                position = 0
            }
            trial.see(keyBytes, first, at: position, pending: &pending)
            position += 1
        }
        trial.settle(pending)
        trial.rows += found.count
        self = trial
        return found
    }

    /// One key of a row: its name (from the previous row's key at this position when the bytes match, else
    /// the key table), and a finding when it is unknown or its value's type is not the expected one.
    private mutating func see(
        _ keyBytes: UnsafeBufferPointer<UInt8>, _ first: UInt8, at position: Int, pending: inout [(String, String)]
    ) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in keyBytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let entry: (name: String, expected: String?)
        if position < lastRow.count, lastRow[position].hash == hash {
            entry = (lastRow[position].name, lastRow[position].expected)
        } else {
            if let known = keys[hash] {
                entry = known
            } else {
                let name = String(decoding: keyBytes, as: UTF8.self)
                entry = (name, expected?.fields[name])
                keys[hash] = entry
                seen.insert(name)
            }
            if position < lastRow.count {
                lastRow[position] = (hash, entry.name, entry.expected)
            } else {
                lastRow.append((hash, entry.name, entry.expected))
            }
        }
        guard expected != nil else { return }
        guard let want = entry.expected else {
            pending.append((entry.name, ""))
            return
        }
        let type = FlatJSON.typeName(firstByte: first)
        if type != "null", type != want { pending.append((entry.name, "expected \(want), found \(type)")) }
    }

    /// Counts one row's findings.
    private mutating func settle(_ pending: [(String, String)]) {
        for (key, detail) in pending {
            if detail.isEmpty {
                unknown[key, default: 0] += 1
            } else {
                changed[key] = (detail, (changed[key]?.rows ?? 0) + 1)
            }
        }
    }

    /// Adds what another inspector saw (one day's rows, inspected on its own task).
    public mutating func merge(_ other: SchemaDrift) {
        rows += other.rows
        seen.formUnion(other.seen)
        for (key, n) in other.unknown { unknown[key, default: 0] += n }
        for (key, c) in other.changed { changed[key] = (c.detail, (changed[key]?.rows ?? 0) + c.rows) }
        keys.merge(other.keys) { a, _ in a }
    }

    /// Findings sorted by kind, then field. Missing fields are judged only when rows were seen.
    public var findings: [Finding] {
        var result = unknown.map { Finding(kind: .unknownField, field: $0.key, detail: "", rows: $0.value) }
        result += changed.map {
            Finding(kind: .typeChanged, field: $0.key, detail: $0.value.detail, rows: $0.value.rows)
        }
        if rows > 0, let expected {
            result += expected.fields.keys.filter { !seen.contains($0) }.map {
                Finding(kind: .missingField, field: $0, detail: "", rows: 0)
            }
        }
        return result.sorted { ($0.kind.rawValue, $0.field) < ($1.kind.rawValue, $1.field) }
    }
}
