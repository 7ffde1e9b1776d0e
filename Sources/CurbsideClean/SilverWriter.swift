import CurbsideModel
import GRDB

/// Writes one partition's outcomes: silver rows, quarantine and superseded entries.
struct SilverWriter {
    enum Outcome { case inserted, replaced, kept }

    let db: Database
    let dataset: String
    let partition: String
    private let insertSilver: Statement

    init(db: Database, dataset: String, partition: String) throws {
        self.db = db
        self.dataset = dataset
        self.partition = partition
        insertSilver = try db.cachedStatement(
            sql: """
                INSERT INTO silver_nyc_violations (summons_number, bronze_row_id, partition_key, issue_date,
                    violation_time_minutes, violation, violation_status, fine_amount_cents, penalty_amount_cents,
                    interest_amount_cents, reduction_amount_cents, payment_amount_cents, amount_due_cents,
                    judgment_entry_date, plate, state, license_type, county, precinct, issuing_agency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (summons_number) DO NOTHING
                """)
    }

    /// Inserts a silver row. When another partition already holds the summons, the copy from the
    /// later fetch (the higher bronze row id) wins and the other is recorded as superseded.
    func insert(_ v: NYCViolation, bronzeRowID: Int64) throws -> Outcome {
        let arguments: StatementArguments = [
            v.summonsNumber, bronzeRowID, partition, v.issueDate.iso, v.violationTimeMinutes, v.violation,
            v.violationStatus, v.fineCents, v.penaltyCents, v.interestCents, v.reductionCents, v.paymentCents,
            v.amountDueCents, v.judgmentEntryDate, v.plate, v.state, v.licenseType, v.county, v.precinct,
            v.issuingAgency,
        ]
        try insertSilver.execute(arguments: arguments)
        if db.changesCount > 0 { return .inserted }
        guard
            let other = try Row.fetchOne(
                db, sql: "SELECT bronze_row_id, partition_key FROM silver_nyc_violations WHERE summons_number = ?",
                arguments: [v.summonsNumber])
        else { return .kept }
        let otherRowID: Int64 = other["bronze_row_id"]
        let otherPartition: String = other["partition_key"]
        if otherRowID > bronzeRowID {
            try supersede(bronzeRowID, by: otherRowID, reason: "a later copy of the same summons in \(otherPartition)")
            return .kept
        }
        try db.execute(sql: "DELETE FROM silver_nyc_violations WHERE summons_number = ?", arguments: [v.summonsNumber])
        try Outcomes.supersede(
            db, dataset: dataset, partition: otherPartition, rowID: otherRowID, by: bronzeRowID,
            reason: "a later copy of the same summons in \(partition)")
        try insertSilver.execute(arguments: arguments)
        return .replaced
    }

    func quarantine(_ rowID: Int64, recordID: String?, reason: QuarantineReason) throws {
        try Outcomes.quarantine(
            db, dataset: dataset, partition: partition, rowID: rowID, recordID: recordID, reason: reason)
    }

    func supersede(_ rowID: Int64, by: Int64?, reason: String) throws {
        try Outcomes.supersede(db, dataset: dataset, partition: partition, rowID: rowID, by: by, reason: reason)
    }
}
