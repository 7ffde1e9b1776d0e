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
