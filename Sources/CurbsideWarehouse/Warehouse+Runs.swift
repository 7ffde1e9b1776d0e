import CurbsideModel
import Foundation
import GRDB

/// What a finished run reports: its outcome, stage durations and counters.
public struct RunSummary: Sendable {
    public enum Status: String, Sendable { case succeeded, failed, refused }
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

    /// Replaces the lineage edges whose source or target starts with `prefix` (one dataset's graph).
    public func replaceLineage(prefix: String, edges: [LineageEdge]) throws {
        try write { db in
            try db.execute(
                sql: "DELETE FROM lineage_edges WHERE source LIKE ? OR target LIKE ?",
                arguments: [prefix + "%", prefix + "%"])
            for edge in edges {
                try db.execute(
                    sql: """
                        INSERT INTO lineage_edges (source, target, rows, hash, detail) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (source, target) DO UPDATE SET rows = excluded.rows, hash = excluded.hash,
                            detail = excluded.detail
                        """,
                    arguments: [edge.source, edge.target, edge.rows, edge.hash, edge.detail])
            }
        }
    }

    public func lineage() throws -> [LineageEdge] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT source, target, rows, hash, detail FROM lineage_edges ORDER BY source, target"
            )
            .map {
                LineageEdge(
                    source: $0["source"], target: $0["target"], rows: $0["rows"], hash: $0["hash"], detail: $0["detail"]
                )
            }
        }
    }
}

/// One edge of the lineage graph: `endpoint:nyc_violations` → `bronze:nyc_violations` and so on.
public struct LineageEdge: Sendable, Equatable, Codable {
    public var source: String
    public var target: String
    public var rows: Int?
    public var hash: String?
    public var detail: String?

    public init(source: String, target: String, rows: Int?, hash: String?, detail: String?) {
        self.source = source
        self.target = target
        self.rows = rows
        self.hash = hash
        self.detail = detail
    }
}
