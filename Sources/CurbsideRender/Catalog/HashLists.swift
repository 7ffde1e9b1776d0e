/// The catalog's lists of 64-bit hashes of distinct values: sorted, each hash once. Hashes are spread evenly over
/// their 64 bits, which both functions here count on for speed (never for their results).
enum HashLists {
    /// The hashes sorted, each once: a radix sort a byte at a time, lowest first, that skips a byte every hash shares.
    /// A partition of a new day counts 166,666 hashes in each of fifty columns; Swift's `sort()` (a merge sort through
    /// comparisons) took 7% of a 5M-row render.
    static func sortedUnique(_ hashes: [UInt64]) -> [UInt64] {
        guard hashes.count > 64 else {
            var sorted = hashes.sorted()
            sorted.removeDuplicatesFromSorted()
            return sorted
        }
        var a = hashes
        var b = [UInt64](repeating: 0, count: hashes.count)
        var counts = [Int](repeating: 0, count: 8 * 256)
        counts.withUnsafeMutableBufferPointer { counts in
            for v in hashes {
                for byte in 0..<8 { counts[byte << 8 | Int(truncatingIfNeeded: v >> (8 * byte)) & 0xFF] += 1 }
            }
            var offsets = [Int](repeating: 0, count: 256)
            for byte in 0..<8 {
                let shift = UInt64(8 * byte)
                // Every hash has the same byte here: nothing to move.
                if counts[byte << 8 | Int(truncatingIfNeeded: a[0] >> shift) & 0xFF] == a.count { continue }
                var sum = 0
                for digit in 0..<256 {
                    offsets[digit] = sum
                    sum += counts[byte << 8 | digit]
                }
                a.withUnsafeBufferPointer { from in
                    b.withUnsafeMutableBufferPointer { to in
                        offsets.withUnsafeMutableBufferPointer { offsets in
                            for v in from {
                                let digit = Int(truncatingIfNeeded: v >> shift) & 0xFF
                                to[offsets[digit]] = v
                                offsets[digit] += 1
                            }
                        }
                    }
                }
                swap(&a, &b)
            }
        }
        a.removeDuplicatesFromSorted()
        return a
    }

    /// Distinct hashes among several sorted lists (each hash once in its list).
    ///
    /// The hash space is cut into ranges of about 4,096 hashes in all; each list gives the run of its hashes in a range
    /// and the runs go into a small table (open addressing, in the processor's cache), cleared for the next range.
    /// Merging the lists through a heap of their next hashes cost 20–30 ns a hash in unpredictable branches (a 5M-row
    /// render's largest single cost); a table costs a few.
    /// - Parameter sharedBits: how many top bits every hash of every list shares (the lists of one slice of the
    ///   hash space): the ranges cut that slice only.
    static func distinctCount(_ lists: [[UInt64]], sharedBits: Int = 0) -> Int {
        let lists = lists.filter { !$0.isEmpty }
        guard lists.count > 1 else { return lists.first?.count ?? 0 }
        let total = lists.reduce(0) { $0 + $1.count }
        // 2^rangeBits ranges of the hash space (or of the slice), about 4,096 hashes to a range.
        let rangeBits = min(24, max(0, (Int.bitWidth - (total / 4_096).leadingZeroBitCount)))
        let fixed = sharedBits + rangeBits
        let base: UInt64 = sharedBits == 0 ? 0 : (lists[0][0] >> (64 - sharedBits)) << (64 - sharedBits)
        var table = HashSet(bits: 13)
        var next = [Int](repeating: 0, count: lists.count)
        var count = 0
        for range in 0..<(1 << rangeBits) {
            // The range's last hash: ranges split the space by the `rangeBits` bits after the shared ones.
            let last: UInt64 = fixed == 0 ? .max : base | (UInt64(range) << (64 - fixed)) | (.max >> fixed)
            table.clear()
            for (k, list) in lists.enumerated() {
                next[k] = list.withUnsafeBufferPointer { table.insert(from: $0, at: next[k], through: last) }
            }
            count += table.count
        }
        return count
    }

    /// The hashes of a sorted list whose top `bits` bits are `slice`.
    static func slice(_ list: [UInt64], _ slice: Int, bits: Int) -> ArraySlice<UInt64> {
        func start(_ s: Int) -> Int {
            guard s < 1 << bits else { return list.count }
            let first = UInt64(s) << (64 - bits)
            var (low, high) = (0, list.count)
            while low < high {
                let middle = (low + high) / 2
                if list[middle] < first { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return list[start(slice)..<start(slice + 1)]
    }
}

/// A set of 64-bit hashes (any value, 0 included): open addressing, at most half full, cleared by moving on to a new
/// stamp rather than zeroing its slots. ``HashLists/distinctCount(_:)`` fills it a range at a time; a column's
/// counter keeps its few distinct values in one (``CountedHashes``).
struct HashSet {
    /// A hash and the stamp of the filling it belongs to (a slot of an older stamp is empty).
    private struct Slot {
        var hash: UInt64 = 0
        var stamp: UInt32 = 0
    }

    private var slots: [Slot]
    private var stamp: UInt32 = 1
    private var bits: Int
    private(set) var count = 0

    init(bits: Int) {
        self.bits = bits
        slots = [Slot](repeating: Slot(), count: 1 << bits)
    }

    mutating func clear() {
        count = 0
        stamp &+= 1
        if stamp == 0 {
            slots = [Slot](repeating: Slot(), count: slots.count)
            stamp = 1
        }
    }

    /// Adds the hashes of `list` from `start` up to the first greater than `last`, each when it is not there yet.
    /// - Returns: where that first greater hash is (the list's end when there is none).
    mutating func insert(from list: UnsafeBufferPointer<UInt64>, at start: Int, through last: UInt64) -> Int {
        var i = start
        while i < list.count, list[i] <= last {
            // At most half full; a range with more distinct hashes than expected grows the table.
            if (count + 1) * 2 > slots.count { grow() }
            let shift = UInt64(64 - bits)
            let stamp = stamp
            let room = slots.count / 2 - count
            count += slots.withUnsafeMutableBufferPointer { slots in
                var added = 0
                // Up to the next time the table might be half full.
                while i < list.count, list[i] <= last, added < room {
                    let hash = list[i]
                    i += 1
                    // Fibonacci hashing: the range's own bits are the hash's top ones, so mix before choosing.
                    var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
                    while slots[slot].stamp == stamp, slots[slot].hash != hash { slot = (slot + 1) & (slots.count - 1) }
                    if slots[slot].stamp != stamp {
                        slots[slot] = Slot(hash: hash, stamp: stamp)
                        added += 1
                    }
                }
                return added
            }
        }
        return i
    }

    /// Adds `hash`, when it is not there yet.
    mutating func insert(_ hash: UInt64) {
        var hash = hash
        _ = withUnsafePointer(to: &hash) {
            insert(from: UnsafeBufferPointer(start: $0, count: 1), at: 0, through: .max)
        }
    }

    /// The hashes in the set, in no particular order.
    var all: [UInt64] { slots.filter { $0.stamp == stamp }.map(\.hash) }

    private mutating func grow() {
        let kept = all
        bits += 1
        slots = [Slot](repeating: Slot(), count: 1 << bits)
        stamp = 1
        count = 0
        for hash in kept { insert(hash) }
    }
}

extension [UInt64] {
    /// Keeps the first of each run of equal values of a sorted array.
    fileprivate mutating func removeDuplicatesFromSorted() {
        guard count > 1 else { return }
        var kept = 1
        withUnsafeMutableBufferPointer { values in
            for i in 1..<values.count where values[i] != values[kept - 1] {
                values[kept] = values[i]
                kept += 1
            }
        }
        removeSubrange(kept...)
    }
}
