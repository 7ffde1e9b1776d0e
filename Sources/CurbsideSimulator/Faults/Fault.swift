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
    /// A complete 200 response whose JSON is cut in half: a proxy that mangled the page.
    case malformedJSON
    /// A 200 page with its first `count` rows sent again at its end, as when rows shift between
    /// pages while paging.
    case duplicateRows(count: Int)
    /// Every row of the page gains a field the portal did not have before (schema drift).
    case extraField(name: String, value: String)
    /// Every row of the page loses a field (schema drift).
    case missingField(name: String)
}
