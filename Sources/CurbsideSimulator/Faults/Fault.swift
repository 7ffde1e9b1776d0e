/// Something going wrong with one response, as a real portal or network sometimes does.
public enum Fault: Sendable, Equatable {
    /// Answer with this status instead (429, 202, 500, 503…) and a small JSON error body;
    /// `retryAfter` becomes a `Retry-After` header (seconds or an HTTP-date).
    case status(Int, retryAfter: String? = nil)
    /// Promise the whole body in `Content-Length`, send only its first `keepingBytes`, then close.
    case truncatedBody(keepingBytes: Int)
    /// Close the connection without answering.
    case dropConnection
    /// Answer normally, but only after this many seconds.
    case delay(seconds: Double)
}
