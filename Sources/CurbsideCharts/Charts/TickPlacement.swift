/// Chooses which x positions get a label so that labels never overlap.
enum TickPlacement {
    /// Strides tried for a day axis: every day, every other day, weekly, fortnightly, then about monthly.
    static let dayStrides = [1, 2, 7, 14, 28, 56, 91, 182, 364, 728]

    /// - Parameters:
    ///   - span: the distance from the first to the last position, in the unit the strides count (days, items).
    ///   - plotWidth: the width they are drawn across.
    ///   - labelWidth: the widest label's estimated width.
    ///   - strides: candidate strides, ascending; when none fits, multiples of the last are tried.
    /// - Returns: the smallest stride whose labels keep at least a small gap between them.
    static func stride(span: Int, plotWidth: Double, labelWidth: Double, strides: [Int]) -> Int {
        guard span > 0 else { return 1 }
        let unit = plotWidth / Double(span)
        let needed = (labelWidth + 10) / unit
        if let fit = strides.first(where: { Double($0) >= needed }) { return fit }
        let last = strides.last ?? 1
        return last * Int((needed / Double(last)).rounded(.up))
    }

    /// Strides for an axis of labels: 1, 2, 3, 4, 5, 10, 15, 20, 25, 50, …
    static func labelStrides(upTo count: Int) -> [Int] {
        var strides = [1, 2, 3, 4, 5]
        var base = 10
        while base <= max(10, count) {
            strides += [base, base * 3 / 2, base * 2, base * 5 / 2, base * 5]
            base *= 10
        }
        return strides
    }
}
