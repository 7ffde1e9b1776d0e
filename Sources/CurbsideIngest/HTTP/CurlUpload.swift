import CCurl
import CurbsideModel
import Foundation

/// One HTTP request with a body (`PUT` or `POST`) through libcurl: how `build --pushgateway` hands `metrics.prom`
/// to a Prometheus Pushgateway.
///
/// Blocking and unretried on purpose: a push is one small request after the run, and a Pushgateway that is down
/// should be reported, not waited for.
public struct CurlUpload: Sendable {
    /// Seconds allowed to connect, and for the whole request.
    public var connectTimeout: Double
    public var timeout: Double

    public init(connectTimeout: Double = 10, timeout: Double = 30) {
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    /// Sends `body` to `url`.
    /// - Parameters:
    ///   - method: `PUT` (replace the group's metrics) or `POST`.
    ///   - url: http or https.
    ///   - body: the request body.
    ///   - contentType: its `Content-Type`.
    /// - Returns: the response, whatever its status.
    /// - Throws: `HTTPError` when no response arrived.
    public func send(_ method: String, _ url: String, body: [UInt8], contentType: String) throws -> HTTPResponse {
        guard let handle = curl_easy_init() else {
            throw HTTPError(url: url, reason: .other(code: -1, message: "libcurl could not be initialised"))
        }
        defer { curl_easy_cleanup(handle) }
        let transfer = CurlTransfer(cancellation: CancellationFlag())
        var headers: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "Content-Type: \(contentType)")
        headers = curl_slist_append(headers, "Expect:")
        defer { curl_slist_free_all(headers) }
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        let code = withExtendedLifetime(transfer) { () -> CURLcode in
            curbside_setopt_string(handle, CURLOPT_URL, url)
            curbside_setopt_string(handle, CURLOPT_USERAGENT, "curbside/\(ProgramVersion.current)")
            curbside_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
            curbside_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)
            curbside_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
            curbside_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
            curbside_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(connectTimeout * 1000))
            curbside_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(timeout * 1000))
            curbside_setopt_pointer(handle, CURLOPT_ERRORBUFFER, transfer.errorBuffer)
            curbside_setopt_write_function(handle, CurlTransfer.write)
            curbside_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
            curbside_setopt_header_function(handle, CurlTransfer.header)
            curbside_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
            curbside_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
            // COPYPOSTFIELDS copies the body, so it need not outlive this call.
            return body.withUnsafeBytes { buffer -> CURLcode in
                curbside_setopt_pointer(
                    handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
                return curl_easy_perform(handle)
            }
        }
        guard code == CURLE_OK else {
            let message = transfer.errorMessage ?? String(cString: curl_easy_strerror(code))
            switch code {
            case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST:
                throw HTTPError(url: url, reason: .connectFailed(message))
            case CURLE_OPERATION_TIMEDOUT: throw HTTPError(url: url, reason: .timedOut(seconds: timeout))
            default: throw HTTPError(url: url, reason: .other(code: Int(code.rawValue), message: message))
            }
        }
        var status = 0
        curbside_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: transfer.headers, body: transfer.body, seconds: 0)
    }
}
