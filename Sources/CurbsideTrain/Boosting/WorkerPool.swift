import Dispatch
import Synchronization

/// Runs numbered tasks on up to `threads` threads.
///
/// Tasks are handed out dynamically, so which thread runs a task depends on timing; callers keep
/// results deterministic by giving every task its own output (its rows, its features or its node)
/// and combining outputs in task order afterwards.
struct WorkerPool: Sendable {
    let threads: Int

    init(threads: Int) { self.threads = max(1, threads) }

    /// Calls `body(task)` once for each task in `0..<count` and returns when all are done.
    func run(tasks count: Int, _ body: @Sendable (Int) -> Void) {
        if threads == 1 || count <= 1 {
            for task in 0..<count { body(task) }
            return
        }
        let next = TaskCounter()
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
            while true {
                let task = next.value.add(1, ordering: .relaxed).oldValue
                if task >= count { break }
                body(task)
            }
        }
    }
}

private final class TaskCounter: Sendable {
    let value = Atomic<Int>(0)
}

/// A raw pointer that tasks of a `WorkerPool` share.
///
/// Safety: tasks write disjoint elements, and the pool returns only when every task is done.
struct SharedPointer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>

    init(_ base: UnsafeMutablePointer<Element>) { self.base = base }

    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    static func + (pointer: SharedPointer, offset: Int) -> UnsafeMutablePointer<Element> { pointer.base + offset }
}

/// A read-only raw pointer shared by the tasks of a `WorkerPool`.
struct SharedReadPointer<Element>: @unchecked Sendable {
    let base: UnsafePointer<Element>

    init(_ base: UnsafePointer<Element>) { self.base = base }

    subscript(index: Int) -> Element { base[index] }

    static func + (pointer: SharedReadPointer, offset: Int) -> UnsafePointer<Element> { pointer.base + offset }
}
