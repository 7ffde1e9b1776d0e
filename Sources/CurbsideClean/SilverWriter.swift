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

    /// Appends the rows' values to `values`, in the insert's parameter order.
    static func encode(
        _ rows: some Collection<(rowID: Int64, violation: NYCViolation)>, partition: String,
        into values: inout BoundRows
    ) {
        for (rowID, v) in rows {
            values.append(v.summonsNumber)
            values.append(rowID)
            values.append(partition)
            values.append(partition)  // issue_date: cleaning keeps only rows issued on the partition's day
            values.append(v.violationTimeMinutes.map(Int64.init))
            values.append(v.violation)
            values.append(v.violationStatus)
            values.append(v.fineCents)
            values.append(v.penaltyCents)
            values.append(v.interestCents)
            values.append(v.reductionCents)
            values.append(v.paymentCents)
            values.append(v.amountDueCents)
            values.append(v.judgmentEntryDate)
            values.append(v.plate)
            values.append(v.state)
            values.append(v.licenseType)
            values.append(v.county)
            values.append(v.precinct)
            values.append(v.issuingAgency)
        }
    }

    /// A batch's values, laid out as it is written: a whole day's at once held 20 values a row (100 MB for the
    /// 166,666 rows of a day of 5M) while the next day was cleaned.
    private static func batchValues() -> BoundRows {
        // About 120 bytes of text a row on the real sample: the summons, the day twice, violation, status, plate...
        BoundRows(width: columns, capacity: batchRows, textBytes: batchRows * 128)
    }

    /// Writes `count` rows of `rows` from `start`: one statement for a whole batch, one a row for fewer.
    /// - Returns: the rows inserted.
    private func write(
        _ rows: [(rowID: Int64, violation: NYCViolation)], from start: Int, count: Int, values: inout BoundRows
    ) throws -> Int {
        values.removeAll()
        Self.encode(rows[start..<(start + count)], partition: partition, into: &values)
        if count == Self.batchRows { return try insertBatch.run(values, first: 0, count: count) }
        return try (0..<count).reduce(0) { $0 + (try insertOne.run(values, first: $1, count: 1)) }
    }

    /// Inserts silver rows, `batchRows` at a time. When another partition already holds a summons, the copy from
    /// the later fetch (the higher bronze row id) wins and the other is recorded as superseded.
    /// - Returns: the bronze row ids of those kept out by a later copy in another partition.
    func insert(_ rows: [(rowID: Int64, violation: NYCViolation)]) throws -> Set<Int64> {
        var kept: Set<Int64> = []
        var values = Self.batchValues()
        var start = 0
        while start < rows.count {
            let count = min(Self.batchRows, rows.count - start)
            let inserted = try write(rows, from: start, count: count, values: &values)
            let batch = rows[start..<(start + count)]
            start += count
            guard inserted < count else { continue }
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

    /// Inserts the rows but those at `skipped` (in increasing order), `batchRows` at a time, during a ``SilverLoad``.
    func load(_ rows: [(rowID: Int64, violation: NYCViolation)], skipping skipped: [Int]) throws {
        var values = Self.batchValues()
        var start = 0
        for end in skipped + [rows.count] {
            while start < end {
                let count = min(Self.batchRows, end - start)
                _ = try write(rows, from: start, count: count, values: &values)
                start += count
            }
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
        var values = BoundRows(width: Self.columns, capacity: 1)
        _ = try write([(bronzeRowID, v)], from: 0, count: 1, values: &values)
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
