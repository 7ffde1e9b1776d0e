/// SplitMix64: a small, fast generator whose output is fixed by its seed and the same on every machine. The one
/// seeded generator of the program: retry jitter, the trainer's row and feature sampling, the simulator's synthetic
/// rows.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's whole state; each draw advances it.
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1) from the top 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// `count` distinct positions of `0..<total`, ascending (a partial Fisher–Yates shuffle).
    public mutating func choose(_ count: Int, of total: Int) -> [Int] {
        var pool = Array(0..<total)
        for index in 0..<min(count, total) {
            let pick = index + Int(next() % UInt64(total - index))
            pool.swapAt(index, pick)
        }
        return pool.prefix(count).sorted()
    }
}
