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

    /// - Parameter loading: whether silver's indexes are down for a ``SilverLoad``: the inserts then cannot say what
    ///   to do when a summons is already there (nothing would tell them), and never meet one.
    init(db: Database, dataset: String, partition: String, loading: Bool = false) throws {
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
                \(loading ? "" : "ON CONFLICT (summons_number) DO NOTHING")
                """
        }
        insertOne = try PositionalStatement(db, sql: insert(rows: 1))
        insertBatch = try PositionalStatement(db, sql: insert(rows: Self.batchRows))
    }

    /// The rows' values in the insert's parameter order, ready to bind (built on the cleaning thread).
    static func encode(_ rows: [(rowID: Int64, violation: NYCViolation)], partition: String) -> BoundRows {
        // About 120 bytes of text a row on the real sample: the summons, the day twice, violation, status, plate...
        var out = BoundRows(width: columns, capacity: rows.count, textBytes: rows.count * 128)
        for (rowID, v) in rows {
            out.append(v.summonsNumber)
            out.append(rowID)
            out.append(partition)
            out.append(partition)  // issue_date: cleaning keeps only rows issued on the partition's day
            out.append(v.violationTimeMinutes.map(Int64.init))
            out.append(v.violation)
            out.append(v.violationStatus)
            out.append(v.fineCents)
            out.append(v.penaltyCents)
            out.append(v.interestCents)
            out.append(v.reductionCents)
            out.append(v.paymentCents)
            out.append(v.amountDueCents)
            out.append(v.judgmentEntryDate)
            out.append(v.plate)
            out.append(v.state)
            out.append(v.licenseType)
            out.append(v.county)
            out.append(v.precinct)
            out.append(v.issuingAgency)
        }
        return out
    }

    /// Inserts silver rows, `batchRows` at a time. When another partition already holds a summons, the copy from
    /// the later fetch (the higher bronze row id) wins and the other is recorded as superseded.
    /// - Parameter encoded: the rows' values from ``encode(_:partition:)``.
    /// - Returns: the bronze row ids of those kept out by a later copy in another partition.
    func insert(_ rows: [(rowID: Int64, violation: NYCViolation)], encoded: BoundRows) throws -> Set<Int64> {
        var kept: Set<Int64> = []
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + Self.batchRows, rows.count)]
            let inserted: Int
            if batch.count == Self.batchRows {
                inserted = try insertBatch.run(encoded, first: start, count: batch.count)
            } else {
                inserted = try batch.indices.reduce(0) { $0 + (try insertOne.run(encoded, first: $1, count: 1)) }
            }
            start = batch.endIndex
            guard inserted < batch.count else { continue }
            // Some summons were already in silver from another partition: find them, and settle each.
            for (rowID, violation) in batch {
                let holder = try Int64.fetchOne(
                    db, sql: "SELECT bronze_row_id FROM silver_nyc_violations WHERE summons_number = ?",
                    arguments: [violation.summonsNumber])
                guard holder != rowID else { continue }
                if try !resolve(violation, bronzeRowID: rowID) { kept.insert(rowID) }
            }
        }
        return kept
    }

    /// Inserts the rows of `encoded` but those at `skipped` (in increasing order), `batchRows` at a time, during a
    /// ``SilverLoad``.
    func load(_ encoded: BoundRows, skipping skipped: [Int]) throws {
        var start = 0
        for end in skipped + [encoded.count] {
            while end - start >= Self.batchRows {
                try insertBatch.run(encoded, first: start, count: Self.batchRows)
                start += Self.batchRows
            }
            for k in start..<end { try insertOne.run(encoded, first: k, count: 1) }
            start = end + 1
        }
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
        try insertOne.run(Self.encode([(bronzeRowID, v)], partition: partition), first: 0, count: 1)
        return true
    }

    func quarantine(_ rowID: Int64, recordID: String?, reason: QuarantineReason) throws {
        try Outcomes.quarantine(
            db, dataset: dataset, partition: partition, rowID: rowID, recordID: recordID, reason: reason)
    }

    func supersede(_ rowID: Int64, by: Int64?, reason: String) throws {
        try Outcomes.supersede(db, dataset: dataset, partition: partition, rowID: rowID, by: by, reason: reason)
    }
}
