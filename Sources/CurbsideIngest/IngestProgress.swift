import CurbsideModel
import Foundation

/// The live progress line of `ingest` on a terminal: per dataset, partitions done of planned, rows,
/// rows/s, retries and an ETA, redrawn in place on standard error. Off a terminal (CI, logs) it
/// draws nothing: the per-partition log lines say the same.
public final class IngestProgress: @unchecked Sendable {
    struct Line {
        var planned = 0
        var done = 0
        var rows = 0
        var retries = 0
        var unit = "partitions"
    }

    private let lock = NSLock()
    private var lines: [String: Line] = [:]
    private var order: [String] = []
    private let clock: any WallClock
    private let start: Double
    private let draw: (@Sendable (String) -> Void)?
    private var lastDraw = 0.0

    /// - Parameters:
    ///   - draw: where the line goes; nil draws nothing. `IngestProgress.terminal` gives stderr when it is a terminal.
    public init(clock: any WallClock, draw: (@Sendable (String) -> Void)?) {
        self.clock = clock
        self.start = clock.now()
        self.draw = draw
    }

    /// Standard error, when it is a terminal; nil otherwise.
    public static var terminal: (@Sendable (String) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        return { line in FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8)) }
    }

    public func plan(_ name: String, partitions: Int, unit: String) {
        lock.withLock {
            if lines[name] == nil { order.append(name) }
            lines[name] = Line(planned: partitions, unit: unit)
        }
        redraw(force: true)
    }

    public func page(_ name: String, rows: Int, retries: Int) {
        lock.withLock {
            lines[name, default: Line()].rows += rows
            lines[name, default: Line()].retries += retries
        }
        redraw(force: false)
    }

    public func partitionDone(_ name: String) {
        lock.withLock { lines[name, default: Line()].done += 1 }
        redraw(force: true)
    }

    /// Ends the line so later output starts on a fresh one.
    public func finish() {
        guard draw != nil else { return }
        redraw(force: true)
        FileHandle.standardError.write(Data("\n".utf8))
    }

    /// The text of the line, for tests and for drawing.
    public func text() -> String {
        let elapsed = max(clock.now() - start, 0.001)
        return lock.withLock {
            order.map { name in
                let l = lines[name]!
                let rate = Double(l.rows) / elapsed
                var eta = "–"
                if l.done > 0, l.planned > l.done {
                    let remaining = elapsed / Double(l.done) * Double(l.planned - l.done)
                    eta = "\(Int(remaining) / 60):\(String(format: "%02d", Int(remaining) % 60))"
                } else if l.planned > 0, l.done >= l.planned {
                    eta = "done"
                }
                return "\(name) \(l.done)/\(l.planned) \(l.unit) · \(l.rows) rows · \(Int(rate)) rows/s · "
                    + "\(l.retries) retries · ETA \(eta)"
            }.joined(separator: "  |  ")
        }
    }

    private func redraw(force: Bool) {
        guard let draw else { return }
        let now = clock.now()
        let due = lock.withLock {
            guard force || now - lastDraw >= 0.2 else { return false }
            lastDraw = now
            return true
        }
        if due { draw(text()) }
    }
}
