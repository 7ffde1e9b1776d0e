/// A response as received: status, headers (names lowercased) and the body's bytes, decompressed.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lowercased; a repeated header keeps its last value.
    public var headers: [String: String]
    public var body: [UInt8]
    /// Seconds from the start of the request to the last byte.
    public var seconds: Double

    public init(status: Int, headers: [String: String], body: [UInt8], seconds: Double) {
        self.status = status
        self.headers = headers
        self.body = body
        self.seconds = seconds
    }
}

/// The network edge of ingestion. `CurlHTTPClient` is the real one; tests may pass their own.
public protocol HTTPClient: Sendable {
    /// One GET. Returns any status the server sent; throws `HTTPError` only when no complete
    /// response arrived (refused, reset, timed out, truncated).
    /// - Parameters:
    ///   - url: the full URL, query included.
    ///   - headers: extra request headers (the app token travels here, never in the URL).
    func get(_ url: String, headers: [String: String]) async throws -> HTTPResponse
}
