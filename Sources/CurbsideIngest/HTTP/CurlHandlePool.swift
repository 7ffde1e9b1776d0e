import CCurl
import Foundation

/// Idle libcurl easy handles kept for reuse: a handle keeps its connections open, so the next
/// request to the same portal skips the TCP (and TLS) handshake.
final class CurlHandlePool: @unchecked Sendable {
    // Safety: `idle` is only touched while `lock` is held; a handle is used by one thread at a time,
    // the one that took it.
    private let lock = NSLock()
    private var idle: [UnsafeMutableRawPointer] = []
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    deinit {
        for handle in idle { curl_easy_cleanup(handle) }
    }

    /// An idle handle, or a new one; nil only when libcurl cannot make one.
    func take() -> UnsafeMutableRawPointer? {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        return reused ?? curl_easy_init()
    }

    /// Gives a handle back, its options reset; beyond `capacity` idle handles it is closed instead.
    func give(_ handle: UnsafeMutableRawPointer) {
        curl_easy_reset(handle)
        lock.lock()
        let kept = idle.count < capacity
        if kept { idle.append(handle) }
        lock.unlock()
        if !kept { curl_easy_cleanup(handle) }
    }
}
