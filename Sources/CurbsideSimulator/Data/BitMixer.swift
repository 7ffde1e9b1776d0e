/// A bijection on the low bits of a number, for ids made from indexes: no two indexes get the same id,
/// yet consecutive ones look unrelated, the same on every run.
enum BitMixer {
    /// - Parameters:
    ///   - value: the number; only its low `bits` bits count.
    ///   - bits: the width, 1 to 63.
    ///   - shifts: the two xor-shifts.
    /// - Returns: a number below 2^bits, different for each different input below 2^bits.
    static func mix(_ value: UInt64, bits: UInt64, shifts: (UInt64, UInt64)) -> UInt64 {
        let mask: UInt64 = (1 << bits) - 1
        // Each step (odd multiply mod 2^bits, xor with a right shift) is invertible on `bits` bits.
        var x = value & mask
        x = (x &* 0x9E37_79B9_7F4A_7C15) & mask
        x ^= x >> shifts.0
        x = (x &* 0xBF58_476D_1CE4_E5B9) & mask
        x ^= x >> shifts.1
        return x
    }
}
