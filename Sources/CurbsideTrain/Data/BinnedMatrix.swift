/// Every row's bins, row-major: `bins[row * featureCount + feature]`.
///
/// Row-major because the histogram kernel reads all of a row's features after one look-up of its
/// gradient pair; a row of 20 features is a third of a cache line.
struct BinnedMatrix: Sendable {
    let rowCount: Int
    let featureCount: Int
    let bins: [UInt8]

    /// Rows per task when binning in parallel.
    private static let block = 8192

    init(_ dataset: Dataset, bins features: [FeatureBins], threads: Int) {
        rowCount = dataset.rowCount
        featureCount = dataset.featureCount
        let rows = rowCount
        let width = featureCount
        let blocks = (rows + Self.block - 1) / Self.block
        bins = [UInt8](unsafeUninitializedCapacity: rows * width) { buffer, initialized in
            let out = SharedPointer(buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!)
            WorkerPool(threads: threads).run(tasks: blocks) { block in
                let start = block * Self.block
                let end = min(rows, start + Self.block)
                for feature in 0..<width {
                    let column = dataset.columns[feature]
                    let binning = features[feature]
                    for row in start..<end { out[row * width + feature] = binning.bin(of: column[row]) }
                }
            }
            initialized = rows * width
        }
    }

    /// The bins of one row.
    func row(_ row: Int) -> ArraySlice<UInt8> { bins[row * featureCount..<(row + 1) * featureCount] }
}
