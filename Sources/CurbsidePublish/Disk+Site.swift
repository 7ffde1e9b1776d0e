import CurbsideModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file replacement, the publish lock and folder walks, built on ``Disk``'s calls.
extension Disk {
    /// What a walk found at a path.
    enum EntryKind: Sendable, Equatable {
        case file
        case folder
        /// A symbolic link, socket or device: never part of a version.
        case other
    }

    /// Replaces `path` with `bytes` in one step (a staging file beside it, flushed, then renamed over it), or
    /// leaves it alone when it already holds exactly those bytes.
    /// - Returns: true when the file was written.
    @discardableResult
    func replace(_ path: String, with bytes: [UInt8], stagingName: String) throws(PublishError) -> Bool {
        if isFile(path), (try? read(path)) == bytes { return false }
        let folder = (path as NSString).deletingLastPathComponent
        let staging = (folder as NSString).appendingPathComponent(stagingName)
        try remove(staging)
        do {
            try write(bytes, to: staging)
            try rename(staging, to: path)
        } catch {
            try? remove(staging)
            throw error
        }
        try syncDirectory(folder)
        return true
    }

    func isFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Takes the publish lock, an exclusive `flock` on `path` that the system releases when the process ends. Another
    /// publish into the same site (from another warehouse) holds it for seconds, so this waits up to `wait` seconds.
    /// - Returns: the descriptor to pass to ``unlock(_:)``.
    func lock(_ path: String, wait: Double) throws(PublishError) -> Int32 {
        switch FileLock.exclusive(path, wait: wait) {
        case .taken(let descriptor): return descriptor
        case .held(let descriptor):
            close(descriptor)
            throw PublishError(siteRoot: siteRoot, path: path, reason: .locked(waited: wait))
        case .failed(let operation, let code):
            throw error(operation == "open" ? "open lock file" : operation, path, code: code)
        }
    }

    func unlock(_ fd: Int32) {
        close(fd)
    }

    /// Every entry below `folder`, by `/`-separated path relative to it; folders are entered, links are not.
    func walk(_ folder: String) throws(PublishError) -> [String: EntryKind] {
        var found: [String: EntryKind] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? folder : folder + "/" + relative
            for name in try list(absolute) {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(folder + "/" + path, &info) == 0 else { throw error("inspect", folder + "/" + path) }
                switch info.st_mode & S_IFMT {
                case S_IFREG: found[path] = .file
                case S_IFDIR:
                    found[path] = .folder
                    pending.append(path)
                default: found[path] = .other
                }
            }
        }
        return found
    }
}
