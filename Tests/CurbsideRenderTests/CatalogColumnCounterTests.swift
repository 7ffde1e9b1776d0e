import CurbsideModel
import CurbsideTestSupport
import Testing

@testable import CurbsideRender

@Suite("Counting a catalog column from scanned cells")
struct CatalogColumnCounterTests {
    /// Counts one column of `values` through the scan, as the catalog does.
    static func counted(_ values: [SQLValue], full: Bool = true) throws -> CatalogPartitionStatistics.Column {
        try counted(values, as: full ? .full : .loadOrder)
    }

    static func counted(
        _ values: [SQLValue], as summary: CatalogColumn.Summary
    ) throws -> CatalogPartitionStatistics.Column {
        var runner = InMemoryQueryRunner()
        runner.register("SELECT v FROM t", QueryTable(columns: ["v"], rows: values.map { [$0] }))
        var counter = CatalogColumnCounter(summary)
        try runner.scan("SELECT v FROM t") { row in counter.count(row[0]) }
        return counter.column()
    }

    @Test("least, greatest and distinct follow SQLite: numbers by value before texts by bytes; 3 and 3.0 are one")
    func mixedTypes() throws {
        let column = try Self.counted([
            .integer(3), .real(2.5), .text("b"), .text("a"), .null, .integer(2), .real(3.0), .text("ab"), .text("B"),
            .text("é"), .integer(-1), .real(-1.5),
        ])
        #expect(column.nonNull == 11)
        #expect(column.minimum == .real(-1.5))
        #expect(column.maximum == .text("é"))
        // 3, 2.5, b, a, 2, ab, B, é, -1, -1.5: ten distinct values (3.0 is 3).
        #expect(column.hashes?.count == 10)
        #expect(column.hashes == column.hashes?.sorted())
    }

    @Test("a column kept apart by a unique index: least and greatest, no hashes")
    func uniqueColumn() throws {
        let column = try Self.counted([.text("b"), .null, .text("a"), .text("c")], as: .unique)
        #expect(column.nonNull == 3 && column.minimum == .text("a") && column.maximum == .text("c"))
        #expect(column.hashes == nil)
    }

    @Test("ties keep the first value seen; integers compare exactly beyond a double's precision")
    func tiesAndLargeIntegers() throws {
        let column = try Self.counted([.integer(1), .real(1.0), .integer(9_007_199_254_740_993), .real(-0.5)])
        #expect(column.minimum == .real(-0.5))
        #expect(column.maximum == .integer(9_007_199_254_740_993))
        let tie = try Self.counted([.integer(1), .real(1.0)])
        #expect(tie.minimum == .integer(1))
        #expect(tie.maximum == .integer(1))
        #expect(tie.hashes?.count == 1)
        let big = try Self.counted([.integer(9_007_199_254_740_993), .integer(9_007_199_254_740_992)])
        #expect(big.minimum == .integer(9_007_199_254_740_992))
        #expect(big.hashes?.count == 2)
    }

    @Test("a column counted by nulls only keeps no least, greatest or hashes; an empty one has none")
    func nullsOnly() throws {
        let column = try Self.counted([.text("x"), .null, .integer(4)], full: false)
        #expect(column == .init(nonNull: 2, minimum: nil, maximum: nil, hashes: nil))
        #expect(try Self.counted([.null, .null]) == .init(nonNull: 0, minimum: nil, maximum: nil, hashes: []))
    }

    @Test("distinct values of several partitions: their sorted hash lists merged, shared hashes counted once")
    func distinctAcrossPartitions() {
        #expect(HashLists.distinctCount([]) == 0)
        #expect(HashLists.distinctCount([[], []]) == 0)
        #expect(HashLists.distinctCount([[1, 5, 9]]) == 3)
        #expect(HashLists.distinctCount([[1, 5, 9], [], [5], [0, 9, UInt64.max]]) == 5)
        // Lists of a fixed pseudo-random spread: overlapping ranges, some empty, one far longer than the rest.
        var state: UInt64 = 12_345
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % bound
        }
        for round in 0..<20 {
            let lists = (0..<(2 + next(40))).map { list in
                Array(Set((0..<(list == 0 && round.isMultiple(of: 5) ? 5_000 : next(300))).map { _ in next(2_000) }))
                    .sorted()
            }
            #expect(HashLists.distinctCount(lists) == Set(lists.joined()).count)
        }
    }
}

/// The hash lists' radix sort and range-by-range distinct count against `Set` and `sorted()`, on hashes spread over all
/// 64 bits (as real ones are), on hashes crowded into one corner (as they never are, so only speed suffers), and at
/// the edges of the ranges.
@Suite struct HashListsTests {
    /// Hashes spread over 64 bits, fixed by their seed: a counter through a multiply and a shift (Fibonacci hashing).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 1
            let v = state &* 0x9E37_79B9_7F4A_7C15
            return v ^ (v >> 29)
        }
    }

    @Test("sortedUnique equals sorting through a Set, repeats and shared bytes included")
    func sortedUnique() {
        var random = Random(state: 7)
        #expect(HashLists.sortedUnique([]) == [])
        #expect(HashLists.sortedUnique([5, 5, 1]) == [1, 5])
        for size in [65, 200, 10_000, 100_000] {
            let spread = (0..<size).map { _ in random.next() }
            let repeats = (0..<size).map { _ in spread[Int(random.next() % 50)] }
            let sharedTopBytes = (0..<size).map { _ in 0xABCD_0000_0000_0000 | random.next() % 100_000 }
            let equal = [UInt64](repeating: .max, count: size)
            for hashes in [spread, repeats, sharedTopBytes, equal, spread + [0, .max, 0]] {
                #expect(HashLists.sortedUnique(hashes) == Array(Set(hashes)).sorted())
            }
        }
    }

    @Test("distinctCount equals a Set's count over lists spread over 64 bits, crowded together, and at range edges")
    func distinctCount() {
        var random = Random(state: 11)
        for (lists, size) in [(2, 10), (5, 3_000), (32, 5_000), (3, 200_000)] {
            let pool = (0..<(lists * size)).map { _ in random.next() }
            // Each list draws from a shared pool, so lists overlap.
            let spread = (0..<lists).map { _ in
                HashLists.sortedUnique((0..<size).map { _ in pool[Int(random.next() % UInt64(pool.count))] })
            }
            #expect(HashLists.distinctCount(spread) == Set(spread.joined()).count)
            let crowded = spread.map { list in HashLists.sortedUnique(list.map { $0 % 10_000 }) }
            #expect(HashLists.distinctCount(crowded) == Set(crowded.joined()).count)
        }
        // The first and last hash of ranges however many bits cut them, in two lists that share some.
        var edges: [UInt64] = []
        for bits in 1...12 {
            for r in [0, 1, 2, (1 << bits) - 1] {
                let first = UInt64(r) << UInt64(64 - bits)
                edges += [first, first | (UInt64.max >> UInt64(bits))]
            }
        }
        let a = HashLists.sortedUnique(edges + (0..<5_000).map { _ in random.next() })
        let b = HashLists.sortedUnique(Array(edges.prefix(50)) + [0, .max] + (0..<4_000).map { _ in random.next() })
        #expect(HashLists.distinctCount([a, b, []]) == Set(a + b).count)
    }

    @Test("slices of the hash space: each hash in the slice of its top bits, counted a slice at a time as a whole")
    func slices() {
        var random = Random(state: 5)
        let edges: [UInt64] = (0..<16).flatMap { s in [UInt64(s) << 60, UInt64(s) << 60 | (UInt64.max >> 4)] }
        // Slice 3 left empty in the second list, and the slices' first and last hashes in the third.
        let lists = [
            HashLists.sortedUnique((0..<20_000).map { _ in random.next() }),
            HashLists.sortedUnique((0..<5_000).map { _ in random.next() }.filter { $0 >> 60 != 3 }),
            HashLists.sortedUnique(edges + (0..<300).map { _ in random.next() }),
        ]
        var total = 0
        for slice in 0..<16 {
            let sliced = lists.map { Array(HashLists.slice($0, slice, bits: 4)) }
            for (list, part) in zip(lists, sliced) {
                #expect(part == list.filter { $0 >> 60 == UInt64(slice) }, "slice \(slice)")
            }
            let counted = HashLists.distinctCount(sliced, sharedBits: 4)
            #expect(counted == Set(sliced.joined()).count, "slice \(slice)")
            total += counted
        }
        #expect(total == HashLists.distinctCount(lists))
        #expect(total == Set(lists.joined()).count)
        #expect(HashLists.slice([], 0, bits: 4).isEmpty)
    }

    @Test("an entry with a column's hashes kept apart: the entry keeps their count, the slices every hash once")
    func keptApart() throws {
        var random = Random(state: 9)
        let many = HashLists.sortedUnique((0..<5_000).map { _ in random.next() })
        let stats = CatalogPartitionStatistics(
            rows: 6_000,
            columns: [
                .init(nonNull: 5_000, minimum: .text("a"), maximum: .text("z"), hashes: many),
                .init(nonNull: 3, minimum: .integer(1), maximum: .integer(3), hashes: [4, 9]),
                .init(nonNull: 6_000, minimum: nil, maximum: nil, hashes: nil),
            ], sample: [[.text("a"), .integer(1)]])
        let (entry, slices) = stats.encoded(keepingApart: 2)
        let decoded = try #require(CatalogPartitionStatistics(encoded: entry))
        #expect(decoded.columns[0].hashes == nil && decoded.columns[0].keptApart == 5_000)
        #expect(decoded.columns[1] == stats.columns[1] && decoded.columns[2] == stats.columns[2])
        #expect(decoded.rows == 6_000 && decoded.sample == stats.sample)
        #expect(slices.allSatisfy { $0.column == 0 } && Set(slices.map(\.slice)).count == slices.count)
        let kept = slices.sorted { $0.slice < $1.slice }.flatMap { slice in
            slice.bytes.withUnsafeBytes(CatalogPartitionStatistics.hashes)
        }
        #expect(kept == many)
        for slice in slices {
            let hashes = slice.bytes.withUnsafeBytes(CatalogPartitionStatistics.hashes)
            #expect(hashes.allSatisfy { Int($0 >> 60) == slice.slice })
        }
        // Below the limit nothing is kept apart: the entry as before.
        #expect(stats.encoded(keepingApart: 5_000) == (stats.encoded(), []))
        #expect(CatalogPartitionStatistics(encoded: stats.encoded()) == stats)
    }

    @Test("a column's hashes kept in a set while few, then in a list: the same distinct hashes either way")
    func countedHashes() {
        var random = Random(state: 3)
        for distinct in [1, 50, 2_047, 2_048, 2_049, 30_000] {
            let values = (0..<distinct).map { _ in random.next() } + [0]
            var counted = CountedHashes()
            var all: [UInt64] = []
            var seen = Set<UInt64>()
            for k in 0..<(distinct * 3 + 10) {
                let hash = values[k % values.count]
                // New to the small set, or anything once the list (from 2,048 distinct hashes) took over.
                let listed = seen.count >= 2_048
                #expect(counted.insert(hash) == (seen.insert(hash).inserted || listed), "\(distinct) distinct, #\(k)")
                all.append(hash)
            }
            #expect(HashLists.sortedUnique(counted.all) == Array(Set(all)).sorted())
        }
    }

    @Test("the value hash: SQLite's equality (1 = 1.0, '1' apart), lengths apart, no collision among similar texts")
    func valueHash() {
        func hash(_ text: String) -> UInt64 {
            var text = text
            return text.withUTF8 { CatalogPartitionStatistics.hash(.text(UnsafeRawBufferPointer($0))) }
        }
        #expect(CatalogPartitionStatistics.hash(.integer(1)) == CatalogPartitionStatistics.hash(.real(1.0)))
        #expect(CatalogPartitionStatistics.hash(.integer(1)) != hash("1"))
        #expect(CatalogPartitionStatistics.hash(.real(1.5)) != CatalogPartitionStatistics.hash(.integer(1)))
        let padded = ["", "a", "a\u{0}", "a\u{0}\u{0}", "abcdefgh", "abcdefgh\u{0}", "abcdefghi"]
        #expect(Set(padded.map(hash)).count == padded.count)
        let similar = (0..<200_000).map { "4607\($0)" } + (0..<200_000).map { "2025-06-10T00:00:\($0)" }
        #expect(Set(similar.map(hash)).count == similar.count)
        let numbers = (-100_000..<100_000).map { CatalogPartitionStatistics.hash(.integer(Int64($0) << 20)) }
        #expect(Set(numbers).count == numbers.count)
    }
}
