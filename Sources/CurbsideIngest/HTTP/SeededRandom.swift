import Foundation

/// SplitMix64: a small, fast generator whose output is fixed by its seed, so retry delays are
/// reproducible in tests.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A `SeededRandom` shared by copies of a value and by concurrent callers.
final class SharedRandom: @unchecked Sendable {
    // Safety: `generator` is only touched while `lock` is held.
    private let lock = NSLock()
    private var generator: SeededRandom

    init(seed: UInt64) {
        generator = SeededRandom(seed: seed)
    }

    /// A uniformly distributed number in `0..<1`.
    func unit() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return Double.random(in: 0..<1, using: &generator)
    }
}
