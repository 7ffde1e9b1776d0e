import CurbsideModel
import CurbsideTestSupport
import Testing

@testable import CurbsideSimulator

/// The byte writer behind `SyntheticCrashUnits` must give what the sample site was built from: these tests
/// hold the first, string-joining version as the reference and compare bytes.
@Suite("Made-up vehicles and people")
struct SyntheticCrashUnitsTests {
    @Test("the bundled sample's 499 crashes give the same bytes as the reference version")
    func sampleBytesUnchanged() throws {
        let crashes = try Fixtures.bytes("samples/chicago/85ca-t3if.json")
        let fast = try SyntheticCrashUnits.rows(forCrashes: crashes)
        let reference = try ReferenceCrashUnits.rows(forCrashes: crashes)
        // Hashes, lengths and the first differing byte, not millions of bytes, when they differ.
        #expect(SHA256Hex.of(fast.vehicles) == SHA256Hex.of(reference.vehicles))
        #expect(SHA256Hex.of(fast.people) == SHA256Hex.of(reference.people))
        try #require(fast.vehicles.count == reference.vehicles.count && fast.people.count == reference.people.count)
        #expect(fast.vehicles.indices.first { fast.vehicles[$0] != reference.vehicles[$0] } == nil)
        #expect(fast.people.indices.first { fast.people[$0] != reference.people[$0] } == nil)
        #expect(fast.vehicles.count > 100_000)
    }

    @Test(
        "odd crashes give the same bytes as the reference version",
        arguments: [
            #"[{"crash_record_id":"a\"b\\c\u0001d\te\nf","crash_date":"2022-01-0\u001f","num_units":"3"}]"#,
            #"[{"crash_record_id":"ünïcödé-crash-id-ß","num_units":"15","injuries_fatal":"25"}]"#,
            #"[{"crash_record_id":"e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301"}]"#,
            #"[{"crash_date":"2022-01-01"},{"crash_record_id":null},{"crash_record_id":"x","num_units":null}]"#,
            #"[{"crash_record_id":"x","num_units":2,"injuries_incapacitating":"1","injuries_non_incapacitating":"2"}]"#,
            #"[{"crash_record_id":"a","crash_record_id":"b","injuries_reported_not_evident":"4","num_units":"0"}]"#,
            #"[{"crash\u005frecord_id":"a\u0062c","num_\u0075nits":"3","injuries_fatal":" 2","injuries_total":"9"}]"#,
            #"[ { "crash_record_id" : "q" , "num_units" : "2.0" , "location" : {"a": [1, "}"]} } ]"#,
            #"[{"crash_record_id":"r","crash_date":true,"num_units":"4","injuries_incapacitating":"-0"}]"#,
            "[]",
        ])
    func oddCrashes(json: String) throws {
        let fast = try SyntheticCrashUnits.rows(forCrashes: Array(json.utf8))
        let reference = try ReferenceCrashUnits.rows(forCrashes: Array(json.utf8))
        #expect(String(decoding: fast.vehicles, as: UTF8.self) == String(decoding: reference.vehicles, as: UTF8.self))
        #expect(String(decoding: fast.people, as: UTF8.self) == String(decoding: reference.people, as: UTF8.self))
    }

    @Test("a negative injury count makes no people of that class (the reference version stopped the program)")
    func negativeInjuries() throws {
        let json = #"[{"crash_record_id":"x","num_units":"1","injuries_fatal":"-2","injuries_incapacitating":"1"}]"#
        let rows = try SyntheticCrashUnits.rows(forCrashes: Array(json.utf8))
        let people = try FlatJSON.elementRanges(of: rows.people).map {
            try FlatJSON.dictionary(of: rows.people[$0])["injury_classification"]?.text
        }
        #expect(people == ["INCAPACITATING INJURY"])
    }

    @Test("rows that are not a JSON array of objects are refused")
    func malformed() {
        #expect(throws: JSONSyntaxError.self) { try SyntheticCrashUnits.rows(forCrashes: Array("[{".utf8)) }
        #expect(throws: JSONSyntaxError.self) { try SyntheticCrashUnits.rows(forCrashes: Array("[1]".utf8)) }
    }
}

/// The first version of `SyntheticCrashUnits.rows(forCrashes:)`, kept as the reference its bytes must match.
private enum ReferenceCrashUnits {
    static func rows(forCrashes crashesJSON: [UInt8]) throws -> (vehicles: [UInt8], people: [UInt8]) {
        var vehicles: [String] = []
        var people: [String] = []
        for range in try FlatJSON.elementRanges(of: crashesJSON) {
            let crash = try FlatJSON.dictionary(of: crashesJSON[range])
            guard let id = crash["crash_record_id"]?.text else { continue }
            let date = crash["crash_date"]?.text ?? ""
            var seed = fnv1a(id)
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
                vehicles.append(
                    object([
                        ("crash_unit_id", "\(id.prefix(12))-U\(unit)"), ("crash_record_id", id), ("crash_date", date),
                        ("unit_no", String(unit)), ("unit_type", "DRIVER"), ("vehicle_id", "\(id.prefix(12))-V\(unit)"),
                        ("make", SyntheticCrashUnits.makes[next(&seed) % SyntheticCrashUnits.makes.count]),
                        ("vehicle_year", String(2000 + next(&seed) % 23)),
                        ("vehicle_type", SyntheticCrashUnits.vehicleTypes[next(&seed) % 5]),
                        ("maneuver", SyntheticCrashUnits.maneuvers[next(&seed) % 6]),
                        ("occupant_cnt", String(unit == 1 ? persons - units + 1 : 1)),
                    ]))
            }
            for person in 0..<persons {
                let unit = person < units ? person + 1 : 1
                people.append(
                    object([
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

    /// The reference's hash and SplitMix64, written out again so a change to the shared ones shows here.
    static func fnv1a(_ id: String) -> UInt64 {
        id.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    static func next(_ state: inout UInt64) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % 1_000_003)
    }
}
