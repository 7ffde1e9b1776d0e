import CurbsideModel
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One command at a time on a warehouse: an exclusive `flock` on `<warehouse>.lock`, held from the moment a command
/// opens the warehouse until it ends, so no other command's stages write between this one's aggregate and its render
/// (two builds interleaved that way published one as-of's pages with the other's catalog).
///
/// The system releases the lock when the process ends, however it ends, so a killed build never leaves the warehouse
/// locked. The file holds the holder's process id, start time and command line, for the message a second command
/// gives. Within one process the lock is shared: a second holder of the same path only counts (tests open several
/// pipelines on one warehouse one after another).
public final class WarehouseLock: Sendable {
    /// The lock file, `<warehouse>.lock`.
    public let path: String
    /// Whether this holder took the lock (no other holder in this process had it): only then may it treat runs
    /// left `running` as abandoned.
    public let isFirstHolder: Bool

    private static let held = Mutex<[String: (descriptor: Int32, holders: Int)]>([:])

    /// Takes the lock of the warehouse at `warehouse`, waiting up to `wait` seconds for another process to let go.
    /// - Parameters:
    ///   - warehouse: the SQLite file; ":memory:" needs no lock.
    ///   - wait: how long to wait for another command, in seconds; 0 stops at once.
    ///   - command: what this process is doing, written into the lock file for the message another command gives.
    /// - Returns: the lock; the process holds it until the last holder is released.
    /// - Throws: ``WarehouseLockError`` naming the other process when it still holds the lock, or the file when it
    ///   cannot be opened.
    public static func acquire(
        warehouse: String, wait: Double = 0, command: String = CommandLine.arguments.joined(separator: " ")
    ) throws(WarehouseLockError) -> WarehouseLock? {
        guard warehouse != ":memory:" else { return nil }
        let path = warehouse + ".lock"
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let key = (folder.isEmpty ? "." : folder).resolvedFolder + "/" + (path as NSString).lastPathComponent
        let shared = held.withLock { held -> Bool in
            guard var entry = held[key] else { return false }
            entry.holders += 1
            held[key] = entry
            return true
        }
        if shared { return WarehouseLock(path: path, key: key, first: false) }

        let descriptor: Int32
        switch FileLock.exclusive(path, wait: wait) {
        case .taken(let taken): descriptor = taken
        case .held(let other):
            let holder = Self.holder(other)
            close(other)
            throw WarehouseLockError(path: path, reason: .held(by: holder, waited: max(wait, 0)))
        case .failed(_, let code):
            throw WarehouseLockError(path: path, reason: .cannotOpen(String(cString: strerror(code))))
        }
        let started = ISO8601DateFormatter().string(from: Date())
        let text = Array("pid \(getpid())\nstarted \(started)\ncommand \(command)\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        held.withLock { $0[key] = (descriptor, 1) }
        return WarehouseLock(path: path, key: key, first: true)
    }

    private let key: String

    private init(path: String, key: String, first: Bool) {
        self.path = path
        self.key = key
        self.isFirstHolder = first
    }

    deinit {
        Self.held.withLock { held in
            guard var entry = held[key] else { return }
            entry.holders -= 1
            if entry.holders > 0 {
                held[key] = entry
            } else {
                held[key] = nil
                // Emptied first, so a reader never takes a finished command for the holder.
                _ = ftruncate(entry.descriptor, 0)
                close(entry.descriptor)
            }
        }
    }

    /// What the lock file says of its holder: `pid 123, started …, command …`.
    private static func holder(_ descriptor: Int32) -> String {
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return "another process" }
        let lines = String(decoding: bytes[..<count], as: UTF8.self).split(separator: "\n")
        var fields: [String: String] = [:]
        for line in lines {
            guard let space = line.firstIndex(of: " ") else { continue }
            fields[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        guard let pid = fields["pid"] else { return "another process" }
        var text = "process \(pid)"
        if let started = fields["started"] { text += ", started \(started)" }
        if let command = fields["command"] { text += ": \(command)" }
        return text
    }
}

/// The warehouse is in use by another command, or its lock file cannot be used.
public struct WarehouseLockError: Error, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Another process holds the lock; `by` says which, as the lock file names it.
        case held(by: String, waited: Double)
        case cannotOpen(String)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        let warehouse = path.hasSuffix(".lock") ? String(path.dropLast(5)) : path
        switch reason {
        case .held(let holder, let waited):
            let how = waited > 0 ? "still in use after waiting \(waited.secondsText)" : "in use"
            return
                "\(warehouse) is \(how) by another curbside command (\(holder)). One command at a time writes a "
                + "warehouse: let that one finish, or pass --wait SECONDS to wait for it."
        case .cannotOpen(let message):
            return "\(path): cannot open the warehouse's lock file: \(message). Check the folder's permissions."
        }
    }

}

extension String {
    /// The folder with links and `..` resolved, so two spellings of one warehouse share one lock entry.
    fileprivate var resolvedFolder: String {
        guard let resolved = realpath(self, nil) else { return self }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
