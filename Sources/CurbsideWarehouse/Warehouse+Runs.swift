import CurbsideModel
import Foundation
import GRDB

/// What a finished run reports: its outcome, stage durations and counters.
public struct RunSummary: Sendable {
    /// `abandoned`: the run's process ended before it could record an outcome (killed, or the machine stopped); the
    /// next command on the warehouse marks it so.
    public enum Status: String, Sendable { case succeeded, failed, refused, abandoned }
    public var status: Status
    public var error: String?
    public var stageSeconds: [String: Double]
    public var counters: [String: Int]
    public var versionID: VersionID?

    public init(
        status: Status, error: String? = nil, stageSeconds: [String: Double] = [:], counters: [String: Int] = [:],
        versionID: VersionID? = nil
    ) {
        self.status = status
        self.error = error
        self.stageSeconds = stageSeconds
        self.counters = counters
        self.versionID = versionID
    }
}

extension Warehouse {
    /// Opens a run record; run facts (times, durations) live here, never inside a version.
    public func startRun(command: String, asOf: Day?, sample: Bool, startedAt: Double) throws -> Int64 {
        try write { db in
            try db.execute(
                sql: "INSERT INTO runs (command, as_of, sample, started_at) VALUES (?, ?, ?, ?)",
                arguments: [command, asOf?.iso, sample ? 1 : 0, startedAt])
            return db.lastInsertedRowID
        }
    }

    /// Marks every run still `running` as abandoned. Call it only while holding the warehouse's lock as its first
    /// holder: then no process is running any of them.
    /// - Returns: the ids of the runs marked.
    @discardableResult
    public func markAbandonedRuns() throws -> [Int64] {
        try write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM runs WHERE status = 'running' ORDER BY id")
            try db.execute(
                sql: """
                    UPDATE runs SET status = 'abandoned',
                        error = 'the process ended before the run finished (killed, or the machine stopped)'
                    WHERE status = 'running'
                    """)
            return ids
        }
    }

    public func finishRun(_ id: Int64, summary: RunSummary, finishedAt: Double) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let stages = String(decoding: try encoder.encode(summary.stageSeconds), as: UTF8.self)
        let counters = String(decoding: try encoder.encode(summary.counters), as: UTF8.self)
        try write { db in
            try db.execute(
                sql: """
                    UPDATE runs SET finished_at = ?, status = ?, error = ?, stage_seconds = ?, counters = ?,
                        version_id = ? WHERE id = ?
                    """,
                arguments: [
                    finishedAt, summary.status.rawValue, summary.error, stages, counters, summary.versionID?.rawValue,
                    id,
                ])
        }
    }
}
