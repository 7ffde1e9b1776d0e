import CurbsideIngest
import Foundation

/// An `HTTPClient` that plays back scripted outcomes in order and records the URLs asked for.
actor ScriptedClient: HTTPClient {
    enum Step {
        case respond(Int, headers: [String: String] = [:], body: String = "[]")
        case fail(HTTPError.Reason)
    }

    private var steps: [Step]
    private(set) var requested: [String] = []

    init(_ steps: [Step]) {
        self.steps = steps
    }

    func get(_ url: String, headers: [String: String]) async throws -> HTTPResponse {
        requested.append(url)
        let step = steps.isEmpty ? .respond(599, body: "script ran out") : steps.removeFirst()
        switch step {
        case .respond(let status, let headers, let body):
            return HTTPResponse(status: status, headers: headers, body: Array(body.utf8), seconds: 0.25)
        case .fail(let reason):
            throw HTTPError(url: url, reason: reason)
        }
    }
}

/// A `Sleeper` that only records how long it was asked to wait.
actor RecordingSleeper: Sleeper {
    private(set) var waits: [Double] = []

    func sleep(seconds: Double) async throws {
        waits.append(seconds)
    }
}

/// A `Sleeper` whose wait is always cancelled.
struct CancelledSleeper: Sleeper {
    func sleep(seconds: Double) async throws {
        throw CancellationError()
    }
}

/// Collects values from `@Sendable` callbacks.
final class Collected<Value: Sendable>: @unchecked Sendable {
    // Safety: `values` is only touched while `lock` is held.
    private let lock = NSLock()
    private var storage: [Value] = []

    func append(_ value: Value) {
        lock.lock()
        storage.append(value)
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
