import CurbsideModel

/// Writes the made-up vehicles and people of `SyntheticCrashUnits` crash by crash, straight into two
/// JSON arrays of bytes (each constant piece encoded once), so a million crashes take seconds.
struct CrashUnitWriter {
    private(set) var vehicles: [UInt8] = [UInt8(ascii: "[")]
    private(set) var people: [UInt8] = [UInt8(ascii: "[")]
    private let pieces = Pieces.shared

    /// - Parameters:
    ///   - vehicles: about how many vehicles will be added (to reserve room; a guess is fine).
    ///   - people: about how many people.
    init(vehicles: Int, people: Int) {
        // A vehicle row takes about 415 bytes and a person's 350 with the portal's 128-character crash ids;
        // reserving a little more costs only address space, growing past it copies everything written.
        self.vehicles.reserveCapacity(vehicles * 450)
        self.people.reserveCapacity(people * 400)
    }

    /// Adds one crash's vehicles and people.
    /// - Parameters:
    ///   - crashID: the crash's `crash_record_id`, as UTF-8; it seeds the made-up values.
    ///   - idPrefix: its first 12 characters, which begin the unit and person ids.
    ///   - date: the crash's `crash_date` as sent (empty when missing).
    ///   - units: how many vehicles and people, and each person's injury class.
    mutating func add(crashID: [UInt8], idPrefix: [UInt8], date: [UInt8], units: SyntheticCrashUnits.UnitPlan) {
        typealias S = SyntheticCrashUnits
        let p = pieces
        var seed = S.seed(crashID)
        // Each crash's texts are escaped once, then copied into each of its rows.
        var id: [UInt8] = []
        JSONBytes.appendQuoted(crashID, to: &id)
        var day: [UInt8] = []
        JSONBytes.appendQuoted(date, to: &day)
        var prefix: [UInt8] = []
        JSONBytes.appendEscaped(idPrefix, to: &prefix)
        let count = units.vehicles
        let people = units.classes.count
        for unit in 1...count {
            Self.separate(&vehicles)
            vehicles += p.unitID
            Self.appendID(prefix, "-U", unit, to: &vehicles)
            vehicles += p.crashRecordID
            vehicles += id
            vehicles += p.crashDate
            vehicles += day
            vehicles += p.unitNo
            JSONBytes.appendQuotedDecimal(unit, to: &vehicles)
            vehicles += p.driverUnit
            Self.appendID(prefix, "-V", unit, to: &vehicles)
            vehicles += p.make
            vehicles += p.makes[S.next(&seed) % p.makes.count]
            vehicles += p.vehicleYear
            JSONBytes.appendQuotedDecimal(2000 + S.next(&seed) % 23, to: &vehicles)
            vehicles += p.vehicleType
            vehicles += p.vehicleTypes[S.next(&seed) % p.vehicleTypes.count]
            vehicles += p.maneuver
            vehicles += p.maneuvers[S.next(&seed) % p.maneuvers.count]
            vehicles += p.occupants
            JSONBytes.appendQuotedDecimal(unit == 1 ? people - count + 1 : 1, to: &vehicles)
            vehicles.append(UInt8(ascii: "}"))
        }
        for person in 0..<people {
            Self.separate(&self.people)
            self.people += p.personID
            Self.appendID(prefix, "-P", person + 1, to: &self.people)
            self.people += person < count ? p.driverPerson : p.passengerPerson
            self.people += id
            self.people += p.vehicleID
            Self.appendID(prefix, "-V", person < count ? person + 1 : 1, to: &self.people)
            self.people += p.crashDate
            self.people += day
            self.people += p.sex
            self.people += p.sexes[S.next(&seed) % p.sexes.count]
            self.people += p.age
            JSONBytes.appendQuotedDecimal(16 + S.next(&seed) % 70, to: &self.people)
            self.people += p.injury
            self.people += p.classes[units.classes[person]]
            self.people.append(UInt8(ascii: "}"))
        }
    }

    /// Closes the two arrays and returns them; add nothing after this.
    mutating func finish() -> (vehicles: [UInt8], people: [UInt8]) {
        // Appending in place and returning shares the buffers: a gigabyte is not copied.
        vehicles.append(UInt8(ascii: "]"))
        people.append(UInt8(ascii: "]"))
        return (vehicles, people)
    }

    /// Rows after the first begin on a new line with a comma, as the portal's arrays do.
    private static func separate(_ out: inout [UInt8]) {
        if out.count > 1 { out += [0x0A, UInt8(ascii: ",")] }
    }

    /// `"<prefix><tag><n>"`, e.g. `"79c7a2ce89f4-V2"`, from the prefix already escaped.
    private static func appendID(_ prefix: [UInt8], _ tag: StaticString, _ n: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        out += prefix
        out += UnsafeBufferPointer(start: tag.utf8Start, count: tag.utf8CodeUnitCount)
        DecimalBytes.append(n, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// The constant pieces of the rows, encoded once.
    private struct Pieces {
        static let shared = Pieces()

        static func quoted(_ values: [String]) -> [[UInt8]] { values.map { Array(JSONText.quoted($0).utf8) } }

        let makes = Pieces.quoted(SyntheticCrashUnits.makes)
        let vehicleTypes = Pieces.quoted(SyntheticCrashUnits.vehicleTypes)
        let maneuvers = Pieces.quoted(SyntheticCrashUnits.maneuvers)
        let sexes = Pieces.quoted(SyntheticCrashUnits.sexes)
        let classes = Pieces.quoted(SyntheticCrashUnits.injuryClasses.map(\.1) + [SyntheticCrashUnits.uninjured])

        // The members between the values, in the order the rows have always had.
        let unitID = Array("{".utf8) + JSONBytes.member("crash_unit_id")
        let crashRecordID = Array(",".utf8) + JSONBytes.member("crash_record_id")
        let crashDate = Array(",".utf8) + JSONBytes.member("crash_date")
        let unitNo = Array(",".utf8) + JSONBytes.member("unit_no")
        let driverUnit =
            Array(",".utf8) + JSONBytes.member("unit_type") + Array(#""DRIVER","#.utf8) + JSONBytes.member("vehicle_id")
        let make = Array(",".utf8) + JSONBytes.member("make")
        let vehicleYear = Array(",".utf8) + JSONBytes.member("vehicle_year")
        let vehicleType = Array(",".utf8) + JSONBytes.member("vehicle_type")
        let maneuver = Array(",".utf8) + JSONBytes.member("maneuver")
        let occupants = Array(",".utf8) + JSONBytes.member("occupant_cnt")
        let personID = Array("{".utf8) + JSONBytes.member("person_id")
        let driverPerson = Pieces.personType("DRIVER")
        let passengerPerson = Pieces.personType("PASSENGER")
        let vehicleID = Array(",".utf8) + JSONBytes.member("vehicle_id")
        let sex = Array(",".utf8) + JSONBytes.member("sex")
        let age = Array(",".utf8) + JSONBytes.member("age")
        let injury = Array(",".utf8) + JSONBytes.member("injury_classification")

        static func personType(_ type: String) -> [UInt8] {
            Array(",".utf8) + JSONBytes.member("person_type") + Array(JSONText.quoted(type).utf8) + Array(",".utf8)
                + JSONBytes.member("crash_record_id")
        }
    }
}
