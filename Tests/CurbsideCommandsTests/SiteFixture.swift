import CurbsideCommands
import CurbsideModel
import CurbsideTestSupport
import Foundation
import Logging

/// Sample builds for the publishing tests: each in its own temporary folder, through ``BuildRun`` as
/// `curbside build` runs it, and one shared build that several suites only read.
enum SiteFixture {
    static func options(_ folder: String, projectRoot: String = Fixtures.repositoryRoot, asOf: Day? = nil) -> RunOptions
    {
        RunOptions(
            configPath: Fixtures.path("curbside.yml"), warehousePath: folder + "/w.sqlite", siteRoot: folder + "/site",
            asOf: asOf, only: .nyc, sample: true, projectRoot: projectRoot)
    }

    /// Builds like `curbside build`, with a fixed clock; returns the outcome and what it said.
    static func build(
        _ options: RunOptions, run: BuildRun = BuildRun(environment: [:]), clock: Double = 1_800_000_000
    ) async throws -> (outcome: BuildOutcome, said: [String], notes: [String]) {
        let pipeline = try Pipeline(
            options: options, environment: [:], clock: FixedClock(seconds: clock),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), say: { _ in })
        let said = Said()
        let notes = Said()
        let outcome = try await run.run(pipeline, say: { said.append($0) }, note: { notes.append($0) })
        return (outcome, said.lines, notes.lines)
    }

    /// The shared sample site: built once, never changed by the tests that read it.
    static func shared() async throws -> (site: String, version: String) {
        try await Shared.instance.site()
    }

    actor Shared {
        static let instance = Shared()
        private var built: (site: String, version: String)?

        func site() async throws -> (site: String, version: String) {
            if let built { return built }
            let folder = try Fixtures.temporaryFolder("curbside-site")
            let result = try await SiteFixture.build(SiteFixture.options(folder))
            let value = (folder + "/site", result.outcome.versionID.rawValue)
            built = value
            return value
        }
    }

    /// Every regular file under `root`, by path relative to it.
    static func files(under root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []).filter { path in
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &folder) && !folder.boolValue
                && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }.sorted()
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The values of every `href` and `src` attribute in `html`.
    static func references(in html: String) -> [String] {
        var found: [String] = []
        for attribute in [" href=\"", " src=\""] {
            for part in html.components(separatedBy: attribute).dropFirst() {
                found.append(String(part.prefix { $0 != "\"" }))
            }
        }
        return found
    }

    /// Runs a program to its end and returns its exit status and output (stdout, then stderr unless
    /// `standardError` is false: Chromium logs D-Bus noise there).
    static func run(
        _ executable: String, _ arguments: [String], standardError: Bool = true
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let log = NSTemporaryDirectory() + "curbside-test-\(UUID().uuidString).log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let handle = FileHandle(forWritingAtPath: log)
        process.standardOutput = handle
        process.standardError = standardError ? handle : FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    /// The first executable called `name` on `PATH`, or nil.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}
