import Synchronization

/// A runner that runs each distinct SQL text once and hands back the same table after: render asks for a page's
/// queries three times (the lineage's figures, its sources, the page itself), and the warehouse does not change
/// while a version renders. Scans and failed queries go through every time.
public final class RememberingQueryRunner: QueryRunner {
    private let runner: any QueryRunner
    private let tables = Mutex<[String: QueryTable]>([:])

    public init(_ runner: any QueryRunner) {
        self.runner = runner
    }

    public func run(_ sql: String) throws -> QueryTable {
        if let known = tables.withLock({ $0[sql] }) { return known }
        let table = try runner.run(sql)
        tables.withLock { $0[sql] = table }
        return table
    }

    public func scan(_ sql: String, _ body: (ScannedRow) throws -> Void) throws {
        try runner.scan(sql, body)
    }

    public func scanBronzeRows(
        of partition: BronzePartition, columns: [String], _ body: (ScannedRow) throws -> Void
    ) throws {
        try runner.scanBronzeRows(of: partition, columns: columns, body)
    }
}
