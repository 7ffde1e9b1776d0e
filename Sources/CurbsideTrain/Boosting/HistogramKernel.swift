/// The innermost loop of training: for each row of a node, add its gradient pair (as `Double`)
/// to the bin the row falls in, for a few features at a time.
///
/// Rows are the node's run of `rowIndex` with gradients already in the same order, so only the
/// column bytes are read out of order. Sums run in row order: the result depends only on the rows.
struct HistogramKernel {
    typealias Column = UnsafePointer<UInt8>
    typealias Histogram = UnsafeMutablePointer<SIMD2<Double>>

    let rows: UnsafePointer<UInt32>
    let gradients: UnsafePointer<SIMD2<Float>>
    let count: Int

    /// One feature.
    @inline(__always)
    func add(_ column: Column, _ hist: Histogram) {
        for i in 0..<count {
            let pair = gradients[i]
            hist[Int(column[Int(rows[i])])] += SIMD2(Double(pair.x), Double(pair.y))
        }
    }

    /// Two features.
    @inline(__always)
    func add(_ c: (Column, Column), _ h: (Histogram, Histogram)) {
        for i in 0..<count {
            let row = Int(rows[i])
            let pair = gradients[i]
            let value = SIMD2(Double(pair.x), Double(pair.y))
            h.0[Int(c.0[row])] += value
            h.1[Int(c.1[row])] += value
        }
    }

    /// Four features.
    @inline(__always)
    func add(_ c: (Column, Column, Column, Column), _ h: (Histogram, Histogram, Histogram, Histogram)) {
        for i in 0..<count {
            let row = Int(rows[i])
            let pair = gradients[i]
            let value = SIMD2(Double(pair.x), Double(pair.y))
            h.0[Int(c.0[row])] += value
            h.1[Int(c.1[row])] += value
            h.2[Int(c.2[row])] += value
            h.3[Int(c.3[row])] += value
        }
    }

    /// Eight features.
    @inline(__always)
    func add(
        _ c: (Column, Column, Column, Column), _ h: (Histogram, Histogram, Histogram, Histogram),
        _ d: (Column, Column, Column, Column), _ g: (Histogram, Histogram, Histogram, Histogram)
    ) {
        for i in 0..<count {
            let row = Int(rows[i])
            let pair = gradients[i]
            let value = SIMD2(Double(pair.x), Double(pair.y))
            h.0[Int(c.0[row])] += value
            h.1[Int(c.1[row])] += value
            h.2[Int(c.2[row])] += value
            h.3[Int(c.3[row])] += value
            g.0[Int(d.0[row])] += value
            g.1[Int(d.1[row])] += value
            g.2[Int(d.2[row])] += value
            g.3[Int(d.3[row])] += value
        }
    }
}
