import CurbsideModel
import CurbsideTestSupport
import Testing

@testable import CurbsideSimulator

/// Synthetic NYC violations (for speed tests): resampled from the real sample, with summons numbers from the
/// sample's sequences.
@Suite("Synthetic NYC violations")
struct SyntheticNYCTests {
    static let days = (1...30).map { Day(iso: "2025-06-" + ($0 < 10 ? "0" : "") + String($0))! }

    static func make(_ count: Int, seed: UInt64 = 1) throws -> [UInt8] {
        try SyntheticNYC.rows(
            templates: try Fixtures.bytes("samples/nyc/nc67-uf89.json"), count: count, days: days, seed: seed)
    }

    static func summonses(_ json: [UInt8]) throws -> [String] {
        try FlatJSON.elementRanges(of: json).map { try FlatJSON.dictionary(of: json[$0])["summons_number"]?.text ?? "" }
    }

    @Test("the same seed gives the same bytes, another seed other rows")
    func deterministic() throws {
        #expect(try Self.make(500) == Self.make(500))
        #expect(try Self.make(500) != Self.make(500, seed: 2))
    }

    /// Every number is new, takes a real number's four-digit prefix, and counts up within its prefix; a day's rows
    /// come from many prefixes, so they do not follow one another.
    @Test("summons numbers are unique and count up within the sample's four-digit sequences")
    func summonsSequences() throws {
        let sample = try Self.summonses(try Fixtures.bytes("samples/nyc/nc67-uf89.json"))
        let prefixes = Set(sample.map { String($0.prefix(4)) })
        let numbers = try Self.summonses(try Self.make(3_000))
        #expect(Set(numbers).count == numbers.count)
        #expect(numbers.allSatisfy { $0.count == 10 && prefixes.contains(String($0.prefix(4))) })
        var last: [Substring: Int] = [:]
        for number in numbers {
            let counter = Int(number.dropFirst(4))!
            #expect(counter == (last[number.prefix(4)] ?? -1) + 1, "\(number)")
            last[number.prefix(4)] = counter
        }
        let firstDay = Set(numbers.prefix(100).map { $0.prefix(4) })
        #expect(firstDay.count > 20)
    }
}
