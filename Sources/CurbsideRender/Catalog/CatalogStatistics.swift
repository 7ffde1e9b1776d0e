import CurbsideModel

#if canImport(Glibc)
    import Glibc
#endif

/// One partition of a table whose statistics the catalog keeps per partition, so a build that brings one new day
/// reads that day's rows only, not a million others (the catalog's whole-table statistics were 88 % of rendering a
/// million-row site).
public struct CatalogPartition: Sendable, Hashable {
    /// The dataset the partition belongs to (also for tables without a `dataset` column).
    public var dataset: String
    public var key: String
    /// SQL naming the partition's rows of the table: a parenthesised `SELECT`.
    public var rows: String
    /// For the views of bronze rows: the fetch whose pages hold the rows, so they are counted from the pages'
    /// offsets (``QueryRunner/scanBronzeRows(of:columns:_:)``) when the columns counted are the view's.
    public var bronzePages: BronzePartition?

    public init(dataset: String, key: String, rows: String, bronzePages: BronzePartition? = nil) {
        self.dataset = dataset
        self.key = key
        self.rows = rows
        self.bronzePages = bronzePages
    }
}

/// Where per-partition statistics are kept between builds. Writers of a partition's rows forget its entries
/// (`Warehouse.forgetCatalogStatistics`); an entry is also tied to the table's columns by a signature.
public protocol CatalogStatisticsCache: Sendable {
    /// A partition's entry, read by `decode` in place (the bytes are valid only during the call); nil without one.
    func statistics<T>(
        table: String, partition: CatalogPartition, signature: String, _ decode: (UnsafeRawBufferPointer) -> T?
    ) throws -> T?
    /// Keeps an entry and the slices of its hashes kept apart (``CatalogPartitionStatistics/encoded(keepingApart:)``),
    /// replacing the partition's earlier entry and slices.
    func store(
        _ encoded: [UInt8], slices: [CatalogHashSlice], table: String, partition: CatalogPartition, signature: String
    ) throws
    /// One slice of the hashes each of `parts` keeps apart from its entry (the column's place in the entry), each
    /// read by `decode` in place, in one read; parts without hashes in the slice give none.
    func slice<T>(
        table: String, parts: [(partition: CatalogPartition, column: Int)], slice: Int,
        _ decode: (UnsafeRawBufferPointer) -> T
    ) throws -> [T]
    /// How many hashes the partition keeps apart for each column (by its place in the entry), so an entry whose slices
    /// are not all there is counted again rather than merged short.
    func keptApart(table: String, partition: CatalogPartition) throws -> [Int: Int]
    /// Whether an entry is kept, without reading it.
    func contains(table: String, partition: CatalogPartition, signature: String) throws -> Bool
    /// The same cache, its entries read through `runner` (a connection of its own) where it can: the catalog's
    /// workers then read megabytes of entries side by side instead of in turn through one connection.
    func reading(through runner: any QueryRunner) -> any CatalogStatisticsCache
}

extension CatalogStatisticsCache {
    public func reading(through runner: any QueryRunner) -> any CatalogStatisticsCache { self }
}

/// What the catalog counts in one partition of a table: rows, and for each summarised column its non-null values,
/// least and greatest, and (for fully summarised columns) a 64-bit hash of each distinct value, so partitions
/// merge into the table's exact distinct count (exact unless two different values share a hash: with 5 million
/// distinct values, odds of about one in a million).
public struct CatalogPartitionStatistics: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var nonNull: Int
        public var minimum: SQLValue?
        public var maximum: SQLValue?
        /// Sorted; nil for columns summarised by nulls only, and for hashes kept apart.
        public var hashes: [UInt64]?
        /// How many hashes are kept apart from the entry, in ``CatalogPartitionStatistics/slices`` slices of the hash
        /// space; nil when they are in `hashes` (or there are none).
        public var keptApart: Int? = nil

        /// Widens the least and greatest to take in `low` and `high` (nil: nothing to take in).
        mutating func include(low: SQLValue?, high: SQLValue?) {
            if let low, minimum.map({ CatalogPartitionStatistics.precedes(low, $0) }) ?? true { minimum = low }
            if let high, maximum.map({ CatalogPartitionStatistics.precedes($0, high) }) ?? true { maximum = high }
        }
    }

    public var rows: Int
    public var columns: [Column]
    /// The partition's first rows in the table's order, as the catalog's sample selects them.
    public var sample: [[SQLValue]]

    /// The hash DISTINCT is counted by: SQLite's equality, where the integer 1 and the real 1.0 are one value and
    /// the text '1' another. A type tag, then the value eight bytes at a time, each folded in by a multiply and a
    /// shift, then the length and a final avalanche (MurmurHash3's `fmix64`). Nulls and blobs are not counted.
    /// (Until format 5 it was FNV-1a, a byte at a time: 8% of a first render's CPU.)
    static func hash(_ cell: SQLCell) -> UInt64 {
        func fold(_ h: UInt64, _ word: UInt64) -> UInt64 {
            let x = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
            return x ^ (x >> 29)
        }
        func finish(_ h: UInt64, length: Int) -> UInt64 {
            var x = h ^ UInt64(length)
            x = (x ^ (x >> 33)) &* 0xFF51_AFD7_ED55_8CCD
            x = (x ^ (x >> 33)) &* 0xC4CE_B9FE_1A85_EC53
            return x ^ (x >> 33)
        }
        let seed: UInt64 = 0xcbf2_9ce4_8422_2325
        switch cell {
        case .null, .blob: return finish(seed, length: 0)
        case .integer(let i): return finish(fold(seed ^ 1, UInt64(bitPattern: i)), length: 8)
        case .real(let d):
            if let i = Int64(exactly: d) { return finish(fold(seed ^ 1, UInt64(bitPattern: i)), length: 8) }
            return finish(fold(seed ^ 2, d.bitPattern), length: 8)
        case .text(let bytes):
            var h = seed ^ 3
            var offset = 0
            while offset + 8 <= bytes.count {
                h = fold(h, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            if offset < bytes.count {
                var tail: UInt64 = 0
                for k in offset..<bytes.count { tail |= UInt64(bytes[k]) << UInt64(8 * (k - offset)) }
                h = fold(h, tail)
            }
            return finish(h, length: bytes.count)
        }
    }

    /// SQLite's order of values: NULL, then numbers by value, then text by its bytes.
    static func precedes(_ a: SQLValue, _ b: SQLValue) -> Bool {
        a.withCell { a in b.withCell { b in order(a, b) < 0 } }
    }

    /// SQLite's order of two values, negative when `a` comes first and zero when they tie: NULL, then numbers by
    /// value (two integers exactly), then text by its bytes, then blobs.
    static func order(_ a: SQLCell, _ b: SQLCell) -> Int {
        func rank(_ cell: SQLCell) -> Int {
            switch cell {
            case .null: 0
            case .integer, .real: 1
            case .text: 2
            case .blob: 3
            }
        }
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y ? -1 : x == y ? 0 : 1
        case (.text(let x), .text(let y)):
            let shared = min(x.count, y.count)
            let compared = shared == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, shared))
            return compared != 0 ? compared : x.count - y.count
        default:
            if rank(a) != rank(b) { return rank(a) - rank(b) }
            let (x, y) = (a.number, b.number)
            return x < y ? -1 : x == y ? 0 : 1
        }
    }

    /// Rows in the table's order: the values at `order` first, then those at `tieBreak`, so rows that tie on the
    /// order fall the same way on every machine.
    static func precedes(_ a: [SQLValue], _ b: [SQLValue], order: [Int], tieBreak: Range<Int>) -> Bool {
        for k in order + Array(tieBreak) where a[k] != b[k] { return precedes(a[k], b[k]) }
        return false
    }

    // MARK: Encoding (little-endian; a version byte first, so an old entry is recomputed rather than misread)

    static let formatVersion: UInt8 = 6

    /// Slices of the hash space a column's hashes are kept apart in: hashes whose top `sliceBits` bits are `s` in
    /// slice `s` (``HashLists/slice(_:_:bits:)``).
    public static let slices = 1 << sliceBits
    static let sliceBits = 4

    /// The entry, and the slices of each column with more than `limit` hashes, kept apart from it: the table's
    /// distinct count is then made a slice at a time, holding a sixteenth of every partition's hashes at once
    /// rather than all (a 5M-row table's record ids: 40 MB). Only slices holding hashes are given.
    func encoded(keepingApart limit: Int = .max) -> (entry: [UInt8], slices: [CatalogHashSlice]) {
        var slices: [CatalogHashSlice] = []
        var stats = self
        for (k, column) in columns.enumerated() {
            guard let hashes = column.hashes, hashes.count > limit else { continue }
            for slice in 0..<Self.slices {
                let part = HashLists.slice(hashes, slice, bits: Self.sliceBits)
                guard !part.isEmpty else { continue }
                let bytes = part.map(\.littleEndian).withUnsafeBytes { Array($0) }
                slices.append(CatalogHashSlice(column: k, slice: slice, bytes: bytes))
            }
            stats.columns[k].hashes = nil
            stats.columns[k].keptApart = hashes.count
        }
        return (stats.encoded(), slices)
    }

    /// The entry, every hash in it.
    func encoded() -> [UInt8] {
        var out: [UInt8] = [Self.formatVersion]
        func int(_ value: Int64) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        func value(_ v: SQLValue?) {
            switch v {
            case nil: out.append(0)
            case .null?: out.append(4)
            case .integer(let i)?:
                out.append(1)
                int(i)
            case .real(let d)?:
                out.append(2)
                int(Int64(bitPattern: d.bitPattern))
            case .text(let s)?:
                out.append(3)
                int(Int64(s.utf8.count))
                out.append(contentsOf: s.utf8)
            }
        }
        int(Int64(rows))
        int(Int64(columns.count))
        for column in columns {
            int(Int64(column.nonNull))
            value(column.minimum)
            value(column.maximum)
            // -1: no hashes; -2 and a count: that many kept apart.
            int(Int64(column.hashes?.count ?? (column.keptApart == nil ? -1 : -2)))
            if let apart = column.keptApart, column.hashes == nil { int(Int64(apart)) }
            for h in column.hashes ?? [] { int(Int64(bitPattern: h)) }
        }
        int(Int64(sample.count))
        int(Int64(sample.first?.count ?? 0))
        for row in sample { for v in row { value(v) } }
        return out
    }

    /// - Returns: nil when the bytes are not an entry of this format.
    init?(encoded bytes: [UInt8]) {
        guard let decoded = bytes.withUnsafeBytes(Self.init(encoded:)) else { return nil }
        self = decoded
    }

    /// - Returns: nil when the bytes are not an entry of this format.
    init?(encoded bytes: UnsafeRawBufferPointer) {
        var i = 1
        guard bytes.first == Self.formatVersion else { return nil }
        func int() -> Int64? {
            guard i + 8 <= bytes.count else { return nil }
            defer { i += 8 }
            return Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: Int64.self))
        }
        func value() -> SQLValue?? {
            guard i < bytes.count else { return nil }
            let tag = bytes[i]
            i += 1
            switch tag {
            case 0: return .some(nil)
            case 4: return .some(.null)
            case 1: return int().map { .some(.integer($0)) }
            case 2: return int().map { .some(.real(Double(bitPattern: UInt64(bitPattern: $0)))) }
            case 3:
                guard let n = int(), n >= 0, i + Int(n) <= bytes.count else { return nil }
                defer { i += Int(n) }
                return .some(.text(String(decoding: bytes[i..<(i + Int(n))], as: UTF8.self)))
            default: return nil
            }
        }
        guard let rows = int(), let count = int(), count >= 0 else { return nil }
        var columns: [Column] = []
        for _ in 0..<count {
            guard let nonNull = int(), let minimum = value(), let maximum = value(), let n = int() else { return nil }
            var hashes: [UInt64]?
            var keptApart: Int?
            if n >= 0 {
                guard i + 8 * Int(n) <= bytes.count else { return nil }
                hashes = Self.hashes(UnsafeRawBufferPointer(rebasing: bytes[i..<(i + 8 * Int(n))]))
                i += 8 * Int(n)
            } else if n == -2 {
                guard let apart = int(), apart >= 0 else { return nil }
                keptApart = Int(apart)
            }
            columns.append(
                Column(nonNull: Int(nonNull), minimum: minimum, maximum: maximum, hashes: hashes, keptApart: keptApart))
        }
        guard let sampleRows = int(), let width = int(), sampleRows >= 0, width >= 0 else { return nil }
        var sample: [[SQLValue]] = []
        for _ in 0..<sampleRows {
            var row: [SQLValue] = []
            for _ in 0..<width {
                guard let v = value() else { return nil }
                row.append(v ?? .null)
            }
            sample.append(row)
        }
        guard i == bytes.count else { return nil }
        self.rows = Int(rows)
        self.columns = columns
        self.sample = sample
    }

    /// Hashes stored eight little-endian bytes each (a slice, or an entry's list).
    static func hashes(_ bytes: UnsafeRawBufferPointer) -> [UInt64] {
        // At capacity 0 the standard library writes the count into the empty array every thread shares, which the
        // thread sanitizer reports as a race.
        guard bytes.count >= 8 else { return [] }
        return [UInt64](unsafeUninitializedCapacity: bytes.count / 8) { out, count in
            for k in 0..<(bytes.count / 8) {
                out[k] = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self))
            }
            count = bytes.count / 8
        }
    }

    init(rows: Int, columns: [Column], sample: [[SQLValue]]) {
        self.rows = rows
        self.columns = columns
        self.sample = sample
    }
}

/// The hashes of one column of a partition's entry whose top four bits are `slice`, stored apart from the entry.
public struct CatalogHashSlice: Sendable, Equatable {
    /// The column's place among the entry's counted columns.
    public var column: Int
    public var slice: Int
    /// Sorted hashes, eight little-endian bytes each.
    public var bytes: [UInt8]
}

extension SQLValue {
    /// Runs `body` with the value as a scanned cell (a text's bytes valid only during the call).
    func withCell<Result>(_ body: (SQLCell) -> Result) -> Result {
        switch self {
        case .null: return body(.null)
        case .integer(let number): return body(.integer(number))
        case .real(let number): return body(.real(number))
        case .text(var text): return text.withUTF8 { body(.text(UnsafeRawBufferPointer($0))) }
        }
    }
}

extension SQLCell {
    /// An integer or real as a number; 0 for anything else (only numbers are compared this way).
    var number: Double {
        switch self {
        case .integer(let number): Double(number)
        case .real(let number): number
        case .null, .text, .blob: 0
        }
    }
}
