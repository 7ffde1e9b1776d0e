import Dispatch
import Foundation

/// Runs numbered jobs on a few threads, each thread with its own worker number (its own connection, say), taking
/// the next job when it finishes one; the results come back in job order.
enum ParallelJobs {
    /// - Parameters:
    ///   - count: the jobs, numbered from 0.
    ///   - workers: the threads, numbered from 0; at least one.
    ///   - body: one job on one worker.
    /// - Returns: each job's result, in job order.
    /// - Throws: the error of the lowest-numbered job that failed; jobs not yet started when one fails are not run.
    static func run<Result: Sendable>(
        _ count: Int, workers: Int, _ body: @Sendable (_ job: Int, _ worker: Int) throws -> Result
    ) throws -> [Result] {
        precondition(workers > 0, "no worker")
        let state = JobState<Result>()
        DispatchQueue.concurrentPerform(iterations: min(workers, count)) { worker in
            while true {
                let job = state.withLock { state -> Int? in
                    guard !state.failed, state.next < count else { return nil }
                    defer { state.next += 1 }
                    return state.next
                }
                guard let job else { return }
                do {
                    let result = try body(job, worker)
                    state.withLock { $0.results[job] = result }
                } catch {
                    state.withLock {
                        $0.errors[job] = error
                        $0.failed = true
                    }
                }
            }
        }
        return try state.withLock { state in
            if let first = state.errors.keys.min() { throw state.errors[first]! }
            return (0..<count).map { state.results[$0]! }
        }
    }
}

/// The jobs' shared state behind an `NSLock` rather than Synchronization's `Mutex`: the thread sanitizer sees a
/// pthread mutex order its critical sections, but took `Mutex`'s (futex calls in a library it does not instrument)
/// for races on the state.
private final class JobState<Result>: @unchecked Sendable {
    typealias State = (next: Int, failed: Bool, results: [Int: Result], errors: [Int: any Error])
    private let lock = NSLock()
    private var state: State = (0, false, [:], [:])

    func withLock<T>(_ body: (inout State) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
