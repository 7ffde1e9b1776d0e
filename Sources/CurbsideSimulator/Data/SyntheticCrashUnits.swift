import CurbsideModel

/// Made-up vehicles and people for real crashes, for the bundled sample: no real rows of Chicago's
/// Vehicles (`68nd-jvt3`) or People (`u6pd-qa9d`) could be had. Each crash gets `num_units`
/// vehicles with one driver each, and as many people with each injury class as the crash's
/// `injuries_*` counts say (passengers are added when the injured outnumber the drivers). Makes,
/// ages and sexes come from a hash of the crash id, so the same crashes always give the same rows.
/// The site labels these rows as made up.
public enum SyntheticCrashUnits {
    static let makes = ["TOYOTA", "HONDA", "FORD", "CHEVROLET", "NISSAN", "HYUNDAI", "JEEP", "KIA", "DODGE", "UNKNOWN"]
    static let vehicleTypes = [
        "PASSENGER", "SPORT UTILITY VEHICLE (SUV)", "PICKUP", "VAN/MINI-VAN", "TRUCK - SINGLE UNIT",
    ]
    static let maneuvers = [
        "STRAIGHT AHEAD", "TURNING LEFT", "TURNING RIGHT", "SLOW/STOP IN TRAFFIC", "PARKED", "BACKING",
    ]

    /// - Parameter crashesJSON: the crashes as the portal sends them (a JSON array of objects).
    /// - Returns: the vehicles and the people, each a JSON array in the portal's shape (strings, missing = absent).
    public static func rows(forCrashes crashesJSON: [UInt8]) throws -> (vehicles: [UInt8], people: [UInt8]) {
        var vehicles: [String] = []
        var people: [String] = []
        for range in try FlatJSON.elementRanges(of: crashesJSON) {
            let crash = try FlatJSON.dictionary(of: crashesJSON[range])
            guard let id = crash["crash_record_id"]?.text else { continue }
            let date = crash["crash_date"]?.text ?? ""
            var seed = Self.seed(id)
            let units = min(max(Int(crash["num_units"]?.text ?? "") ?? 1, 1), 10)
            var classes: [String] = []
            for (field, label) in [
                ("injuries_fatal", "FATAL"), ("injuries_incapacitating", "INCAPACITATING INJURY"),
                ("injuries_non_incapacitating", "NONINCAPACITATING INJURY"),
                ("injuries_reported_not_evident", "REPORTED, NOT EVIDENT"),
            ] {
                classes += Array(repeating: label, count: min(Int(crash[field]?.text ?? "") ?? 0, 20))
            }
            let persons = max(units, classes.count)
            classes += Array(repeating: "NO INDICATION OF INJURY", count: persons - classes.count)
            for unit in 1...units {
                let vehicleID = "\(id.prefix(12))-V\(unit)"
                vehicles.append(
                    Self.object([
                        ("crash_unit_id", "\(id.prefix(12))-U\(unit)"), ("crash_record_id", id), ("crash_date", date),
                        ("unit_no", String(unit)), ("unit_type", "DRIVER"), ("vehicle_id", vehicleID),
                        ("make", makes[next(&seed) % makes.count]),
                        ("vehicle_year", String(2000 + next(&seed) % 23)),
                        ("vehicle_type", vehicleTypes[next(&seed) % vehicleTypes.count]),
                        ("maneuver", maneuvers[next(&seed) % maneuvers.count]),
                        ("occupant_cnt", String(unit == 1 ? persons - units + 1 : 1)),
                    ]))
            }
            for person in 0..<persons {
                let unit = person < units ? person + 1 : 1
                people.append(
                    Self.object([
                        ("person_id", "\(id.prefix(12))-P\(person + 1)"),
                        ("person_type", person < units ? "DRIVER" : "PASSENGER"), ("crash_record_id", id),
                        ("vehicle_id", "\(id.prefix(12))-V\(unit)"), ("crash_date", date),
                        ("sex", ["M", "F", "X"][next(&seed) % 3]), ("age", String(16 + next(&seed) % 70)),
                        ("injury_classification", classes[person]),
                    ]))
            }
        }
        return (
            Array(("[" + vehicles.joined(separator: "\n,") + "]").utf8),
            Array(("[" + people.joined(separator: "\n,") + "]").utf8)
        )
    }

    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(JSONText.quoted($0.0)):\(JSONText.quoted($0.1))" }.joined(separator: ",") + "}"
    }

    static func seed(_ id: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// SplitMix64: small, fast, and the same on every machine.
    static func next(_ state: inout UInt64) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % 1_000_003)
    }
}
