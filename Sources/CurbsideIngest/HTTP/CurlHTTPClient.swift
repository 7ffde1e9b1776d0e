import CCurl
import CurbsideModel
import Foundation

/// The real `HTTPClient`: libcurl's easy API, one transfer per thread.
///
/// Each `get` runs `curl_easy_perform` on a thread of its own, outside Swift's cooperative pool,
/// and resumes the caller when the transfer ends, so several requests run at once without starving
/// other tasks (the caller bounds how many). The body is appended as it arrives; gzip and deflate
/// are accepted and decoded; up to 5 redirects are followed; only http and https are allowed.
/// Request headers are never logged, so an `X-App-Token` stays out of every message.
public final class CurlHTTPClient: HTTPClient {
    /// Seconds allowed to connect.
    public let connectTimeout: Double
    /// Seconds allowed for the whole transfer, connect included.
    public let timeout: Double
    /// Sent as `User-Agent`.
    public let userAgent: String
    private let pool = CurlHandlePool(capacity: 8)

    /// - Parameters:
    ///   - connectTimeout: seconds allowed to connect.
    ///   - timeout: seconds allowed for the whole transfer, connect included.
    ///   - userAgent: the `User-Agent` header; `curbside/<version>` by default.
    public init(
        connectTimeout: Double = 10, timeout: Double = 300, userAgent: String = "curbside/\(ProgramVersion.current)"
    ) {
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.userAgent = userAgent
    }

    /// One GET; see `HTTPClient.get(_:headers:)`.
    /// - Throws: `HTTPError` when no complete response arrived; `CancellationError` when the task
    ///   was cancelled (the transfer is aborted).
    public func get(_ url: String, headers: [String: String]) async throws -> HTTPResponse {
        let cancellation = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let thread = Thread { [self] in
                    continuation.resume(with: Result { try self.perform(url, headers: headers, cancellation) })
                }
                thread.name = "curbside-curl"
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// Runs one transfer to its end on the calling thread.
    private func perform(_ url: String, headers: [String: String], _ cancellation: CancellationFlag) throws
        -> HTTPResponse
    {
        guard Self.globalInit == CURLE_OK.rawValue, let handle = pool.take() else {
            throw HTTPError(url: url, reason: .other(code: -1, message: "libcurl could not be initialised"))
        }
        defer { pool.give(handle) }
        let transfer = CurlTransfer(cancellation: cancellation)
        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            list = curl_slist_append(list, "\(name): \(value)")
        }
        defer { curl_slist_free_all(list) }
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        let code = withExtendedLifetime(transfer) { () -> CURLcode in
            configure(handle, url: url, headers: list, context: context, errorBuffer: transfer.errorBuffer)
            return curl_easy_perform(handle)
        }
        if code != CURLE_OK {
            if code == CURLE_ABORTED_BY_CALLBACK, cancellation.isCancelled { throw CancellationError() }
            throw HTTPError(url: url, reason: reason(for: code, handle, transfer))
        }
        var status = 0
        var seconds = 0.0
        curbside_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        curbside_getinfo_double(handle, CURLINFO_TOTAL_TIME, &seconds)
        return HTTPResponse(status: status, headers: transfer.headers, body: transfer.body, seconds: seconds)
    }

    private func configure(
        _ handle: UnsafeMutableRawPointer, url: String, headers: UnsafeMutablePointer<curl_slist>?,
        context: UnsafeMutableRawPointer,
        errorBuffer: UnsafeMutablePointer<CChar>
    ) {
        // libcurl copies every string option, so temporaries are fine.
        curbside_setopt_string(handle, CURLOPT_URL, url)
        curbside_setopt_string(handle, CURLOPT_USERAGENT, userAgent)
        curbside_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        curbside_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        curbside_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        curbside_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
        curbside_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        // Larger reads than the default 16 KB: a 20 MB page takes 40 reads and callbacks, not 1,300.
        curbside_setopt_long(handle, CURLOPT_BUFFERSIZE, 512 * 1024)
        curbside_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        curbside_setopt_long(handle, CURLOPT_MAXREDIRS, 5)
        curbside_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(connectTimeout * 1000))
        curbside_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(timeout * 1000))
        curbside_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        curbside_setopt_write_function(handle, CurlTransfer.write)
        curbside_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        curbside_setopt_header_function(handle, CurlTransfer.header)
        curbside_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        curbside_setopt_xferinfo_function(handle, CurlTransfer.progress)
        curbside_setopt_pointer(handle, CURLOPT_XFERINFODATA, context)
        curbside_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
    }

    private func reason(for code: CURLcode, _ handle: UnsafeMutableRawPointer, _ transfer: CurlTransfer)
        -> HTTPError.Reason
    {
        let message = transfer.errorMessage ?? String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .connectFailed(message)
        case CURLE_OPERATION_TIMEDOUT:
            var connected = 0.0
            curbside_getinfo_double(handle, CURLINFO_CONNECT_TIME, &connected)
            return .timedOut(seconds: connected > 0 ? timeout : connectTimeout)
        case CURLE_PARTIAL_FILE:
            return .truncated(received: transfer.body.count, detail: message)
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR:
            return .connectionLost(message)
        default:
            return .other(code: Int(code.rawValue), message: message)
        }
    }

    /// `curl_global_init`, run once by whichever transfer comes first (Swift runs a global's
    /// initialiser exactly once, thread-safely).
    private static let globalInit: UInt32 = curbside_global_init().rawValue
}
