/// Solves A x = b for a symmetric positive definite A (row-major, size × size) by Cholesky
/// factorisation; a pivot that is not positive is nudged to a tiny positive value, so a
/// rank-deficient system (an all-zero column without L2) still gives a finite step.
enum CholeskySolver {
    static func solve(_ a: [Double], _ b: [Double], size n: Int) -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    l[i * n + i] = sum > 1e-12 ? sum.squareRoot() : 1e-6
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        // L y = b, then Lᵀ x = y.
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = b[i]
            for k in 0..<i { sum -= l[i * n + k] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<n { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}
