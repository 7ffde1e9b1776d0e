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
    static let sexes = ["M", "F", "X"]
    /// The crash's injury counts, most severe first, and the class each gives its people.
    static let injuryClasses = [
        ("injuries_fatal", "FATAL"), ("injuries_incapacitating", "INCAPACITATING INJURY"),
        ("injuries_non_incapacitating", "NONINCAPACITATING INJURY"),
        ("injuries_reported_not_evident", "REPORTED, NOT EVIDENT"),
    ]
    /// The class of the people beyond the injured.
    static let uninjured = "NO INDICATION OF INJURY"
    /// People of one injury class at most, per crash.
    static let maxPerClass = 20

    /// - Parameter crashesJSON: the crashes as the portal sends them (a JSON array of objects).
    /// - Returns: the vehicles and the people, each a JSON array in the portal's shape (strings, missing = absent).
    /// - Throws: `JSONSyntaxError` when the crashes are not a JSON array of objects.
    public static func rows(forCrashes crashesJSON: [UInt8]) throws -> (vehicles: [UInt8], people: [UInt8]) {
        // Only seven fields count: they are found by their key bytes in one pass and decoded alone, the
        // other forty or so of each crash are skipped (a million crashes take seconds, not minutes).
        // A crash takes 1,300 to 1,500 bytes and has about two vehicles and two people.
        var writer = CrashUnitWriter(vehicles: crashesJSON.count / 500, people: crashesJSON.count / 500)
        do {
            try JSONSlicer.objects(ofArray: crashesJSON) { members throws(JSONSlicer.Failure) in
                var texts = [String?](repeating: nil, count: wantedKeys.count)
                for member in members {
                    guard let index = try wantedKeyIndex(crashesJSON, member.key) else { continue }
                    texts[index] = try text(crashesJSON, member.value)
                }
                guard let id = texts[0] else { return }
                writer.add(
                    crashID: Array(id.utf8), idPrefix: Array(id.prefix(12).utf8), date: Array((texts[1] ?? "").utf8),
                    units: UnitPlan(numUnits: texts[2], injuries: Array(texts[3...])))
            }
        } catch {
            throw JSONSyntaxError(offset: error.offset, problem: error.message)
        }
        return writer.finish()
    }

    /// The fields a crash's made-up rows depend on: its id, date, units, then the injury counts.
    static let wantedKeys = ["crash_record_id", "crash_date", "num_units"] + injuryClasses.map(\.0)
    private static let wantedKeyBytes = wantedKeys.map { Array($0.utf8) }
    private static let wantedKeyLengths = wantedKeyBytes.map(\.count)

    /// Which of `wantedKeys` the key at `range` (its bytes between the quotes) is, if any.
    private static func wantedKeyIndex(_ bytes: [UInt8], _ range: Range<Int>) throws(JSONSlicer.Failure) -> Int? {
        let key = bytes[range]
        if key.contains(UInt8(ascii: "\\")) {
            return wantedKeys.firstIndex(
                of: try decoded(#"{""# + String(decoding: key, as: UTF8.self) + #"":0}"#, at: range).key)
        }
        for index in wantedKeyLengths.indices where wantedKeyLengths[index] == key.count {
            if wantedKeyBytes[index].elementsEqual(key) { return index }
        }
        return nil
    }

    /// The value at `range` as `JSONField.text` gives it: a string decoded, anything else as written, null as nil.
    private static func text(_ bytes: [UInt8], _ range: Range<Int>) throws(JSONSlicer.Failure) -> String? {
        let value = bytes[range]
        if value.first == UInt8(ascii: "\""), value.count >= 2, !value.contains(UInt8(ascii: "\\")) {
            return String(decoding: value.dropFirst().dropLast(), as: UTF8.self)
        }
        return try decoded(#"{"v":"# + String(decoding: value, as: UTF8.self) + "}", at: range).value.text
    }

    /// The one member of a small object, read as ingestion reads rows (escapes decoded).
    private static func decoded(_ object: String, at range: Range<Int>) throws(JSONSlicer.Failure) -> (
        key: String, value: JSONField
    ) {
        guard let member = try? FlatJSON.fields(of: Array(object.utf8)).first else {
            throw JSONSlicer.Failure(offset: range.lowerBound, message: "malformed JSON")
        }
        return member
    }

    /// What a crash's made-up rows follow besides its id and date: how many vehicles, and each person's
    /// injury class (one driver per vehicle, then passengers).
    struct UnitPlan: Sendable {
        /// Vehicles, 1 to 10.
        var vehicles: Int
        /// Each person's class, an index into `injuryClasses`, or `injuryClasses.count` for the uninjured.
        var classes: [Int]

        /// - Parameters:
        ///   - numUnits: the crash's `num_units` as sent (nil when missing).
        ///   - injuries: its `injuries_*` counts in the order of `injuryClasses`.
        init(numUnits: String?, injuries: [String?]) {
            vehicles = min(max(Int(numUnits ?? "") ?? 1, 1), 10)
            classes = []
            for (index, count) in injuries.enumerated() {
                classes += Array(repeating: index, count: min(max(Int(count ?? "") ?? 0, 0), maxPerClass))
            }
            let people = max(vehicles, classes.count)
            classes += Array(repeating: injuryClasses.count, count: people - classes.count)
        }
    }

    static func seed(_ id: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// The next ``SplitMix64`` draw from `state`.
    static func nextWord(_ state: inout UInt64) -> UInt64 {
        var generator = SplitMix64(seed: state)
        defer { state = generator.state }
        return generator.next()
    }

    /// The next SplitMix64 draw, reduced to 0 ..< 1,000,003 (a choice among fewer things is `% count`).
    static func next(_ state: inout UInt64) -> Int { Int(nextWord(&state) % 1_000_003) }
}
