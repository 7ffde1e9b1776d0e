import CCurl
import Foundation

/// The state of one libcurl transfer, reached from libcurl's C callbacks through an unretained
/// pointer. Used by one thread at a time: the one running `curl_easy_perform`.
final class CurlTransfer {
    /// The body as it arrives, decompressed by libcurl.
    var body: [UInt8] = []
    /// Headers of the last response (after redirects), names lowercased.
    var headers: [String: String] = [:]
    /// libcurl writes its detailed message here.
    let errorBuffer: UnsafeMutablePointer<CChar>
    let cancellation: CancellationFlag

    init(cancellation: CancellationFlag) {
        self.cancellation = cancellation
        let size = curbside_error_size()
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
    }

    deinit {
        errorBuffer.deallocate()
    }

    /// libcurl's detailed message, if it wrote one.
    var errorMessage: String? {
        let message = String(cString: errorBuffer)
        return message.isEmpty ? nil : message
    }

    // MARK: Callbacks (C function pointers: no captures)

    /// CURLOPT_WRITEFUNCTION: appends the bytes as they arrive.
    static let write: curbside_write_fn = { pointer, size, count, userdata in
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
        let length = size * count
        guard let pointer, length > 0 else { return length }
        pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            transfer.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
        }
        return length
    }

    /// CURLOPT_HEADERFUNCTION: one header line per call; a status line starts a new response (after
    /// a redirect), so earlier headers are dropped.
    static let header: curbside_write_fn = { pointer, size, count, userdata in
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
        let length = size * count
        guard let pointer, length > 0 else { return length }
        let line = pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        transfer.add(headerLine: line)
        return length
    }

    /// CURLOPT_XFERINFOFUNCTION: non-zero aborts the transfer once the task is cancelled.
    static let progress: curbside_xferinfo_fn = { userdata, _, _, _, _ in
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata!).takeUnretainedValue()
        return transfer.cancellation.isCancelled ? 1 : 0
    }

    private func add(headerLine line: String) {
        if line.hasPrefix("HTTP/") {
            headers = [:]
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        headers[name] = value
        if name == "content-length", let length = Int(value), length > body.capacity {
            // A hint only: a compressed body grows past it, a lying server gets at most 256 MB up front.
            body.reserveCapacity(min(length, 256 << 20))
        }
    }
}

/// Set once when the task that waits for a transfer is cancelled; read by libcurl's progress
/// callback on the transfer's thread.
final class CancellationFlag: @unchecked Sendable {
    // Safety: `cancelled` is only touched while `lock` is held.
    private let lock = NSLock()
    private var cancelled = false

    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }
}
