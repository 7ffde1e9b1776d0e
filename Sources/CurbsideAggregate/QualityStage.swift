import CurbsideModel
import CurbsideWarehouse
import GRDB

/// One data-quality check as measured: its value, the counts behind it, a score, and its gate.
public struct QualityResult: Sendable, Equatable {
    public var check: QualityCatalog.Check
    public var value: Double
    public var numerator: Int
    public var denominator: Int
    /// The maximum from `quality.gates`, when the check is gated.
    public var threshold: Double?

    /// 1 is perfect: 1 − rate for rates, 1 or 0 for counts of findings.
    public var score: Double { check.isRate ? max(0, 1 - value) : (value == 0 ? 1 : 0) }
    public var passed: Bool { threshold.map { value <= $0 } ?? true }

    /// `chicago.crashes.coordinates_invalid_rate = 0.3125 (5 of 16) is above its gate 0.25`.
    public var refusal: String {
        let shown = check.isRate ? String(format4(value)) : String(Int(value))
        return "\(check.id) = \(shown) (\(numerator) of \(denominator)) is above its gate "
            + "\(threshold.map { check.isRate ? format4($0) : String(Int($0)) } ?? "-") (quality.gates in curbside.yml)"
    }

    private func format4(_ x: Double) -> String { ChicagoGold.rate(Int((x * 1_000_000).rounded()), 1_000_000) }
}

/// Computes every check of `QualityCatalog` whose dataset has rows, from the warehouse as it stands, and stores
/// them in `quality_current` and, for a run, `quality_history`.
///
/// The data checks read exactly what the version is made of (NYC's window; all of Chicago's partitions, which
/// its version inputs hash), so the same inputs give the same page. Schema drift is a fact of a run's fetches,
/// not of the data: it is measured and gated like the others but kept off the version's page.
public struct QualityStage: Sendable {
    public var warehouse: Warehouse
    public var gates: [String: Double]
    /// NYC's window (both ends included); nil measures every NYC partition.
    public var nycWindow: ClosedRange<Day>?

    public init(warehouse: Warehouse, gates: [String: Double], nycWindow: ClosedRange<Day>? = nil) {
        self.warehouse = warehouse
        self.gates = gates
        self.nycWindow = nycWindow
    }

    public func run(runID: Int64?) throws -> [QualityResult] {
        try warehouse.write { db in
            let results = try measure(db)
            try db.execute(sql: "DELETE FROM quality_current")
            for r in results {
                try db.execute(
                    sql: "INSERT INTO quality_current VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        r.check.id, r.check.dataset.rawValue, r.check.description, r.value, r.numerator,
                        r.denominator, r.score, r.threshold, r.passed,
                    ])
                if let runID {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO quality_history VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [runID, r.check.id, r.value, r.score, r.threshold, r.passed])
                }
            }
            return results
        }
    }

    func measure(_ db: Database) throws -> [QualityResult] {
        func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
            try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
        }
        func quarantined(_ dataset: DatasetID, rule: String? = nil) throws -> Int {
            try count(
                "SELECT count(*) FROM quarantine WHERE dataset = ?" + (rule == nil ? "" : " AND rule = ?"),
                rule.map { [dataset.rawValue, $0] } ?? [dataset.rawValue])
        }
        var measured: [String: (Int, Int)] = [:]
        let nycRange =
            nycWindow.map { " AND partition_key BETWEEN '\($0.lowerBound.iso)' AND '\($0.upperBound.iso)'" } ?? ""
        let nycSilver = try count("SELECT count(*) FROM silver_nyc_violations WHERE 1 = 1\(nycRange)")
        let nycQuarantined = try count(
            "SELECT count(*) FROM quarantine WHERE dataset = 'nyc_violations'\(nycRange)")
        if nycSilver + nycQuarantined > 0 {
            measured["nyc.quarantine_rate"] = (nycQuarantined, nycSilver + nycQuarantined)
            measured["nyc.schema_drift"] = (try driftFindings(.nycViolations, db), 1)
        }
        let crashes = try count("SELECT count(*) FROM silver_chicago_crashes")
        let crashQuarantine = try quarantined(.chicagoCrashes)
        if crashes + crashQuarantine > 0 {
            let judged = crashes + crashQuarantine
            let duplicates = try count(
                "SELECT count(*) FROM superseded WHERE dataset = 'chicago_crashes' AND reason LIKE 'a later copy%'")
            measured["chicago.crashes.quarantine_rate"] = (crashQuarantine, judged)
            measured["chicago.crashes.future_date_rate"] = (
                try quarantined(.chicagoCrashes, rule: "crash_date_in_future"), judged
            )
            measured["chicago.crashes.duplicate_id_rate"] = (duplicates, judged + duplicates)
            measured["chicago.crashes.coordinates_invalid_rate"] = (
                try count("SELECT count(*) FROM silver_chicago_crashes WHERE imputed = 1"), crashes
            )
            measured["chicago.crashes.out_of_range_rate"] = (
                try count("SELECT count(*) FROM silver_chicago_crashes WHERE speed_capped = 1 OR units_capped = 1"),
                crashes
            )
            measured["chicago.crashes.schema_drift"] = (try driftFindings(.chicagoCrashes, db), 1)
            let units =
                try count("SELECT count(*) FROM silver_chicago_vehicles")
                + count("SELECT count(*) FROM silver_chicago_people")
            let orphans =
                try quarantined(.chicagoVehicles, rule: "crash_not_in_silver")
                + quarantined(.chicagoPeople, rule: "crash_not_in_silver")
            measured["chicago.orphan_rate"] = (orphans, units + orphans)
            for column in QualityCatalog.nullRateColumns {
                let stored = column == "hit_and_run_i" ? "hit_and_run_raw" : column
                measured["chicago.crashes.null_rate.\(column)"] = (
                    try count("SELECT count(*) FROM silver_chicago_crashes WHERE \(stored) IS NULL"), crashes
                )
            }
        }
        return QualityCatalog.checks.compactMap { check in
            guard let (numerator, denominator) = measured[check.id] else { return nil }
            let value =
                check.isRate ? (denominator > 0 ? Double(numerator) / Double(denominator) : 0) : Double(numerator)
            return QualityResult(
                check: check, value: value, numerator: numerator, denominator: denominator, threshold: gates[check.id])
        }
    }

    /// Expected fields missing or of another type in the newest run that fetched the dataset.
    private func driftFindings(_ dataset: DatasetID, _ db: Database) throws -> Int {
        guard
            let run = try Int64.fetchOne(
                db, sql: "SELECT max(run_id) FROM fetches WHERE dataset = ? AND status = 200",
                arguments: [dataset.rawValue])
        else { return 0 }
        return try Int.fetchOne(
            db,
            sql: """
                SELECT count(*) FROM schema_drift WHERE run_id = ? AND dataset = ?
                AND kind IN ('missing_field', 'type_changed')
                """, arguments: [run, dataset.rawValue]) ?? 0
    }
}
