import Foundation

/// When to try a request again, and how long to wait first.
///
/// Retried: network failures (`HTTPError`), 429 Too Many Requests, 202 Accepted (the portal is
/// still preparing the answer) and every 5xx. Not retried: any other status, so a 400 for a bad
/// query or a 404 for a missing dataset fails at once. Waits grow exponentially with full jitter
/// (a uniform draw between 0 and `baseDelay × 2^(attempt−1)`, capped at `maxDelay`), except that a
/// server's `Retry-After` is honoured as given, up to `maxRetryAfter`.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included; at least 1.
    public var maxAttempts: Int
    /// The ceiling of the first wait, in seconds.
    public var baseDelay: Double
    /// The largest backoff ceiling, in seconds.
    public var maxDelay: Double
    /// The longest `Retry-After` honoured, in seconds; a longer one is cut to this.
    public var maxRetryAfter: Double
    private let random: SharedRandom

    /// - Parameters:
    ///   - maxAttempts: attempts in all, the first included (values below 1 count as 1).
    ///   - baseDelay: the ceiling of the first wait, in seconds.
    ///   - maxDelay: the largest backoff ceiling, in seconds.
    ///   - maxRetryAfter: the longest server-requested wait honoured, in seconds.
    ///   - seed: seeds the jitter; nil takes a random seed (delays are run facts, not outputs).
    public init(
        maxAttempts: Int = 5, baseDelay: Double = 0.5, maxDelay: Double = 30, maxRetryAfter: Double = 300,
        seed: UInt64? = nil
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.random = SharedRandom(seed: seed ?? UInt64.random(in: .min ... .max))
    }

    /// True for the statuses worth another attempt: 429, 202 and 5xx.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 202 || (500...599).contains(status)
    }

    /// The wait a `Retry-After` header asks for: delta-seconds (`120`) or an HTTP-date, measured
    /// from `now` (UNIX seconds) and never negative. Nil when the header is absent or unreadable.
    public static func retryAfterSeconds(_ header: String?, now: Double) -> Double? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text) { return seconds >= 0 && seconds.isFinite ? seconds : nil }
        return HTTPDate.unixSeconds(from: text).map { max(0, $0 - now) }
    }

    /// The largest backoff after attempt `attempt` (1-based): `baseDelay × 2^(attempt−1)`, capped.
    public func backoffCeiling(afterAttempt attempt: Int) -> Double {
        min(maxDelay, baseDelay * pow(2, Double(max(0, attempt - 1))))
    }

    /// How long to wait after attempt `attempt` (1-based) before the next one: the server's
    /// `retryAfter` when it gave one (capped at `maxRetryAfter`), else a jittered backoff.
    public func delay(afterAttempt attempt: Int, retryAfter: Double?) -> Double {
        if let retryAfter { return min(max(0, retryAfter), maxRetryAfter) }
        return random.unit() * backoffCeiling(afterAttempt: attempt)
    }
}
