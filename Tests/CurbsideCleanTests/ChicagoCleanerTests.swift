import CurbsideClean
import CurbsideModel
import CurbsideTestSupport
import Testing

/// Every Chicago rule of DESIGN.md, on real rows from the bundled sample and on edited copies of them.
@Suite struct ChicagoCleanerTests {
    let asOf = Day(iso: "2022-09-24")!

    /// The sample's rows by id.
    static let realRows: [[String: JSONField]] = {
        let bytes = try! Fixtures.bytes("samples/chicago/85ca-t3if.json")
        return try! FlatJSON.elementRanges(of: bytes).map { try FlatJSON.dictionary(of: bytes[$0]) }
    }()

    func real(_ prefix: String) -> [String: JSONField] {
        Self.realRows.first { $0["crash_record_id"]?.text?.hasPrefix(prefix) == true }!
    }

    func clean(_ fields: [String: JSONField]) -> ChicagoCrash? {
        try? ChicagoCleaner.clean(fields, asOf: Day(iso: "2030-01-01")!).get()
    }

    /// The clean stage reads only the columns it uses from each row's bytes: every real row must clean to
    /// exactly what the row's full dictionary gives, and a text that is not an object must be refused.
    @Test func readingOnlyTheUsedColumnsGivesTheSameCrash() throws {
        let bytes = try Fixtures.bytes("samples/chicago/85ca-t3if.json")
        let ranges = try FlatJSON.elementRanges(of: bytes)
        #expect(ranges.count == Self.realRows.count)
        for (range, fields) in zip(ranges, Self.realRows) {
            let selected = try SelectedRow(json: bytes[range], names: ChicagoCleaner.columns)
            #expect(ChicagoCleaner.clean(selected, asOf: asOf) == ChicagoCleaner.clean(fields, asOf: asOf))
        }
        #expect(throws: JSONSyntaxError.self) {
            try SelectedRow(json: Array("[1, 2]".utf8)[...], names: ChicagoCleaner.columns)
        }
        let vehicle = Array(#"{"crash_unit_id":"7","crash_record_id":"A","unit_type":"driver","make":"X"}"#.utf8)
        let fromBytes = ChicagoVehicle(try SelectedRow(json: vehicle[...], names: ChicagoVehicle.columns))
        #expect(fromBytes == ChicagoVehicle(try FlatJSON.dictionary(of: vehicle[...])))
        #expect(fromBytes?.unitType == "DRIVER")
    }

    @Test func aRealRowCleansToTheDesignedColumns() throws {
        // 536 W RANDOLPH ST, 2019-03-25T14:43, a Monday (2), turning crash at a traffic signal.
        let crash = try #require(clean(real("79c7a2ce89f4")))
        #expect(crash.day == Day(iso: "2019-03-25"))
        #expect(crash.hour == 14 && crash.dayOfWeek == 2 && crash.month == 3)
        #expect(crash.hourBin == "afternoon" && !crash.isWeekend)
        #expect(crash.latitude?.bin == "41.88" && crash.longitude?.bin == "-87.64")
        #expect(crash.weather == "CLEAR" && crash.lighting == "DAYLIGHT" && crash.surface == "DRY")
        #expect(crash.trafficControl == "TRAFFIC SIGNAL")
        #expect(crash.intersectionRelated && !crash.hitAndRun && !crash.workZone)
        #expect(crash.injuries.total == 1 && crash.injuries.reportedNotEvident == 1)
        #expect(crash.numUnits == 2 && crash.postedSpeedLimit == 30 && !crash.unitsCapped)
    }

    @Test func everyRealRowInsideItsOwnDayCleans() {
        // All 499 real rows have an id and a parseable date; none is after 2030.
        let cleaned = Self.realRows.compactMap(clean)
        #expect(cleaned.count == 499)
        // 6 real rows lack coordinates: they are the ones left without valid ones.
        #expect(cleaned.filter { $0.latitude == nil }.count == 6)
        // 144 real rows carry hit_and_run_i = Y, 9 carry N, the rest lack it (and count as 0).
        #expect(cleaned.filter(\.hitAndRun).count == 144)
    }

    @Test(arguments: [
        ("Y", true), ("y", true), ("YES", true), ("true", true), ("T", true), ("1", true), (" Y ", true),
        ("N", false), ("no", false), ("0", false), ("", false), ("maybe", false),
    ])
    func flags(value: String, expected: Bool) {
        #expect(ChicagoCleaner.flag(.string(value)) == expected)
    }

    @Test func aMissingFlagIsZero() {
        #expect(ChicagoCleaner.flag(nil) == false)
        #expect(ChicagoCleaner.flag(.null) == false)
        #expect(ChicagoCleaner.flag(.bool(true)) == true)
    }

    @Test func hourBinsAndWeekends() {
        let bins = (0...23).map(ChicagoCleaner.hourBin)
        #expect(bins[0] == "night" && bins[6] == "night")
        #expect(bins[7] == "morning" && bins[12] == "morning")
        #expect(bins[13] == "afternoon" && bins[18] == "afternoon")
        #expect(bins[19] == "evening" && bins[23] == "evening")
        #expect((1...7).filter(ChicagoCleaner.isWeekend) == [1, 7])
    }

    @Test(arguments: [
        ("CLEAR", "CLEAR"), ("rain", "RAIN"), ("SNOW", "SNOW"), ("BLOWING SNOW", "SNOW"), ("SLEET/HAIL", "SNOW"),
        ("FREEZING RAIN/DRIZZLE", "SNOW"), ("CLOUDY/OVERCAST", "CLOUDY/OVERCAST"), ("FOG/SMOKE/HAZE", "OTHER"),
        ("UNKNOWN", "OTHER"), ("SEVERE CROSS WIND GATE", "OTHER"),
    ])
    func weather(raw: String, expected: String) {
        #expect(ChicagoCleaner.weather(raw) == expected)
    }

    @Test func categoryListsKeepTheirValuesAndSendTheRestToOther() {
        #expect(ChicagoCleaner.weather(nil) == "OTHER")
        #expect(
            ChicagoCleaner.category("darkness, lighted road", ChicagoCleaner.lightingValues) == "DARKNESS, LIGHTED ROAD"
        )
        #expect(ChicagoCleaner.category("UNKNOWN", ChicagoCleaner.lightingValues) == "UNKNOWN")
        #expect(ChicagoCleaner.category("SAND, MUD, DIRT", ChicagoCleaner.surfaceValues) == "OTHER")
        #expect(ChicagoCleaner.category("SNOW OR SLUSH", ChicagoCleaner.surfaceValues) == "SNOW OR SLUSH")
        // Real values of the sample outside the list: OTHER REG. SIGN, FLASHING CONTROL SIGNAL, PEDESTRIAN CROSSING SIGN.
        for raw in ["OTHER REG. SIGN", "FLASHING CONTROL SIGNAL", "PEDESTRIAN CROSSING SIGN"] {
            #expect(ChicagoCleaner.category(raw, ChicagoCleaner.trafficControlValues) == "OTHER")
        }
        #expect(ChicagoCleaner.category(nil, ChicagoCleaner.trafficControlValues) == "OTHER")
    }

    @Test(arguments: [
        ("41.88", "-87.64", true), ("0", "0", false), ("41.5999", "-87.64", false), ("42.1", "-87.5", true),
        ("42.1000001", "-87.64", false), ("41.88", "-87.4", false), ("41.88", "-88.0000001", false),
        ("abc", "-87.64", false), ("", "-87.64", false),
    ])
    func coordinateValidity(lat: String, lng: String, valid: Bool) {
        var fields = real("79c7a2ce89f4")
        fields["latitude"] = .string(lat)
        fields["longitude"] = .string(lng)
        let crash = clean(fields)
        #expect((crash?.latitude != nil) == valid)
        #expect((crash?.longitude != nil) == valid)
    }

    @Test func capsKeepTheCappedValueAndSaySo() throws {
        var fields = real("79c7a2ce89f4")
        fields["num_units"] = .string("12")
        fields["posted_speed_limit"] = .string("99")
        let crash = try #require(clean(fields))
        #expect(crash.numUnits == 10 && crash.unitsCapped)
        #expect(crash.postedSpeedLimit == 75 && crash.speedCapped)
    }

    @Test func aBadHourOrWeekdayComesFromTheDate() throws {
        var fields = real("79c7a2ce89f4")
        fields["crash_hour"] = .string("25")
        fields["crash_day_of_week"] = nil
        let crash = try #require(clean(fields))
        #expect(crash.hour == 14 && crash.hourFromDate)
        #expect(crash.dayOfWeek == 2)
        #expect(Day(iso: "2022-09-25")!.weekday == 1)
    }

    @Test(arguments: [
        (nil as String?, "2019-03-25T14:43:00.000", ChicagoRule.missingCrashID),
        ("x", "not a date", ChicagoRule.crashDateUnparseable),
        ("x", "2019-13-01T00:00:00.000", ChicagoRule.crashDateUnparseable),
        ("x", "2019-03-25T24:00:00.000", ChicagoRule.crashDateUnparseable),
        ("x", "2019-03-25T14:43:00.000Z", ChicagoRule.crashDateUnparseable),
        ("x", "2022-09-25T00:00:00.000", ChicagoRule.crashDateInFuture),
    ])
    func quarantineRules(id: String?, date: String, rule: String) {
        var fields = real("79c7a2ce89f4")
        fields["crash_record_id"] = id.map { .string($0) }
        fields["crash_date"] = .string(date)
        guard case .failure(let reason) = ChicagoCleaner.clean(fields, asOf: asOf) else {
            Issue.record("expected quarantine by \(rule)")
            return
        }
        #expect(reason.rule == rule)
    }

    @Test func theAsOfDayItselfIsNotTheFuture() {
        var fields = real("79c7a2ce89f4")
        fields["crash_date"] = .string("2022-09-24T23:59:00.000")
        #expect((try? ChicagoCleaner.clean(fields, asOf: asOf).get()) != nil)
    }

    @Test func timestampsAcceptThePortalsForms() {
        #expect(ChicagoCleaner.timestamp("2022-09-24")?.hour == 0)
        #expect(ChicagoCleaner.timestamp("2022-09-24T07:05")?.hour == 7)
        #expect(ChicagoCleaner.timestamp("2022-09-24T07:05:09")?.hour == 7)
        #expect(ChicagoCleaner.timestamp("2022-09-24T07:05:09.123")?.hour == 7)
        #expect(ChicagoCleaner.timestamp("2022-09-24T07:05:09.12") == nil)
        #expect(ChicagoCleaner.timestamp("2022-02-30T07:05") == nil)
    }
}

@Suite struct CoordinateTests {
    @Test func binsRoundHalfAwayFromZeroExactly() {
        #expect(Coordinate(text: "41.885")!.bin == "41.89")
        #expect(Coordinate(text: "41.8849999999")!.bin == "41.88")
        #expect(Coordinate(text: "-87.625")!.bin == "-87.63")
        #expect(Coordinate(text: "-87.6249")!.bin == "-87.62")
        #expect(Coordinate(text: "41.9")!.bin == "41.90")
        #expect(Coordinate(text: "-0.001")!.bin == "0.00")
    }

    @Test func parsingKeepsTwelveDecimalsAndRejectsNonNumbers() {
        #expect(Coordinate(text: "41.1234567890129")!.units == 41_123_456_789_012)
        #expect(Coordinate(text: "-87.5")!.units == -87_500_000_000_000)
        #expect(Coordinate(text: ".5")!.units == 500_000_000_000)
        #expect(Coordinate(text: "abc") == nil)
        #expect(Coordinate(text: "1.2.3") == nil)
        #expect(Coordinate(text: "-") == nil)
    }

    @Test func mediansOfOddAndEvenCounts() {
        let a = ["41.80", "41.90", "41.85"].map { Coordinate(text: $0)! }
        #expect(Coordinate.median(a)?.description == "41.85")
        // (41.8 + 41.9) / 2 = 41.85; 10⁻¹² halves round away from zero.
        let b = ["41.800000000001", "41.900000000000"].map { Coordinate(text: $0)! }
        #expect(Coordinate.median(b)?.units == 41_850_000_000_001)
        let c = ["-87.600000000001", "-87.700000000000"].map { Coordinate(text: $0)! }
        #expect(Coordinate.median(c)?.units == -87_650_000_000_001)
        #expect(Coordinate.median([]) == nil)
    }
}
