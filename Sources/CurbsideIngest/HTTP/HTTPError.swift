import CurbsideModel

/// No complete response arrived for a request: the network or the server failed before a whole
/// answer came back. (A response with any status, 404 or 503 included, is not an `HTTPError`.)
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        /// No connection could be made (refused, unreachable, name not resolved).
        case connectFailed(String)
        /// The connect or the whole transfer took longer than allowed.
        case timedOut(seconds: Double)
        /// The connection ended before the body was complete; `received` bytes had arrived.
        case truncated(received: Int, detail: String)
        /// The server closed or reset the connection without a complete response.
        case connectionLost(String)
        /// Any other libcurl failure: its `CURLcode` and message.
        case other(code: Int, message: String)

        public var description: String {
            switch self {
            case .connectFailed(let detail): return "could not connect (\(detail))"
            case .timedOut(let seconds): return "timed out after \(seconds.secondsText)"
            case .truncated(let received, let detail):
                return "the body was cut off after \(received) bytes (\(detail))"
            case .connectionLost(let detail): return "the connection was lost (\(detail))"
            case .other(let code, let message): return "libcurl error \(code): \(message)"
            }
        }

    }

    /// The URL requested, with any `$$app_token` parameter removed (tokens travel as a header, so
    /// there should be none; this is a second lock on the door).
    public var url: String
    public var reason: Reason

    public init(url: String, reason: Reason) {
        self.url = HTTPError.redacted(url)
        self.reason = reason
    }

    public var description: String {
        "GET \(url) failed: \(reason). Check that the portal is reachable; the request can be retried."
    }

    /// `url` without the values of query parameters that carry secrets (`$$app_token`, `app_token`).
    public static func redacted(_ url: String) -> String {
        guard let question = url.firstIndex(of: "?") else { return url }
        let query = url[url.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false)
        let kept = query.map { pair -> String in
            let name = pair.prefix { $0 != "=" }.lowercased()
            let secret = ["$$app_token", "%24%24app_token", "app_token"].contains(name)
            return secret ? "\(pair.prefix { $0 != "=" })=REDACTED" : String(pair)
        }
        return String(url[...question]) + kept.joined(separator: "&")
    }
}
