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

    /// Writes `count` rows of `rows` from `start`: one statement for a whole batch, one a row for fewer. SQLite reads
    /// the rows' texts where they are.
    /// - Returns: the rows inserted.
    private func write(_ rows: SilverRows, from start: Int, count: Int) throws -> Int {
        try rows.texts.withUnsafeBufferPointer { texts in
            func bind(_ position: Int, as index: Int, into p: PositionalStatement.Parameters) {
                let r = rows[position]
                let base = index * Self.columns
                func text(_ column: Int, _ text: SilverRows.Text) {
                    if text.isNull { p.null(base + column) } else { p.text(base + column, rows.slice(text, of: texts)) }
                }
                text(0, r.summons)
                p.integer(base + 1, r.bronzeRowID)
                text(2, rows.dayText)  // partition_key
                text(3, rows.dayText)  // issue_date: cleaning keeps only rows issued on the partition's day
                p.integer(base + 4, r.minutes < 0 ? nil : Int64(r.minutes))
                text(5, r.violation)
                text(6, r.status)
                p.integer(base + 7, r.fine)
                p.integer(base + 8, r.penalty)
                p.integer(base + 9, r.interest)
                p.integer(base + 10, r.reduction)
                p.integer(base + 11, r.payment)
                p.integer(base + 12, r.due)
                text(13, r.judgment)
                text(14, r.plate)
                text(15, r.state)
                text(16, r.licenseType)
                text(17, r.county)
                text(18, r.precinct)
                text(19, r.agency)
            }
            if count == Self.batchRows {
                return try insertBatch.run { p in
                    for k in 0..<count { bind(start + k, as: k, into: p) }
                }
            }
            return try (start..<(start + count)).reduce(0) { inserted, position in
                inserted + (try insertOne.run { p in bind(position, as: 0, into: p) })
            }
        }
    }

    /// Inserts silver rows, `batchRows` at a time. When another partition already holds a summons, the copy from
    /// the later fetch (the higher bronze row id) wins and the other is recorded as superseded.
    /// - Returns: the positions in `rows` of those kept out by a later copy in another partition.
    func insert(_ rows: SilverRows) throws -> [Int] {
        var kept: [Int] = []
        var start = 0
        while start < rows.count {
            let count = min(Self.batchRows, rows.count - start)
            let inserted = try write(rows, from: start, count: count)
            let batch = start..<(start + count)
            start += count
            guard inserted < count else { continue }
            // Some summons were already in silver from another partition: find them, and settle each.
            for position in batch {
                let summons = rows.string(rows[position].summons)
                let holder = try Int64.fetchOne(
                    db, sql: "SELECT bronze_row_id FROM silver_nyc_violations WHERE summons_number = ?",
                    arguments: [summons])
                guard holder != rows[position].bronzeRowID else { continue }
                if try !resolve(rows, position) { kept.append(position) }
            }
        }
        return kept
    }

    /// Inserts every row, `batchRows` at a time, during a ``SilverLoad``.
    func load(_ rows: SilverRows) throws {
        var start = 0
        while start < rows.count {
            let count = min(Self.batchRows, rows.count - start)
            _ = try write(rows, from: start, count: count)
            start += count
        }
    }

    /// A summons another partition's row holds in silver: the later fetch's copy stays, the other is superseded.
    /// - Returns: whether this row replaced the other.
    private func resolve(_ rows: SilverRows, _ position: Int) throws -> Bool {
        let summons = rows.string(rows[position].summons)
        let bronzeRowID = rows[position].bronzeRowID
        guard
            let other = try Row.fetchOne(
                db, sql: "SELECT \(Self.copyColumns) FROM silver_nyc_violations WHERE summons_number = ?",
                arguments: [summons])
        else { return false }
        let otherRowID: Int64 = other["bronze_row_id"]
        let otherPartition: String = other["partition_key"]
        if otherRowID > bronzeRowID {
            try supersede(bronzeRowID, by: otherRowID, reason: Self.laterCopy(in: otherPartition))
            return false
        }
        try Self.giveWay(other, to: bronzeRowID, in: partition, dataset: dataset, db: db)
        _ = try write(rows, from: position, count: 1)
        return true
    }

    /// What a silver row that gives way to another copy of its summons is read with (``giveWay(_:to:in:dataset:db:)``).
    static let copyColumns = "rowid AS position, bronze_row_id, partition_key, \(NYCPartitionTotals.Entry.columns)"

    /// Why a copy of a summons is superseded by the later fetch's copy in `partition`.
    static func laterCopy(in partition: String) -> String { "a later copy of the same summons in \(partition)" }

    /// A copy of a summons in silver gives way to a later fetch's copy (bronze row `winner`, in `winnerPartition`): it
    /// leaves silver and its day's totals, its day's catalog statistics are forgotten, and it is recorded as
    /// superseded. The statements are cached: settling copies runs them once a copy.
    /// - Parameter copy: the row as ``copyColumns`` read it.
    static func giveWay(_ copy: Row, to winner: Int64, in winnerPartition: String, dataset: String, db: Database) throws
    {
        let partition: String = copy["partition_key"]
        try db.cachedStatement(sql: "DELETE FROM silver_nyc_violations WHERE rowid = ?")
            .execute(arguments: [copy["position"] as Int64])
        try NYCPartitionTotals.remove(.init(copy), from: partition, db: db)
        try Warehouse.forgetCatalogStatistics(dataset: dataset, partition: partition, db: db)
        try Outcomes.supersede(
            db, dataset: dataset, partition: partition, rowID: copy["bronze_row_id"], by: winner,
            reason: laterCopy(in: winnerPartition))
    }

    func quarantine(_ rowID: Int64, recordID: String?, reason: QuarantineReason) throws {
        try Outcomes.quarantine(
            db, dataset: dataset, partition: partition, rowID: rowID, recordID: recordID, reason: reason)
    }

    func supersede(_ rowID: Int64, by: Int64?, reason: String) throws {
        try Outcomes.supersede(db, dataset: dataset, partition: partition, rowID: rowID, by: by, reason: reason)
    }
}
