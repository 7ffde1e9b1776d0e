import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on a file, waited for up to a bound: the warehouse's lock and the site's publish lock. The
/// system releases it when the process ends, however it ends.
public enum FileLock {
    public enum Outcome: Sendable, Equatable {
        /// Taken: the descriptor to close to let go.
        case taken(Int32)
        /// Another descriptor still held it when `wait` ran out; this one is open, to read the file, and the caller
        /// closes it.
        case held(Int32)
        /// `open` or `flock` failed with `errno` `code`.
        case failed(operation: String, code: Int32)
    }

    /// Opens `path` (creating it) and takes an exclusive lock on it, trying again every 20 ms for up to `wait`
    /// seconds while another holds it.
    public static func exclusive(_ path: String, wait: Double) -> Outcome {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return .failed(operation: "open", code: errno) }
        let deadline = Date().timeIntervalSince1970 + max(wait, 0)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(descriptor)
                return .failed(operation: "lock", code: code)
            }
            guard Date().timeIntervalSince1970 < deadline else { return .held(descriptor) }
            usleep(20_000)
        }
        return .taken(descriptor)
    }
}
