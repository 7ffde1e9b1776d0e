import Foundation

/// The clock comes from outside, so tests can fix it and nothing inside a version depends on it.
public protocol WallClock: Sendable {
    /// UNIX seconds.
    func now() -> Double
}

public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Double { Date().timeIntervalSince1970 }
}

public struct FixedClock: WallClock {
    public var seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
    public func now() -> Double { seconds }
}
