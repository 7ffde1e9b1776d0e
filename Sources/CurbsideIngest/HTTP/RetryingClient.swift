import CurbsideModel

/// An `HTTPClient` that tries again, as a `RetryPolicy` says, and reports every attempt.
///
/// Flow: `get` → inner client → (network error, 429, 202 or 5xx) → wait (`Retry-After` or jittered
/// backoff, through the injected `Sleeper`) → again, up to `maxAttempts`. The last response is
/// returned whatever its status; if the last attempt failed on the network, its `HTTPError` is
/// thrown.
public struct RetryingClient: HTTPClient {
    private let client: any HTTPClient
    private let policy: RetryPolicy
    private let sleeper: any Sleeper
    private let clock: any WallClock
    private let observer: @Sendable (HTTPAttempt) -> Void

    /// - Parameters:
    ///   - client: the client that makes each attempt.
    ///   - policy: what to retry and how long to wait.
    ///   - sleeper: how to wait (tests pass one that only records).
    ///   - clock: "now", for `Retry-After` dates.
    ///   - observer: called after every attempt, in order, before any wait.
    public init(
        wrapping client: any HTTPClient, policy: RetryPolicy = RetryPolicy(), sleeper: any Sleeper = TaskSleeper(),
        clock: any WallClock = SystemClock(), observer: @escaping @Sendable (HTTPAttempt) -> Void = { _ in }
    ) {
        self.client = client
        self.policy = policy
        self.sleeper = sleeper
        self.clock = clock
        self.observer = observer
    }

    /// GET with retries.
    /// - Returns: the last response (a success, a status not worth retrying, or the last retryable
    ///   one when attempts ran out) and the number of attempts made.
    /// - Throws: the last attempt's `HTTPError` when it got no complete response, or
    ///   `CancellationError` when the task is cancelled while waiting.
    public func send(_ url: String, headers: [String: String] = [:]) async throws -> RetriedResponse {
        var attempt = 0
        while true {
            attempt += 1
            let started = ContinuousClock.now
            let result: Swift.Result<HTTPResponse, HTTPError>
            do {
                result = .success(try await client.get(url, headers: headers))
            } catch let error as HTTPError {
                result = .failure(error)
            }
            var retryAfter: Double?
            var retryable = true
            if case .success(let response) = result {
                retryable = RetryPolicy.isRetryable(status: response.status)
                retryAfter = RetryPolicy.retryAfterSeconds(response.headers["retry-after"], now: clock.now())
            }
            let wait =
                retryable && attempt < policy.maxAttempts
                ? policy.delay(afterAttempt: attempt, retryAfter: retryAfter) : nil
            observer(Self.attempt(attempt, of: url, result, elapsed: started.duration(to: .now), retryingAfter: wait))
            guard let wait else {
                return RetriedResponse(response: try result.get(), attempts: attempt)
            }
            try await sleeper.sleep(seconds: wait)
        }
    }

    private static func attempt(
        _ number: Int, of url: String, _ result: Swift.Result<HTTPResponse, HTTPError>, elapsed: Duration,
        retryingAfter wait: Double?
    ) -> HTTPAttempt {
        switch result {
        case .success(let response):
            return HTTPAttempt(
                url: url, attempt: number, outcome: .status(response.status), bytes: response.body.count,
                seconds: response.seconds, retryingAfter: wait)
        case .failure(let error):
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return HTTPAttempt(
                url: url, attempt: number, outcome: .failed(error), bytes: 0, seconds: seconds, retryingAfter: wait)
        }
    }

    /// GET with retries; the response of `send(_:headers:)`.
    public func get(_ url: String, headers: [String: String]) async throws -> HTTPResponse {
        try await send(url, headers: headers).response
    }
}

/// The final response of a retried request and how many attempts it took.
public struct RetriedResponse: Sendable {
    public var response: HTTPResponse
    /// 1 when the first attempt was the last.
    public var attempts: Int

    public init(response: HTTPResponse, attempts: Int) {
        self.response = response
        self.attempts = attempts
    }
}
