import CurbsideModel
import CurbsideWarehouse
import GRDB

/// Writes one partition's outcomes: silver rows, quarantine and superseded entries.
struct SilverWriter {
    let db: Database
    let dataset: String
    let partition: String
    /// One row, and `batchRows` rows at once: SQLite runs a statement's set-up once for all of its rows (a third
    /// of the time of inserting a million rows one by one).
    private let insertOne: PositionalStatement
    private let insertBatch: PositionalStatement
    static let batchRows = 100
    private static let columns = 20

    init(db: Database, dataset: String, partition: String) throws {
        self.db = db
        self.dataset = dataset
        self.partition = partition
        func insert(rows: Int) -> String {
            let row = "(" + Array(repeating: "?", count: Self.columns).joined(separator: ", ") + ")"
            return """
                INSERT INTO silver_nyc_violations (summons_number, bronze_row_id, partition_key, issue_date,
                    violation_time_minutes, violation, violation_status, fine_amount_cents, penalty_amount_cents,
                    interest_amount_cents, reduction_amount_cents, payment_amount_cents, amount_due_cents,
                    judgment_entry_date, plate, state, license_type, county, precinct, issuing_agency)
                VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
                ON CONFLICT (summons_number) DO NOTHING
                """
        }
        insertOne = try PositionalStatement(db, sql: insert(rows: 1))
        insertBatch = try PositionalStatement(db, sql: insert(rows: Self.batchRows))
    }

    /// Inserts silver rows, `batchRows` at a time. When another partition already holds a summons, the copy from
    /// the later fetch (the higher bronze row id) wins and the other is recorded as superseded.
    /// - Returns: how many rows are in silver now (inserted or replacing another copy), and the bronze row ids of
    ///   those kept out by a later copy in another partition.
    func insert(_ rows: [(rowID: Int64, violation: NYCViolation)]) throws -> (silver: Int, kept: Set<Int64>) {
        var silver = 0
        var kept: Set<Int64> = []
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + Self.batchRows, rows.count)]
            start = batch.endIndex
            let statement = batch.count == Self.batchRows ? insertBatch : insertOne
            if statement === insertOne {
                for (rowID, violation) in batch {
                    bind(violation, bronzeRowID: rowID, to: statement, row: 0)
                    if try statement.run() > 0 {
                        silver += 1
                    } else if try resolve(violation, bronzeRowID: rowID) {
                        silver += 1
                    } else {
                        kept.insert(rowID)
                    }
                }
                continue
            }
            for (row, (rowID, violation)) in batch.enumerated() {
                bind(violation, bronzeRowID: rowID, to: statement, row: row)
            }
            let inserted = try statement.run()
            silver += inserted
            guard inserted < batch.count else { continue }
            // Some summons were already in silver from another partition: find them, and settle each.
            for (rowID, violation) in batch {
                let holder = try Int64.fetchOne(
                    db, sql: "SELECT bronze_row_id FROM silver_nyc_violations WHERE summons_number = ?",
                    arguments: [violation.summonsNumber])
                guard holder != rowID else { continue }
                if try resolve(violation, bronzeRowID: rowID) { silver += 1 } else { kept.insert(rowID) }
            }
        }
        return (silver, kept)
    }

    /// A summons another partition's row holds in silver: the later fetch's copy stays, the other is superseded.
    /// - Returns: whether this row replaced the other.
    private func resolve(_ v: NYCViolation, bronzeRowID: Int64) throws -> Bool {
        guard
            let other = try Row.fetchOne(
                db,
                sql: """
                    SELECT bronze_row_id, partition_key, \(NYCPartitionTotals.Entry.columns)
                    FROM silver_nyc_violations WHERE summons_number = ?
                    """,
                arguments: [v.summonsNumber])
        else { return false }
        let otherRowID: Int64 = other["bronze_row_id"]
        let otherPartition: String = other["partition_key"]
        if otherRowID > bronzeRowID {
            try supersede(bronzeRowID, by: otherRowID, reason: "a later copy of the same summons in \(otherPartition)")
            return false
        }
        try db.execute(sql: "DELETE FROM silver_nyc_violations WHERE summons_number = ?", arguments: [v.summonsNumber])
        try NYCPartitionTotals.remove(.init(other), from: otherPartition, db: db)
        try Warehouse.forgetCatalogStatistics(dataset: dataset, partition: otherPartition, db: db)
        try Outcomes.supersede(
            db, dataset: dataset, partition: otherPartition, rowID: otherRowID, by: bronzeRowID,
            reason: "a later copy of the same summons in \(partition)")
        bind(v, bronzeRowID: bronzeRowID, to: insertOne, row: 0)
        try insertOne.run()
        return true
    }

    private func bind(_ v: NYCViolation, bronzeRowID: Int64, to s: PositionalStatement, row: Int) {
        let first = Int32(row * Self.columns)
        s.bind(first + 1, v.summonsNumber)
        s.bind(first + 2, bronzeRowID)
        s.bind(first + 3, partition)
        s.bind(first + 4, partition)  // issue_date: cleaning keeps only rows issued on the partition's day
        s.bind(first + 5, v.violationTimeMinutes.map(Int64.init))
        s.bind(first + 6, v.violation)
        s.bind(first + 7, v.violationStatus)
        s.bind(first + 8, v.fineCents)
        s.bind(first + 9, v.penaltyCents)
        s.bind(first + 10, v.interestCents)
        s.bind(first + 11, v.reductionCents)
        s.bind(first + 12, v.paymentCents)
        s.bind(first + 13, v.amountDueCents)
        s.bind(first + 14, v.judgmentEntryDate)
        s.bind(first + 15, v.plate)
        s.bind(first + 16, v.state)
        s.bind(first + 17, v.licenseType)
        s.bind(first + 18, v.county)
        s.bind(first + 19, v.precinct)
        s.bind(first + 20, v.issuingAgency)
    }

    func quarantine(_ rowID: Int64, recordID: String?, reason: QuarantineReason) throws {
        try Outcomes.quarantine(
            db, dataset: dataset, partition: partition, rowID: rowID, recordID: recordID, reason: reason)
    }

    func supersede(_ rowID: Int64, by: Int64?, reason: String) throws {
        try Outcomes.supersede(db, dataset: dataset, partition: partition, rowID: rowID, by: by, reason: reason)
    }
}
