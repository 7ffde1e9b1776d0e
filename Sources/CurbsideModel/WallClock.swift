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

extension Double {
    /// A duration for a message: `2 s`, `0.5 s`.
    public var secondsText: String {
        self == rounded() && abs(self) < 1e15 ? "\(Int(self)) s" : "\(self) s"
    }
}
