/// The system row id (`:id`) the simulator gives each row.
enum SystemID {
    /// A Socrata-looking row id (`row-k3xq~9mfa.t2bw`) that is a bijection of the row's index, so two
    /// rows never share one, and ordering by it shuffles rows the same way on every run.
    static func forIndex(_ index: Int) -> String {
        let x = BitMixer.mix(UInt64(index), bits: 60, shifts: (29, 32))
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
