import CurbsideModel

/// Synthetic Chicago crashes with made-up vehicles and people, for speed tests only, never for judging
/// the model: the labels are copied, not caused by anything, so a model trained on them learns the
/// sample's few hundred crashes again and again.
///
/// Calibrated on the real sample by resampling: each crash copies a real crash chosen at random, so
/// categories, times of day, coordinates, injuries, the hit-and-run share and the missing-field rates
/// follow the sample's. A copy gets a new unique `crash_record_id` (128 hex characters, the first 12 of
/// them unique, since the made-up unit and person ids begin with them) and `rd_no`, and a `crash_date`
/// on a day spread evenly over the days given, at the real crash's time of day; `crash_day_of_week`,
/// `crash_month` and `date_police_notified` follow the new day. Vehicles and people are
/// `SyntheticCrashUnits`' for those crashes, byte for byte, written as the crashes are.
/// Deterministic from the seed: the same arguments give the same bytes.
public enum SyntheticChicago {
    /// The three datasets, each a JSON array in the portal's shape.
    public struct Rows: Sendable {
        public var crashes: [UInt8]
        public var vehicles: [UInt8]
        public var people: [UInt8]

        public init(crashes: [UInt8], vehicles: [UInt8], people: [UInt8]) {
            self.crashes = crashes
            self.vehicles = vehicles
            self.people = people
        }
    }

    /// - Parameters:
    ///   - templates: real crashes (a JSON array, as the portal sends them).
    ///   - count: crashes to make.
    ///   - days: the crash days to spread them over, evenly, in this order.
    ///   - seed: the same seed gives the same bytes.
    /// - Returns: the crashes and their vehicles and people.
    /// - Throws: `JSONSyntaxError` when the templates are not a JSON array of objects.
    public static func rows(templates: [UInt8], count: Int, days: [Day], seed: UInt64) throws -> Rows {
        let parsed = try FlatJSON.elementRanges(of: templates).map {
            CrashTemplate(fields: try FlatJSON.fields(of: templates[$0]))
        }
        precondition(!parsed.isEmpty && !days.isEmpty && count >= 0)
        let calendar = days.map(DayTexts.init)
        var state = seed
        let idKey = SyntheticCrashUnits.nextWord(&state)
        var crashes: [UInt8] = [UInt8(ascii: "[")]
        let average = parsed.reduce(0) { $0 + $1.approximateLength } / parsed.count
        crashes.reserveCapacity(count * (average + 4))
        let expectedVehicles = parsed.reduce(0) { $0 + $1.units.vehicles } * count / parsed.count
        let expectedPeople = parsed.reduce(0) { $0 + $1.units.classes.count } * count / parsed.count
        var units = CrashUnitWriter(vehicles: expectedVehicles + 16, people: expectedPeople + 16)
        for index in 0..<count {
            if index > 0 { crashes += [0x0A, UInt8(ascii: ",")] }
            let template = parsed[SyntheticCrashUnits.next(&state) % parsed.count]
            let day = calendar[index * days.count / max(count, 1)]
            let id = recordID(index: index, key: idKey, state: &state)
            let date: [UInt8]
            switch template.crashDate {
            case .rewritten(let time): date = day.iso + time
            case .kept(let text): date = text
            case .missing: date = []
            }
            for piece in template.pieces {
                switch piece {
                case .bytes(let bytes): crashes += bytes
                case .recordID:
                    // Hex digits need no escape.
                    crashes.append(UInt8(ascii: "\""))
                    crashes += id
                    crashes.append(UInt8(ascii: "\""))
                case .reportNumber: appendReportNumber(index: index, to: &crashes)
                case .crashDate(let time):
                    crashes.append(UInt8(ascii: "\""))
                    crashes += day.iso
                    JSONBytes.appendEscaped(time, to: &crashes)
                    crashes.append(UInt8(ascii: "\""))
                case .dayAfterCrash(let offset, let time):
                    crashes.append(UInt8(ascii: "\""))
                    JSONBytes.appendISO(day.day.adding(days: offset), to: &crashes)
                    JSONBytes.appendEscaped(time, to: &crashes)
                    crashes.append(UInt8(ascii: "\""))
                case .dayOfWeek: JSONBytes.appendQuotedDecimal(day.weekday, to: &crashes)
                case .month: JSONBytes.appendQuotedDecimal(day.month, to: &crashes)
                }
            }
            guard template.hasRecordID else { continue }
            units.add(crashID: id, idPrefix: Array(id.prefix(12)), date: date, units: template.units)
        }
        crashes.append(UInt8(ascii: "]"))
        let (vehicles, people) = units.finish()
        return Rows(crashes: crashes, vehicles: vehicles, people: people)
    }

    /// A day's texts, made once per day rather than once per crash.
    private struct DayTexts {
        var day: Day
        var iso: [UInt8]
        var weekday: Int
        var month: Int
        init(_ day: Day) {
            self.day = day
            iso = Array(day.iso.utf8)
            weekday = day.weekday
            month = day.civil.month
        }
    }

    /// 128 lowercase hex digits, as the portal's ids: the first 12 are a bijection of the index on 48 bits
    /// (keyed by the seed), so no two crashes share them; the rest are drawn from the seeded stream.
    static func recordID(index: Int, key: UInt64, state: inout UInt64) -> [UInt8] {
        // Adding the key mod 2^48 is invertible too.
        let x = BitMixer.mix(UInt64(index) &+ key, bits: 48, shifts: (23, 25))
        var id: [UInt8] = []
        id.reserveCapacity(128)
        for shift in stride(from: 44, through: 0, by: -4) {
            id.append(JSONBytes.hexDigits[Int(x >> UInt64(shift) & 15)])
        }
        while id.count < 128 {
            let word = SyntheticCrashUnits.nextWord(&state)
            for shift in stride(from: 60, through: 0, by: -4) where id.count < 128 {
                id.append(JSONBytes.hexDigits[Int(word >> UInt64(shift) & 15)])
            }
        }
        return id
    }

    /// A police report number shaped like the portal's (two letters, six digits: `JC199149`), unique per index.
    static func appendReportNumber(index: Int, to out: inout [UInt8]) {
        let letters = index / 1_000_000
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: "A") + UInt8(letters / 26 % 26))
        out.append(UInt8(ascii: "A") + UInt8(letters % 26))
        JSONBytes.appendDigits(index % 1_000_000, count: 6, to: &out)
        out.append(UInt8(ascii: "\""))
    }
}
