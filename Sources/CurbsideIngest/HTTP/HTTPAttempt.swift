/// One attempt at a request, as reported to `RetryingClient`'s observer so the caller can record it
/// (the warehouse's `fetches` table, the health page).
public struct HTTPAttempt: Sendable, Equatable {
    /// What the attempt ended with.
    public enum Outcome: Sendable, Equatable {
        /// A complete response with this status.
        case status(Int)
        /// No complete response.
        case failed(HTTPError)
    }

    /// The URL requested (tokens travel in headers, never here).
    public var url: String
    /// 1 for the first attempt.
    public var attempt: Int
    public var outcome: Outcome
    /// Body bytes received (0 for a failure).
    public var bytes: Int
    /// Seconds the attempt took.
    public var seconds: Double
    /// The wait before the next attempt, or nil when this was the last one.
    public var retryingAfter: Double?

    public init(url: String, attempt: Int, outcome: Outcome, bytes: Int, seconds: Double, retryingAfter: Double?) {
        self.url = url
        self.attempt = attempt
        self.outcome = outcome
        self.bytes = bytes
        self.seconds = seconds
        self.retryingAfter = retryingAfter
    }
}
