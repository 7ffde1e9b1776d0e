import CurbsideModel
import CurbsideTestSupport
import Testing

@testable import CurbsideRender

@Suite("Counting a catalog column from scanned cells")
struct CatalogColumnCounterTests {
    /// Counts one column of `values` through the scan, as the catalog does.
    static func counted(_ values: [SQLValue], full: Bool = true) throws -> CatalogPartitionStatistics.Column {
        var runner = InMemoryQueryRunner()
        runner.register("SELECT v FROM t", QueryTable(columns: ["v"], rows: values.map { [$0] }))
        var counter = CatalogColumnCounter(full: full)
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
        #expect(CatalogReader.distinctCount([]) == 0)
        #expect(CatalogReader.distinctCount([[], []]) == 0)
        #expect(CatalogReader.distinctCount([[1, 5, 9]]) == 3)
        #expect(CatalogReader.distinctCount([[1, 5, 9], [], [5], [0, 9, UInt64.max]]) == 5)
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
            #expect(CatalogReader.distinctCount(lists) == Set(lists.joined()).count)
        }
    }
}
