import CurbsideModel
import CurbsideTestSupport
import Synchronization
import Testing

@Suite("Render's page queries run once")
struct RememberingQueryRunnerTests {
    /// Counts the queries that reach it, answering from an in-memory table set.
    final class CountingRunner: QueryRunner {
        let tables: InMemoryQueryRunner
        let asked = Mutex<[String]>([])
        init(_ tables: InMemoryQueryRunner) { self.tables = tables }

        func run(_ sql: String) throws -> QueryTable {
            asked.withLock { $0.append(sql) }
            return try tables.run(sql)
        }

        func scan(_ sql: String, _ body: (ScannedRow) throws -> Void) throws {
            asked.withLock { $0.append(sql) }
            try tables.scan(sql, body)
        }
    }

    @Test("the same SQL is answered from the first run; failures and scans go through every time")
    func remembers() throws {
        var tables = InMemoryQueryRunner()
        tables.register("SELECT n FROM t", QueryTable(columns: ["n"], rows: [[.integer(1)]], sources: ["t"]))
        let counting = CountingRunner(tables)
        let runner = RememberingQueryRunner(counting)
        #expect(try runner.run("SELECT n FROM t") == (try tables.run("SELECT n FROM t")))
        #expect(try runner.run("SELECT n FROM t").rows == [[.integer(1)]])
        #expect(throws: (any Error).self) { try runner.run("SELECT n FROM missing") }
        #expect(throws: (any Error).self) { try runner.run("SELECT n FROM missing") }
        var scanned = 0
        try runner.scan("SELECT n FROM t") { _ in scanned += 1 }
        #expect(scanned == 1)
        #expect(
            counting.asked.withLock { $0 }
                == ["SELECT n FROM t", "SELECT n FROM missing", "SELECT n FROM missing", "SELECT n FROM t"])
    }
}
