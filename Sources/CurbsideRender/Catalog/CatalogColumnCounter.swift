import CurbsideModel

/// One column's statistics counted over a partition's rows as SQLite hands them out (``QueryRunner/scan(_:_:)``):
/// its non-null values, least and greatest, and the hash of each value, without making a `String` of each text.
/// Counting a million rows' values as ``SQLValue``s took four times as long as SQLite's reading them.
struct CatalogColumnCounter {
    /// A least or greatest value so far, its text kept as bytes so the next rows compare without a `String`.
    private enum Kept {
        case integer(Int64)
        case real(Double)
        case text([UInt8])

        init(_ cell: SQLCell) {
            switch cell {
            case .integer(let number): self = .integer(number)
            case .real(let number): self = .real(number)
            case .text(let bytes): self = .text(Array(bytes))
            case .null, .blob: preconditionFailure("only integers, reals and texts are kept")
            }
        }

        var value: SQLValue {
            switch self {
            case .integer(let number): .integer(number)
            case .real(let number): .real(number)
            case .text(let bytes): .text(String(decoding: bytes, as: UTF8.self))
            }
        }

        func withCell<Result>(_ body: (SQLCell) -> Result) -> Result {
            switch self {
            case .integer(let number): body(.integer(number))
            case .real(let number): body(.real(number))
            case .text(let bytes): bytes.withUnsafeBytes { body(.text($0)) }
            }
        }
    }

    /// Whether least and greatest values are counted, not only non-null ones.
    let full: Bool
    /// Whether distinct values are counted (a hash of each value kept).
    let hashing: Bool
    private(set) var nonNull = 0
    private var least: Kept?
    private var greatest: Kept?
    /// The hashes of the values counted so far.
    private var hashes = CountedHashes()

    /// A counter for a column summarised as `summary` (not `.opaque`).
    init(_ summary: CatalogColumn.Summary) {
        full = summary.isFull
        hashing = summary == .full
    }

    mutating func count(_ cell: SQLCell) {
        switch cell {
        case .null: return
        case .blob(let size):
            // Shown, compared and counted as the text a query gives for it.
            var text = "<\(size) bytes>"
            text.withUTF8 { count(.text(UnsafeRawBufferPointer($0))) }
            return
        case .integer, .real, .text: break
        }
        nonNull += 1
        guard full else { return }
        // A value the column's small set already holds ties with one compared before: ties keep the first, so
        // least and greatest stay (most columns have a few dozen values: a comparison a value was 7% of a count).
        if hashing, !hashes.insert(CatalogPartitionStatistics.hash(cell)) { return }
        if least.map({ Self.order(cell, $0) < 0 }) ?? true { least = Kept(cell) }
        if greatest.map({ Self.order(cell, $0) > 0 }) ?? true { greatest = Kept(cell) }
    }

    /// The partition's figures for the column, its distinct hashes sorted.
    func column() -> CatalogPartitionStatistics.Column {
        CatalogPartitionStatistics.Column(
            nonNull: nonNull, minimum: least?.value, maximum: greatest?.value,
            hashes: hashing ? HashLists.sortedUnique(hashes.all) : nil)
    }

    /// SQLite's order of a value against a kept one: negative when the value comes first, zero when they tie.
    private static func order(_ cell: SQLCell, _ kept: Kept) -> Int {
        kept.withCell { CatalogPartitionStatistics.order(cell, $0) }
    }
}

/// A column's hashes as they are counted: in a small set while the column has few distinct values (most have a few
/// dozen: states, counties, statuses), which keeps one copy of each, then in a list of every one, repeats included,
/// once it has more (sorted and made unique at the end: a set of a million hashes is a cache miss a value).
struct CountedHashes {
    /// The set's most hashes before the list takes over (the set's first size is twice this, so it never grows).
    private static let setLimit = 2_048
    /// Nil once the list took over.
    private var few: HashSet? = HashSet(bits: 12)
    private var list: [UInt64] = []

    /// - Returns: false when the small set already held `hash`; true when it is new, or once the list took over.
    mutating func insert(_ hash: UInt64) -> Bool {
        guard few != nil else {
            list.append(hash)
            return true
        }
        let before = few!.count
        few!.insert(hash)
        let added = few!.count > before
        if few!.count >= Self.setLimit {
            list = few!.all
            few = nil
        }
        return added
    }

    /// Every hash counted (each at least once).
    var all: [UInt64] { few?.all ?? list }
}
