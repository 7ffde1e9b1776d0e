/// Chooses each feature's bins from the training rows: up to `maxBins` bins per feature, one of
/// them (bin 0) for missing values, so at most `maxBins - 1` value bins.
///
/// Numeric bins come from exact quantiles of the sorted non-missing values (every distinct value
/// gets its own bin when there are few enough); a bound is always a training value, and tied values
/// never straddle a bound. Categorical features get one bin per category; past `maxBins - 1`
/// categories the most frequent are kept and the rest are treated as missing. Deterministic: the
/// same rows give the same bins, whatever the thread count.
public struct QuantileBinner: Sendable {
    /// Bins per feature including the missing bin, 2…256.
    public var maxBins: Int

    /// - Throws: `TrainingError` when `maxBins` is outside 2…256.
    public init(maxBins: Int = 256) throws {
        guard (2...256).contains(maxBins) else {
            throw TrainingError(.badParameter(name: "maxBins", rule: "must be between 2 and 256, got \(maxBins)"))
        }
        self.maxBins = maxBins
    }

    /// The bins of every feature of `dataset`, computed on `threads` threads.
    public func fit(_ dataset: Dataset, threads: Int = 1) -> [FeatureBins] {
        let count = dataset.featureCount
        var result = [FeatureBins](repeating: FeatureBins(upperBounds: []), count: count)
        result.withUnsafeMutableBufferPointer { buffer in
            let out = SharedPointer(buffer.baseAddress!)
            WorkerPool(threads: threads).run(tasks: count) { feature in
                let column = dataset.columns[feature]
                out[feature] =
                    dataset.categorical[feature]
                    ? FeatureBins(categories: categories(of: column))
                    : FeatureBins(upperBounds: upperBounds(of: column))
            }
        }
        return result
    }

    /// Bounds at quantiles of the non-missing values, ties kept together.
    func upperBounds(of column: [Float]) -> [Float] {
        let values = FloatRadixSort.sorted(column.filter { !$0.isNaN })
        guard !values.isEmpty else { return [] }
        let valueBins = maxBins - 1
        var distinct = [Float]()
        var ends = [Int]()  // one past the last position of each distinct value
        for (index, value) in values.enumerated() where index + 1 == values.count || values[index + 1] != value {
            distinct.append(value)
            ends.append(index + 1)
        }
        if distinct.count <= valueBins { return Array(distinct.dropLast()) }
        var bounds = [Float]()
        var lastEnd = 0
        for (index, end) in ends.enumerated().dropLast() {
            // Cut once the bin holds its share of the rows not yet binned, so a heavy value
            // (many zeros) takes one bin and the rest are still spread evenly.
            let target = Double(lastEnd) + Double(values.count - lastEnd) / Double(valueBins - bounds.count)
            if Double(end) >= target {
                bounds.append(distinct[index])
                lastEnd = end
                if bounds.count == valueBins - 1 { break }
            }
        }
        return bounds
    }

    /// The category codes, ascending; the most frequent `maxBins - 1` when there are more.
    func categories(of column: [Float]) -> [Float] {
        var counts = [Float: Int]()
        for value in column where !value.isNaN { counts[value == 0 ? 0 : value, default: 0] += 1 }
        var codes = counts.keys.sorted()
        if codes.count > maxBins - 1 {
            codes = Array(codes.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }.prefix(maxBins - 1)).sorted()
        }
        return codes
    }
}
