import Foundation

/// A file of expected output checked into the tests (SVG, HTML), compared byte for byte.
///
/// With `CURBSIDE_RECORD=1` in the environment, ``check(_:)`` writes the actual output as the new golden file
/// and still reports a failure, so a recording run can never pass silently; run again without it.
public struct GoldenFile {
    public let path: String

    /// - Parameters:
    ///   - name: the file name, `line-chart.svg`.
    ///   - testFile: pass `#filePath`; the golden file lives in `Golden/` beside it.
    public init(_ name: String, testFile: String = #filePath) {
        let folder = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Golden")
        path = folder.appendingPathComponent(name).path
    }

    /// Whether this run records instead of comparing.
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["CURBSIDE_RECORD"] == "1"
    }

    /// - Returns: nil when `actual` matches the golden file; otherwise what differs (or that it was recorded).
    public func check(_ actual: String) -> String? {
        if Self.isRecording {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            do {
                try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                return "could not record \(path): \(error)"
            }
            return "recorded \(path) (CURBSIDE_RECORD=1 always fails; run again without it)"
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return "no golden file at \(path); record it with CURBSIDE_RECORD=1"
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let want = line < expectedLines.count ? String(expectedLines[line]) : "<end of file>"
        let got = line < actualLines.count ? String(actualLines[line]) : "<end of file>"
        return "\(path) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n"
            + "re-record with CURBSIDE_RECORD=1 if the change is intended"
    }
}
