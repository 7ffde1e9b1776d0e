/// The system row id (`:id`) the simulator gives each row.
enum SystemID {
    /// A Socrata-looking row id (`row-k3xq~9mfa.t2bw`) that is a bijection of the row's index, so two
    /// rows never share one, and ordering by it shuffles rows the same way on every run.
    static func forIndex(_ index: Int) -> String {
        let mask: UInt64 = (1 << 60) - 1
        // Each step (odd multiply mod 2^60, xor with a right shift) is invertible on 60 bits.
        var x = UInt64(index) & mask
        x = (x &* 0x9E37_79B9_7F4A_7C15) & mask
        x ^= x >> 29
        x = (x &* 0xBF58_476D_1CE4_E5B9) & mask
        x ^= x >> 32
        var characters: [Character] = []
        characters.reserveCapacity(14)
        for group in 0..<3 {
            if group == 1 { characters.append("~") }
            if group == 2 { characters.append(".") }
            for digit in 0..<4 {
                let shift = UInt64(55 - (group * 4 + digit) * 5)
                characters.append(alphabet[Int((x >> shift) & 31)])
            }
        }
        return "row-" + String(characters)
    }

    private static let alphabet = Array("23456789abcdefghijkmnpqrstuvwxyz")
}
