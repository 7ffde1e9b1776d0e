import GRDB

/// A warehouse that cannot be used, with the file at fault and what to do about it. Never "remove the file": it holds
/// every fetch and row, and a locked, full or damaged file is recovered, not thrown away.
public struct WarehouseError: Error, CustomStringConvertible {
    public enum Reason: Sendable {
        case open(String)
        case query(sql: String, message: String)
        /// SQLite found the file damaged (`SQLITE_CORRUPT`) or not a database (`SQLITE_NOTADB`).
        case damaged(String)
        /// The disk (or the file system's quota) is full.
        case full(String)
        /// Another program, not a curbside command, holds SQLite's lock on the file.
        case busy(String)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The error of a statement on the warehouse at `path`, by SQLite's result code.
    public init(path: String, sql: String?, error: DatabaseError) {
        self.path = path
        let message = error.message ?? "\(error)"
        reason = Self.reason(of: error) ?? .query(sql: sql ?? error.sql ?? "", message: message)
    }

    /// The error of opening or migrating the warehouse at `path`.
    init(path: String, opening error: any Error) {
        self.path = path
        if let error = error as? DatabaseError {
            reason = Self.reason(of: error) ?? .open(error.message ?? "\(error)")
        } else {
            reason = .open("\(error)")
        }
    }

    /// The warehouse's own explanation of `error` when it is SQLite's (a `DatabaseError` carries no file name), or
    /// nil for any other error.
    public static func explaining(_ error: any Error, path: String) -> WarehouseError? {
        switch error {
        case let error as WarehouseError: return error
        case let error as DatabaseError: return WarehouseError(path: path, sql: nil, error: error)
        default: return nil
        }
    }

    private static func reason(of error: DatabaseError) -> Reason? {
        let message = error.message ?? "\(error)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .damaged(message)
        case .SQLITE_FULL: return .full(message)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(message)
        default: return nil
        }
    }

    public var description: String {
        switch reason {
        case .open(let message):
            return
                "\(path): cannot open the warehouse: \(message). Check the path and the permissions of it and its folder."
        case .query(let sql, let message):
            return "\(path): query failed: \(message)\n  in: \(sql)"
        case .damaged(let message):
            return
                "\(path) is damaged (SQLite: \(message)); nothing was published. Keep a copy of the file, then recover "
                + "what SQLite can still read: `sqlite3 \(path) .recover | sqlite3 \(path).recovered` and move the "
                + "recovered file into its place, or restore the file from a backup. Removing it would lose every "
                + "fetch and row it holds."
        case .full(let message):
            return
                "\(path): the disk is full (SQLite: \(message)). The warehouse keeps its last committed state and "
                + "nothing was published: free space on the disk that holds it, then run again."
        case .busy(let message):
            return
                "\(path) is locked by another program (SQLite: \(message)), not by a curbside command (that one "
                + "would be named): close it (an sqlite3 shell, a backup copying the file) and run again."
        }
    }
}
