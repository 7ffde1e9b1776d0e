import ArgumentParser
import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideCommands

/// `simulate --write-json` writes the synthetic rows a chunk a call (Foundation's one-call write repeated the file's
/// start past 2 GiB); a chunk of a few bytes stands in for the 64 MiB ones.
@Suite struct SimulateWriteTests {
    @Test("the rows file holds exactly the bytes, written a chunk at a time, over a longer file already there")
    func writesEveryChunkOnce() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let path = folder + "/rows.json"
        try Data(repeating: 0x41, count: 5_000).write(to: URL(fileURLWithPath: path))
        let bytes = (0..<1_003).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 256) }
        try SimulateCommand.write(bytes, to: path, chunk: 7)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
        try SimulateCommand.write([], to: path, chunk: 7)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }
}

/// `simulate --config`: synthetic rows fill the config's NYC window, so the same rows can be spread over more days.
@Suite struct SimulateConfigTests {
    /// The distinct issue days of synthetic rows made with these arguments.
    static func days(_ arguments: [String]) throws -> Set<String> {
        let command = try SimulateCommand.parse(arguments)
        let sample = try SampleBundle(projectRoot: Fixtures.repositoryRoot)
        let rows = try command.nycRows(sample: sample, config: try command.loadedConfig())
        let objects = try JSONSerialization.jsonObject(with: Data(rows)) as? [[String: Any]] ?? []
        return Set(objects.compactMap { $0["issue_date"] as? String })
    }

    @Test func aLongerWindowSpreadsTheRowsOverMoreDays() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let config = folder + "/long.yml"
        try "datasets:\n  nyc:\n    window_start_days: 180\n".write(toFile: config, atomically: true, encoding: .utf8)
        let base = ["--synthetic-nyc", "600", "--as-of", "2025-07-10"]
        #expect(try Self.days(base).count == 31)  // the default window: as-of − 61 … as-of − 31
        #expect(try Self.days(base + ["--config", config]).count == 150)
    }

    @Test func aBrokenConfigIsNamed() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let config = folder + "/bad.yml"
        try "datasets:\n  nyc:\n    window_start_days: soon\n".write(toFile: config, atomically: true, encoding: .utf8)
        let command = try SimulateCommand.parse(["--synthetic-nyc", "10", "--as-of", "2025-07-10", "--config", config])
        let error = #expect(throws: CommandError.self) { try command.loadedConfig() }
        #expect("\(error.map { "\($0)" } ?? "")".contains("bad.yml"))
    }
}
