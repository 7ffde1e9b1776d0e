import CurbsideCommands
import CurbsideModel
import CurbsideTestSupport
import CurbsideWarehouse
import Foundation
import GRDB
import Logging
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What a hostile world does to a build: two builds on one warehouse, a killed build, a damaged warehouse, page
/// queries that reach outside the warehouse or never end, a failed publish. Real processes where the promise is
/// about processes, each bounded in time.
@Suite(.serialized) struct HostileWorldTests {
    /// The `curbside` executable the tests were built with, beside the test bundle.
    static func executable() throws -> String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        // `swift test` runs `…/debug/curbsidePackageTests.xctest`; the executable is beside it.
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("curbside").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw NoExecutable()
    }

    struct NoExecutable: Error, CustomStringConvertible {
        var description: String { "no curbside executable beside the tests (build it with swift build --build-tests)" }
    }

    /// A project folder with the repository's content, templates, config and samples.
    static func project(in folder: String) throws -> String {
        let root = folder + "/project"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for name in ["content", "templates", "samples", "curbside.yml"] {
            try FileManager.default.copyItem(atPath: Fixtures.path(name), toPath: root + "/" + name)
        }
        return root
    }

    /// Starts `curbside` in `folder` with `arguments`; its output goes to `log`.
    static func start(_ arguments: [String], in folder: String, log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    /// Waits for `process` to end, killing it after `seconds`; returns its exit status.
    static func finish(_ process: Process, within seconds: Double = 120) -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.interrupt()
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Every file of a version folder with its bytes.
    static func version(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for file in SiteFixture.files(under: folder) {
            files[file] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
        }
        return files
    }

    /// The first integer `sql` gives on the SQLite file at `path`, opened on its own (nil when it fails); the last
    /// statement gives it.
    static func scalar(_ path: String, _ sql: String) -> Int? {
        try? DatabaseQueue(path: path).writeWithoutTransaction { db -> Int? in
            let statements = sql.components(separatedBy: "; ")
            for statement in statements.dropLast() { try db.execute(sql: statement) }
            return try Int.fetchOne(db, sql: statements.last ?? sql)
        }
    }

    static let nycOnly = ["build", "--sample", "--only", "nyc"]

    @Test(.timeLimit(.minutes(5)))
    func twoBuildsAtOncePublishWhatTheyWouldOneAfterTheOther() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let project = try Self.project(in: folder)
        // The two as-ofs built one after the other, in a project of their own.
        let sequential = try Self.project(in: folder + "/sequential")
        for asOf in ["2019-11-25", "2019-11-27"] {
            let process = try Self.start(
                Self.nycOnly + ["--as-of", asOf], in: sequential, log: sequential + "/build.log")
            let status = Self.finish(process)
            let log = try String(contentsOfFile: sequential + "/build.log", encoding: .utf8)
            #expect(status == 0, "\(log)")
        }
        // Then at once on one warehouse and one site: the second starts while the first holds the lock, and waits.
        let first = try Self.start(
            Self.nycOnly + ["--as-of", "2019-11-25", "--wait", "120"], in: project, log: project + "/a.log")
        let lockFile = project + "/data/sample.sqlite.lock"
        for _ in 0..<6000 where first.isRunning {
            if let text = try? String(contentsOfFile: lockFile, encoding: .utf8), text.hasPrefix("pid ") { break }
            usleep(5_000)
        }
        let second = try Self.start(
            Self.nycOnly + ["--as-of", "2019-11-27", "--wait", "120"], in: project, log: project + "/b.log")
        let statuses = (Self.finish(first), Self.finish(second))
        let logs = try ["a", "b"].map { try String(contentsOfFile: project + "/\($0).log", encoding: .utf8) }
        #expect(statuses == (0, 0), "\(logs)")
        let expected = try FileManager.default.contentsOfDirectory(atPath: sequential + "/site/v").filter {
            !$0.hasPrefix(".") && $0 != "versions.html"
        }.sorted()
        let published = try FileManager.default.contentsOfDirectory(atPath: project + "/site/v").filter {
            !$0.hasPrefix(".") && $0 != "versions.html"
        }.sorted()
        #expect(published == expected)
        #expect(expected.count == 2)
        for version in expected {
            let files = try Self.version(sequential + "/site/v/" + version)
            let together = try Self.version(project + "/site/v/" + version)
            #expect(together.keys.sorted() == files.keys.sorted())
            for (path, bytes) in files where together[path] != bytes {
                Issue.record("\(version): \(path) differs from the same builds run one after the other")
            }
        }
        let verify = try Self.start(["verify"], in: project, log: project + "/verify.log")
        #expect(Self.finish(verify) == 0)
    }

    @Test(.timeLimit(.minutes(3)))
    func aSecondCommandStopsNamingTheHolderOrWaits() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let project = try Self.project(in: folder)
        var lock = try WarehouseLock.acquire(
            warehouse: project + "/data/sample.sqlite", command: "curbside build (held by the test)")
        let refused = try Self.start(Self.nycOnly, in: project, log: project + "/refused.log")
        #expect(Self.finish(refused) == 1)
        let said = try String(contentsOfFile: project + "/refused.log", encoding: .utf8)
        #expect(
            said.contains(
                "error: data/sample.sqlite is in use by another curbside command (process \(getpid()), started "))
        #expect(said.contains(": curbside build (held by the test)). One command at a time writes a warehouse"))
        let waited = try Self.start(Self.nycOnly + ["--wait", "0.3"], in: project, log: project + "/waited.log")
        #expect(Self.finish(waited) == 1)
        #expect(
            try String(contentsOfFile: project + "/waited.log", encoding: .utf8).contains(
                "is still in use after waiting 0.3 s by another curbside command"))
        #expect(!FileManager.default.fileExists(atPath: project + "/site/versions.json"))
        // Let go while a third waits: it builds.
        let third = try Self.start(Self.nycOnly + ["--wait", "120"], in: project, log: project + "/third.log")
        usleep(300_000)
        lock = nil
        #expect(lock == nil)
        let status = Self.finish(third)
        let log = try String(contentsOfFile: project + "/third.log", encoding: .utf8)
        #expect(status == 0, "\(log)")
    }

    @Test(.timeLimit(.minutes(3)))
    func aKilledBuildLeavesNoLockAndItsRunIsMarkedAbandoned() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let project = try Self.project(in: folder)
        let warehouse = project + "/data/sample.sqlite"
        let build = try Self.start(Self.nycOnly, in: project, log: project + "/killed.log")
        // Killed once its run is recorded as running.
        var running = false
        for _ in 0..<3000 where !running && build.isRunning {
            usleep(10_000)
            guard FileManager.default.fileExists(atPath: warehouse) else { continue }
            running = Self.scalar(warehouse, "SELECT count(*) FROM runs WHERE status = 'running'") ?? 0 > 0
        }
        #expect(running)
        kill(build.processIdentifier, SIGKILL)
        build.waitUntilExit()
        #expect(build.terminationReason == .uncaughtSignal)
        // The next command takes the lock at once and says what became of the killed run.
        let pipeline = try Pipeline(
            options: RunOptions(
                configPath: project + "/curbside.yml", warehousePath: warehouse, siteRoot: project + "/site",
                only: .nyc, sample: true, projectRoot: project),
            environment: [:], logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            say: { _ in })
        let statuses = try pipeline.warehouse.read { db in
            try String.fetchAll(db, sql: "SELECT status FROM runs ORDER BY id")
        }
        #expect(statuses == ["abandoned"])
    }

    @Test(.timeLimit(.minutes(2)))
    func aDamagedWarehouseStopsTheBuildNamingTheFileAndWhatToDo() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let options = SiteFixture.options(folder, asOf: Day(iso: "2019-11-25"))
        let first = try await SiteFixture.build(options)
        // One leaf page of silver overwritten, as a failing disk would.
        let path = folder + "/w.sqlite"
        _ = Self.scalar(path, "SELECT count(*) FROM pragma_wal_checkpoint('TRUNCATE')")
        let page = try #require(
            Self.scalar(
                path,
                """
                SELECT pageno FROM dbstat WHERE name = 'silver_nyc_violations' AND pagetype = 'leaf'
                ORDER BY pageno LIMIT 1 OFFSET 1
                """))
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64((page - 1) * 4096))
        try handle.write(contentsOf: Data(repeating: 0x42, count: 4096))
        try handle.close()

        var second = options
        second.asOf = Day(iso: "2019-11-26")
        let error = await #expect(throws: CommandError.self) { try await SiteFixture.build(second) }
        #expect(error?.exitCode == 1)
        let text = "\(error.map { "\($0)" } ?? "")"
        #expect(text.hasPrefix("\(path) is damaged (SQLite: database disk image is malformed); nothing was published."))
        #expect(text.contains("`sqlite3 \(path) .recover | sqlite3 \(path).recovered`"))
        #expect(!text.contains("remove the file"))
        let published = try FileManager.default.contentsOfDirectory(atPath: folder + "/site/v").filter {
            !$0.hasPrefix(".") && $0 != "versions.html"
        }
        #expect(published == [first.outcome.versionID.rawValue])
    }

    @Test func aWarehouseThatIsNoDatabaseIsNeverToldToBeRemoved() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: folder + "/w.sqlite"))
        let error = #expect(throws: CommandError.self) {
            try Pipeline(
                options: SiteFixture.options(folder), environment: [:],
                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), say: { _ in })
        }
        let text = "\(error.map { "\($0)" } ?? "")"
        #expect(text.hasPrefix("\(folder)/w.sqlite is damaged (SQLite: file is not a database)"))
        #expect(!text.contains("remove the file"))
    }

    /// A project whose extra page `content/queries.md` has `queries` and `body`.
    static func projectWithPage(in folder: String, queries: String, body: String) throws -> RunOptions {
        let project = try Self.project(in: folder)
        let page = "---\ntitle: Queries\norder: 90\nqueries:\n" + queries + "---\n" + body + "\n"
        try page.write(toFile: project + "/content/queries.md", atomically: true, encoding: .utf8)
        var options = SiteFixture.options(folder, projectRoot: project)
        options.configPath = project + "/curbside.yml"
        return options
    }

    @Test(.timeLimit(.minutes(2)))
    func aPageCannotAttachAnotherDatabase() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let secret = folder + "/secret.sqlite"
        _ = Self.scalar(
            secret,
            "CREATE TABLE creds(user, password); INSERT INTO creds VALUES ('admin', 'hunter2'); SELECT count(*) FROM creds"
        )
        let created = folder + "/created.sqlite"
        for (sql, refused) in [
            ("ATTACH DATABASE '\(secret)' AS s", "refused ATTACH \(secret)"),
            ("ATTACH DATABASE '\(created)' AS s", "refused ATTACH \(created)"),
            ("VACUUM INTO '\(created)'", "refused a statement that writes"),
            ("SELECT load_extension('\(folder)/x.so')", "refused the function load_extension()"),
        ] {
            let options = try Self.projectWithPage(
                in: folder + "/\(UUID().uuidString)", queries: "  q: |\n    \(sql)\n", body: "{{< table query=\"q\" >}}"
            )
            let error = await #expect(throws: CommandError.self) { try await SiteFixture.build(options) }
            let text = "\(error.map { "\($0)" } ?? "")"
            #expect(text.contains("content/queries.md:5: query 'q' failed: "), "\(text)")
            #expect(text.contains(refused), "\(text)")
        }
        #expect(!FileManager.default.fileExists(atPath: created))
    }

    @Test(.timeLimit(.minutes(2)))
    func aQueryThatNeverEndsIsStoppedAndAnUnusedOneIsNotRun() async throws {
        let forever = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) AS n FROM c"
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let used = try Self.projectWithPage(
            in: folder + "/used", queries: "  forever: |\n    \(forever)\n",
            body: "Rows: {{< value query=\"forever\" column=\"n\" >}}")
        let configText = try String(contentsOfFile: used.configPath, encoding: .utf8)
            .replacingOccurrences(of: "query_timeout_seconds: 60\n", with: "query_timeout_seconds: 0.5\n")
        try configText.write(toFile: used.configPath, atomically: true, encoding: .utf8)
        let error = await #expect(throws: CommandError.self) { try await SiteFixture.build(used) }
        let text = "\(error.map { "\($0)" } ?? "")"
        #expect(
            text.hasPrefix(
                "content/queries.md:5: query 'forever' failed: \(folder)/used/w.sqlite: query failed: stopped after "
                    + "0.5 s: a page query may run for site.query_timeout_seconds (0.5 s)"), "\(text)")

        // The same query, named by no tag: the build ends, with a warning.
        let unused = try Self.projectWithPage(
            in: folder + "/unused", queries: "  forever: |\n    \(forever)\n", body: "Nothing drawn.")
        let warnings = Said()
        let pipeline = try Pipeline(
            options: unused, environment: [:], clock: FixedClock(seconds: 1_800_000_000),
            logger: Logger(label: "test", factory: { _ in CollectingLogHandler(warnings) }), say: { _ in })
        let outcome = try await BuildRun(environment: [:]).run(pipeline, say: { _ in }, note: { _ in })
        #expect(outcome.published)
        #expect(
            warnings.lines.contains(
                "content/queries.md:5: query 'forever' is not used by any tag of the page; it is not run"))
    }

    @Test(.timeLimit(.minutes(2)))
    func rowsThatAreNotUTF8OrTooLongGoToQuarantineAndBronzeKeepsTheirBytes() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let project = try Self.project(in: folder)
        let file = project + "/samples/nyc/nc67-uf89.json"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        // Two rows of 10/21/2019, a day in the window: one violation with bytes that are not UTF-8, one of 10,000.
        func index(of text: String, from start: Int) -> Int? {
            let target = Array(text.utf8)
            return bytes.indices.dropFirst(start).first { bytes[$0...].starts(with: target) }
        }
        var from = 0
        for value in [
            Array("PHTO SCHOOL ".utf8) + [0xFF, 0xFE] + Array(" ZN".utf8), [UInt8](repeating: 0x58, count: 10_000),
        ] {
            let day = try #require(index(of: "\"issue_date\": \"10/21/2019\"", from: from))
            let start = try #require(index(of: "\"violation\": \"", from: day)) + 14
            let end = try #require(index(of: "\"", from: start))
            bytes.replaceSubrange(start..<end, with: value)
            from = start + value.count
        }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        var options = SiteFixture.options(folder, projectRoot: project)
        options.asOf = nil
        let result = try await SiteFixture.build(options)
        #expect(result.outcome.published)
        let warehouse = try Warehouse(path: folder + "/w.sqlite")
        let quarantined = try warehouse.read { db in
            try Row.fetchAll(db, sql: "SELECT rule, column_name, value FROM quarantine ORDER BY rule").map {
                [$0[0] as String, $0[1] as String, $0[2] as String]
            }
        }
        #expect(quarantined.count == 2)
        #expect(quarantined.first == ["invalid_utf8", "violation", "PHTO SCHOOL \\xFF\\xFE ZN"])
        #expect(quarantined.last?[0] == "text_too_long")
        #expect(quarantined.last?[2].hasSuffix("… (10000 bytes)") == true)
        let silver = try warehouse.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT count(*) FROM silver_nyc_violations WHERE violation LIKE '%ZN' OR length(violation) > 100")
        }
        #expect(silver == 0)
        let kept = try warehouse.read { db in
            try Data.fetchAll(db, sql: "SELECT bronze_body(body, body_encoding) FROM bronze_pages")
        }
        #expect(kept.contains { body in zip(body, body.dropFirst()).contains { $0 == 0xFF && $1 == 0xFE } })
    }
}

/// A log handler that keeps warning lines.
struct CollectingLogHandler: LogHandler {
    let lines: Said
    var logLevel: Logger.Level = .warning
    var metadata: Logger.Metadata = [:]

    init(_ lines: Said) { self.lines = lines }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        if event.level >= .warning { lines.append("\(event.message)") }
    }
}

/// `curbside preview` serves the site's files and nothing hidden, closes a connection that asks for it, and closes
/// one left idle.
@Suite struct PreviewTests {
    @Test(.timeLimit(.minutes(1))) func hiddenFilesAreNotServedAndConnectionsClose() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        try "<h1>site</h1>\n".write(toFile: folder + "/index.html", atomically: true, encoding: .utf8)
        try "SOCRATA_APP_TOKEN=secret\n".write(toFile: folder + "/.env", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/.staging-x-1", withIntermediateDirectories: true)
        try "half\n".write(toFile: folder + "/.staging-x-1/index.html", atomically: true, encoding: .utf8)
        let server = PreviewServer(root: folder, idleSeconds: 1)
        let port = try await server.start(port: 0)
        #expect(
            Self.exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").hasSuffix("<h1>site</h1>\n"))
        for path in ["/.env", "/.staging-x-1/index.html", "/%2Eenv", "/.publish.lock"] {
            #expect(
                Self.exchange(port, "GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").hasPrefix(
                    "HTTP/1.1 404"), "\(path)")
        }
        // Keep-alive: the connection stays open after the answer, and closes once idle.
        #expect(Self.exchange(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n").hasSuffix("<h1>site</h1>\n"))
        try await server.stop()
    }

    /// Sends `request` and reads until the server closes the connection (`exchange` returns only when it does).
    static func exchange(_ port: Int, _ request: String) -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return "" }
        _ = request.withCString { send(socket, $0, strlen($0), 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received += buffer[..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
