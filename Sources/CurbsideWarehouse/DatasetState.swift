import CurbsideModel
import GRDB

/// What a dataset's ingestion remembers between runs: the portal's `rowsUpdatedAt` when last
/// fetched (to skip an unchanged dataset), the `:updated_at` watermark for increments, and the
/// backfill window already covered.
public struct DatasetState: Sendable, Equatable {
    public var dataset: DatasetID
    public var rowsUpdatedAt: Int?
    public var watermark: String?
    public var backfillFirst: Day?
    public var backfillLast: Day?

    public init(
        dataset: DatasetID, rowsUpdatedAt: Int? = nil, watermark: String? = nil, backfillFirst: Day? = nil,
        backfillLast: Day? = nil
    ) {
        self.dataset = dataset
        self.rowsUpdatedAt = rowsUpdatedAt
        self.watermark = watermark
        self.backfillFirst = backfillFirst
        self.backfillLast = backfillLast
    }
}

extension Warehouse {
    public func state(of dataset: DatasetID) throws -> DatasetState {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM dataset_state WHERE dataset = ?", arguments: [dataset.rawValue])
            else { return DatasetState(dataset: dataset) }
            return DatasetState(
                dataset: dataset, rowsUpdatedAt: row["rows_updated_at"], watermark: row["watermark"],
                backfillFirst: (row["backfill_first"] as String?).flatMap { Day(iso: $0) },
                backfillLast: (row["backfill_last"] as String?).flatMap { Day(iso: $0) })
        }
    }

    public func save(_ state: DatasetState) throws {
        try write { db in try Self.save(state, db: db) }
    }

    static func save(_ state: DatasetState, db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO dataset_state (dataset, rows_updated_at, watermark, backfill_first, backfill_last)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [
                state.dataset.rawValue, state.rowsUpdatedAt, state.watermark, state.backfillFirst?.iso,
                state.backfillLast?.iso,
            ])
    }
}

extension Warehouse {
    /// Records one run's schema drift findings for a dataset: (kind, field, detail, rows).
    public func recordDrift(runID: Int64?, dataset: DatasetID, findings: [(String, String, String, Int)]) throws {
        guard !findings.isEmpty else { return }
        try write { db in
            for (kind, field, detail, rows) in findings {
                try db.execute(
                    sql:
                        "INSERT INTO schema_drift (run_id, dataset, kind, field, detail, rows) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [runID, dataset.rawValue, kind, field, detail, rows])
            }
        }
    }
}
