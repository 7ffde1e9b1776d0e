import CurbsideModel

/// A run that stops, with the exit code the command line contract gives it.
public struct CommandError: Error, CustomStringConvertible {
    public enum Reason: Sendable {
        /// Exit 2: the config (or an option) cannot be used.
        case badConfig(String)
        /// Exit 1: a stage failed.
        case failed(String)
        /// Exit 3: a data-quality gate refused to publish.
        case gateRefused(String)
    }

    public var reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    public var exitCode: Int32 {
        switch reason {
        case .badConfig: return 2
        case .failed: return 1
        case .gateRefused: return 3
        }
    }

    public var description: String {
        switch reason {
        case .badConfig(let s), .failed(let s), .gateRefused(let s): return s
        }
    }
}
