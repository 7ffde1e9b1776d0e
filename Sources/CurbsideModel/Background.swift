import Dispatch

/// Work started on another thread now; `wait()` gives its result. The caller goes on with other work meanwhile
/// (the clean parses the next day while one is written; render lays out pages while the catalog counts).
public final class Background<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the work's thread before `done` is signalled, read only after waiting for it.
    private var result: Result<T, any Error>?

    public init(_ work: @escaping @Sendable () throws -> T) {
        DispatchQueue.global().async {
            self.result = Result(catching: work)
            self.done.signal()
        }
    }

    /// The result, once the work is done. Any number of calls give the same result (an error path that waits again
    /// after a first wait threw must not block for ever).
    /// - Throws: what the work threw.
    public func wait() throws -> T {
        done.wait()
        done.signal()
        guard let result else { preconditionFailure("Background: signalled before a result was stored") }
        return try result.get()
    }
}
