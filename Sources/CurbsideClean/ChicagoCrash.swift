import CurbsideModel

/// One crash as silver holds it, before imputation and the vehicle and people rollups.
public struct ChicagoCrash: Sendable, Equatable {
    public struct Injuries: Sendable, Equatable {
        public var total: Int?
        public var fatal: Int?
        public var incapacitating: Int?
        public var nonIncapacitating: Int?
        public var reportedNotEvident: Int?
        public var noIndication: Int?
    }

    public var id: String
    /// The portal's timestamp as given.
    public var crashDate: String
    public var day: Day
    public var hour: Int
    /// 1 = Sunday … 7 = Saturday.
    public var dayOfWeek: Int
    public var month: Int
    /// True when `crash_hour` was missing or not 0…23 and the hour came from `crash_date`.
    public var hourFromDate: Bool
    /// Valid coordinates only (nil when missing, unreadable, out of the city's box, or at 0,0).
    public var latitude: Coordinate?
    public var longitude: Coordinate?
    public var weather: String
    public var lighting: String
    public var surface: String
    public var trafficControl: String
    public var weatherRaw: String?
    public var lightingRaw: String?
    public var surfaceRaw: String?
    public var trafficControlRaw: String?
    public var postedSpeedLimit: Int?
    public var speedCapped: Bool
    public var numUnits: Int?
    public var unitsCapped: Bool
    public var crashType: String?
    public var firstCrashType: String?
    public var trafficwayType: String?
    public var roadDefect: String?
    public var streetDirection: String?
    public var beat: String?
    public var primaryCause: String?
    public var damage: String?
    public var mostSevereInjury: String?
    public var injuries: Injuries
    public var hitAndRunRaw: String?
    public var hitAndRun: Bool
    public var intersectionRelated: Bool
    public var notRightOfWay: Bool
    public var workZone: Bool
    public var privateProperty: Bool
    public var dooring: Bool

    public var hourBin: String { ChicagoCleaner.hourBin(hour) }
    public var isWeekend: Bool { ChicagoCleaner.isWeekend(dayOfWeek) }
}

/// A crash's vehicles and people, rolled up to one row.
public struct CrashUnits: Sendable, Equatable {
    public var vehicles = 0
    public var people = 0
    public var unitTypes: [String: Int] = [:]
    public var personTypes: [String: Int] = [:]
    /// People by injury class: FATAL, INCAPACITATING INJURY, NONINCAPACITATING INJURY, REPORTED, NOT EVIDENT,
    /// NO INDICATION OF INJURY; anything else counts as unknown.
    public var fatal = 0
    public var incapacitating = 0
    public var nonIncapacitating = 0
    public var reportedNotEvident = 0
    public var noIndication = 0
    public var injuryUnknown = 0
    public var driverAges: [Int] = []

    public init() {}

    /// A vehicle (unit) of `unitType`.
    public mutating func add(unitType: String) {
        vehicles += 1
        unitTypes[unitType, default: 0] += 1
    }

    /// A person of `personType` with their injury classification and age (drivers' ages are kept).
    public mutating func add(personType: String, injury: String, age: Int?) {
        people += 1
        personTypes[personType, default: 0] += 1
        switch injury {
        case "FATAL": fatal += 1
        case "INCAPACITATING INJURY": incapacitating += 1
        case "NONINCAPACITATING INJURY": nonIncapacitating += 1
        case "REPORTED, NOT EVIDENT": reportedNotEvident += 1
        case "NO INDICATION OF INJURY": noIndication += 1
        default: injuryUnknown += 1
        }
        if personType == "DRIVER", let age { driverAges.append(age) }
    }

    /// `DRIVER 2; PARKED 1`: each type with its count, in byte order of the type.
    public static func summary(_ counts: [String: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; ")
    }

    /// The mean driver age to one decimal, or nil without ages.
    public var driverAgeMean: Double? {
        guard !driverAges.isEmpty else { return nil }
        let tenths = (driverAges.reduce(0, +) * 20 + driverAges.count) / (2 * driverAges.count)
        return Double(tenths) / 10
    }
}

/// A vehicle (a unit: a driver's vehicle, a parked car, a pedestrian or a cyclist) of one crash.
public struct ChicagoVehicle: Sendable, Equatable {
    public var unitID: String
    public var crashID: String?
    public var unitType: String
    public var vehicleType: String?
    public var maneuver: String?

    /// The vehicle columns cleaning reads.
    public static let columns = SelectedRow.Names([
        "crash_unit_id", "crash_record_id", "unit_type", "vehicle_type", "maneuver",
    ])

    /// Nil without `crash_unit_id`: the row cannot be told apart from another copy.
    public init?(_ fields: [String: JSONField]) { self.init(SelectedRow(fields, names: Self.columns)) }

    /// Nil without `crash_unit_id`.
    public init?(_ fields: SelectedRow) {
        guard let unitID = ChicagoCleaner.text(fields["crash_unit_id"]) else { return nil }
        self.unitID = unitID
        crashID = ChicagoCleaner.text(fields["crash_record_id"])
        unitType = ChicagoCleaner.text(fields["unit_type"])?.uppercased() ?? "UNKNOWN"
        vehicleType = ChicagoCleaner.text(fields["vehicle_type"])
        maneuver = ChicagoCleaner.text(fields["maneuver"])
    }
}

/// A person (driver, passenger, pedestrian, cyclist…) of one crash.
public struct ChicagoPerson: Sendable, Equatable {
    public var personID: String
    public var crashID: String?
    public var personType: String
    public var injuryClassification: String
    /// 0…120, else missing.
    public var age: Int?

    /// The person columns cleaning reads.
    public static let columns = SelectedRow.Names([
        "person_id", "crash_record_id", "person_type", "injury_classification", "age",
    ])

    /// Nil without `person_id`.
    public init?(_ fields: [String: JSONField]) { self.init(SelectedRow(fields, names: Self.columns)) }

    /// Nil without `person_id`.
    public init?(_ fields: SelectedRow) {
        guard let personID = ChicagoCleaner.text(fields["person_id"]) else { return nil }
        self.personID = personID
        crashID = ChicagoCleaner.text(fields["crash_record_id"])
        personType = ChicagoCleaner.text(fields["person_type"])?.uppercased() ?? "UNKNOWN"
        injuryClassification = ChicagoCleaner.text(fields["injury_classification"])?.uppercased() ?? "UNKNOWN"
        age = ChicagoCleaner.integer(fields["age"]).flatMap { (0...120).contains($0) ? $0 : nil }
    }
}
