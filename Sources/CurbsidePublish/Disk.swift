import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file system calls publish makes, each turning a failure into a ``PublishError`` that names the path.
///
/// Plain POSIX where durability matters (`fsync` of files and folders, `rename`), Foundation for the rest.
struct Disk: Sendable {
    /// The site folder, for error messages.
    let siteRoot: String

    func error(_ operation: String, _ path: String, code: Int32 = errno) -> PublishError {
        PublishError(
            siteRoot: siteRoot, path: path, reason: .io(operation: operation, message: String(cString: strerror(code))))
    }

    func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    func makeDirectory(_ path: String) throws(PublishError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw PublishError(
                siteRoot: siteRoot, path: path, reason: .io(operation: "create folder", message: "\(error)"))
        }
    }

    /// Creates `path` (which must not exist) with `bytes` and flushes it to the disk.
    func write(_ bytes: [UInt8], to path: String) throws(PublishError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw error("create", path) }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw error("write", path) }
            written += count
        }
        guard fsync(fd) == 0 else { throw error("flush", path) }
    }

    /// The whole contents of the file at `path`.
    func read(_ path: String) throws(PublishError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error("read", path) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw error("read", path) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: buffer[..<count])
        }
    }

    /// Flushes a folder's entries, so that files created or renamed in it survive a power cut.
    func syncDirectory(_ path: String) throws(PublishError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw error("open folder", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw error("flush folder", path) }
    }

    func rename(_ from: String, to: String) throws(PublishError) {
        guard Foundation.rename(from, to) == 0 else { throw error("rename to \(to)", from) }
    }

    /// Swaps two existing paths in one step where the system can (`renameat2` with `RENAME_EXCHANGE` on Linux,
    /// `renamex_np` with `RENAME_SWAP` on macOS).
    /// - Returns: false when the system or file system cannot, so the caller falls back to two renames.
    func exchange(_ first: String, _ second: String) throws(PublishError) -> Bool {
        #if canImport(Glibc)
            // Glibc's headers hide renameat2 from Swift (it needs _GNU_SOURCE), so look it up at run time.
            typealias RenameAt2 =
                @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 1 << 1
            if renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 { return true }
        #elseif canImport(Darwin)
            if renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 { return true }
        #else
            return false
        #endif
        if [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP].contains(errno) { return false }
        throw error("swap with \(second)", first)
    }

    func remove(_ path: String) throws(PublishError) {
        guard exists(path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw PublishError(siteRoot: siteRoot, path: path, reason: .io(operation: "delete", message: "\(error)"))
        }
    }

    /// The names in a folder, sorted; an absent folder has none.
    func list(_ path: String) throws(PublishError) -> [String] {
        guard isDirectory(path) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw PublishError(siteRoot: siteRoot, path: path, reason: .io(operation: "list", message: "\(error)"))
        }
    }
}
