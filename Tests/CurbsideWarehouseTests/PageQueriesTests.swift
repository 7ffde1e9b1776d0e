import CurbsideModel
import CurbsideTestSupport
import CurbsideWarehouse
import Foundation
import GRDB
import Testing

/// Page queries read the warehouse and nothing else: no other SQLite file, no write, no file-touching function, and
/// no statement past its time budget.
@Suite struct PageQueriesTests {
    static func warehouse(in folder: String) throws -> Warehouse {
        let warehouse = try Warehouse(path: folder + "/w.sqlite")
        try warehouse.write { db in
            try db.execute(sql: "CREATE TABLE gold_t(day TEXT, n INTEGER, x REAL, b BLOB, z)")
            try db.execute(sql: "INSERT INTO gold_t VALUES ('2019-10-01', 3, 1.5, x'0102', NULL)")
            try db.execute(sql: "CREATE VIEW gold_v AS SELECT day, n FROM gold_t")
        }
        return warehouse
    }

    @Test func readsValuesAndTheTablesReadAsTheWarehouseDoes() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let warehouse = try Self.warehouse(in: folder)
        let queries = try PageQueries(path: warehouse.path, budget: 5)
        for sql in [
            "SELECT * FROM gold_t", "SELECT count(*) AS rows FROM gold_t", "SELECT day FROM gold_v",
            "WITH r(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM r WHERE k < 3) SELECT k, n FROM r, gold_t",
            "SELECT upper(day) AS d, json_extract('{\"a\":1}', '$.a') AS j FROM gold_t -- a note\n;",
            "SELECT count(*) AS n FROM runs",
        ] {
            #expect(try queries.run(sql) == warehouse.run(sql), "\(sql)")
        }
        #expect(try queries.run("SELECT * FROM gold_t").sources == ["gold_t"])
        #expect(
            try queries.run("SELECT * FROM gold_t").rows == [
                [.text("2019-10-01"), .integer(3), .real(1.5), .text("<2 bytes>"), .null]
            ])
    }

    @Test(arguments: [
        ("ATTACH DATABASE 'OTHER' AS s", "refused ATTACH OTHER"),
        ("VACUUM INTO 'OTHER'", "refused a statement that writes"),
        ("INSERT INTO gold_t(n) VALUES (1)", "refused INSERT into gold_t"),
        ("DELETE FROM gold_t", "refused DELETE from gold_t"),
        ("UPDATE gold_t SET n = 0", "refused UPDATE of gold_t"),
        ("CREATE TEMP TABLE t(x)", "refused INSERT into sqlite_temp_master"),
        ("PRAGMA journal_mode = DELETE", "refused PRAGMA journal_mode"),
        ("SELECT load_extension('OTHER.so')", "refused the function load_extension()"),
        ("SELECT 1; DELETE FROM gold_t", "refused more than one statement"),
        ("BEGIN", "refused a transaction"),
    ])
    func refusesAnythingButReading(sql: String, refused: String) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let warehouse = try Self.warehouse(in: folder)
        let other = folder + "/other.sqlite"
        let queries = try PageQueries(path: warehouse.path, budget: 5)
        let statement = sql.replacingOccurrences(of: "OTHER", with: other)
        let error = #expect(throws: WarehouseError.self) { try queries.run(statement) }
        #expect(
            "\(error.map { "\($0)" } ?? "")"
                == "\(warehouse.path): query failed: \(refused.replacingOccurrences(of: "OTHER", with: other)): a page "
                + "query may only read the warehouse's tables (SELECT and WITH)\n  in: \(statement)")
        #expect(!FileManager.default.fileExists(atPath: other))
        #expect(!FileManager.default.fileExists(atPath: other + ".so"))
        #expect(try warehouse.run("SELECT count(*) FROM gold_t").rows == [[.integer(1)]])
    }

    @Test(.timeLimit(.minutes(1))) func aQueryPastItsBudgetIsStopped() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let warehouse = try Self.warehouse(in: folder)
        let queries = try PageQueries(path: warehouse.path, budget: 0.2)
        let forever = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
        let error = #expect(throws: WarehouseError.self) { try queries.run(forever) }
        #expect(
            "\(error.map { "\($0)" } ?? "")".hasPrefix(
                "\(warehouse.path): query failed: stopped after 0.2 s: a page query may run for "
                    + "site.query_timeout_seconds (0.2 s)"))
        // The connection goes on with the next query.
        #expect(try queries.run("SELECT n FROM gold_t").rows == [[.integer(3)]])
    }

    @Test func aWarehouseThatCannotBeOpenedIsNamed() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let error = #expect(throws: WarehouseError.self) { try PageQueries(path: folder + "/none.sqlite", budget: 1) }
        #expect("\(error.map { "\($0)" } ?? "")".hasPrefix("\(folder)/none.sqlite: cannot open the warehouse: "))
    }
}

/// One command at a time per warehouse, shared within a process.
@Suite struct WarehouseLockTests {
    @Test func aHolderInAnotherProcessIsNamedAndOneInThisProcessShares() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let path = folder + "/w.sqlite"
        var first = try WarehouseLock.acquire(warehouse: path, command: "curbside build --as-of 2019-11-25")
        #expect(first?.isFirstHolder == true)
        let lockText = try String(contentsOfFile: path + ".lock", encoding: .utf8)
        #expect(lockText.hasPrefix("pid \(getpid())\nstarted "))
        #expect(lockText.hasSuffix("\ncommand curbside build --as-of 2019-11-25\n"))
        // In this process: shared, not first.
        var second = try WarehouseLock.acquire(
            warehouse: folder + "/../" + (folder as NSString).lastPathComponent + "/w.sqlite")
        #expect(second?.isFirstHolder == false)
        // Another process (flock, as the kernel sees it): refused while held.
        #expect(Self.flockFromAnotherProcess(path + ".lock") == 1)
        first = nil
        #expect(Self.flockFromAnotherProcess(path + ".lock") == 1)
        second = nil
        #expect(Self.flockFromAnotherProcess(path + ".lock") == 0)
        #expect(try String(contentsOfFile: path + ".lock", encoding: .utf8) == "")
        #expect(try WarehouseLock.acquire(warehouse: ":memory:") == nil)
    }

    /// `flock -n FILE true` in a child process: 0 when it got the lock, 1 when another holds it.
    static func flockFromAnotherProcess(_ path: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        process.arguments = ["-n", "-E", "1", path, "true"]
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func errorsSayWhatToDoAndNeverToRemoveTheFile() {
        let held = WarehouseLockError(
            path: "data/w.sqlite.lock", reason: .held(by: "process 7: curbside build", waited: 0))
        #expect(
            held.description
                == "data/w.sqlite is in use by another curbside command (process 7: curbside build). One command at a "
                + "time writes a warehouse: let that one finish, or pass --wait SECONDS to wait for it.")
        for reason: WarehouseError.Reason in [
            .open("unable to open"), .damaged("malformed"), .full("disk full"), .busy("locked"),
        ] {
            let text = WarehouseError(path: "data/w.sqlite", reason: reason).description
            #expect(text.hasPrefix("data/w.sqlite"))
            #expect(!text.contains("remove the file"), "\(text)")
        }
        #expect(
            WarehouseError(path: "w.sqlite", reason: .full("database or disk is full")).description
                == "w.sqlite: the disk is full (SQLite: database or disk is full). The warehouse keeps its last "
                + "committed state and nothing was published: free space on the disk that holds it, then run again.")
    }
}
