import CurbsideModel
import Foundation

/// A seeded generator shared by copies of a value and by concurrent callers.
final class SharedRandom: @unchecked Sendable {
    // Safety: `generator` is only touched while `lock` is held.
    private let lock = NSLock()
    private var generator: SplitMix64

    init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    /// A uniformly distributed number in `0..<1`.
    func unit() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return Double.random(in: 0..<1, using: &generator)
    }
}
