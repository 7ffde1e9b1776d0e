/// The linear baseline: L2-regularised logistic regression on the same features as the trees,
/// fitted by Newton's method (iteratively reweighted least squares), which is deterministic.
///
/// Minimises Σ wᵢ · logloss(yᵢ, pᵢ) + λ/2 · ‖β‖² (the intercept is not penalised), the objective of
/// sklearn's `LogisticRegression(C = 1/λ)`, on columns from `DesignEncoder`.
public struct LogisticRegression: Sendable, Equatable {
    public let featureNames: [String]
    let encoder: DesignEncoder
    public let intercept: Double
    /// One coefficient per design column (see `columnNames`).
    public let coefficients: [Double]
    /// Newton steps taken.
    public let iterations: Int

    /// Names of the design columns: features, "NAME missing" indicators, "NAME=CODE" categories.
    public var columnNames: [String] { encoder.names }

    /// - Parameters:
    ///   - lambda: L2 strength λ ≥ 0.
    ///   - maxIterations: Newton steps at most; stops earlier when no coefficient moves by 1e-10.
    /// - Throws: `TrainingError` for no rows, a single class or a bad λ.
    public static func fit(_ dataset: Dataset, lambda: Double = 1, maxIterations: Int = 50) throws -> LogisticRegression
    {
        guard dataset.rowCount > 0 else { throw TrainingError(.noRows) }
        guard lambda >= 0 else {
            throw TrainingError(.badParameter(name: "lambda", rule: "must be ≥ 0, got \(lambda)"))
        }
        let prevalence = dataset.prevalence
        guard prevalence > 0, prevalence < 1 else { throw TrainingError(.singleClass(prevalence > 0 ? 1 : 0)) }
        let encoder = DesignEncoder(fitting: dataset)
        let width = encoder.columns.count + 1  // the intercept is column 0
        var beta = [Double](repeating: 0, count: width)
        beta[0] = LogisticLoss.logit(prevalence)
        var steps = 0
        var x: [(column: Int, value: Double)] = []
        while steps < maxIterations {
            steps += 1
            var gradient = [Double](repeating: 0, count: width)
            var hessian = [Double](repeating: 0, count: width * width)
            // One-hot rows are mostly zeros: each row's few non-zero columns are encoded as it is read, so the
            // Hessian costs (non-zeros)² a row, not width², and no rows × width design matrix is held.
            for row in 0..<dataset.rowCount {
                encoder.nonzeros(row: row, of: dataset, into: &x)
                var margin = 0.0
                for (column, value) in x { margin += beta[column] * value }
                let p = LogisticLoss.sigmoid(margin)
                let weight = Double(dataset.weight(row))
                let g = weight * (p - Double(dataset.labels[row]))
                let h = weight * max(p * (1 - p), 1e-12)
                for a in x.indices {
                    let (i, xi) = x[a]
                    gradient[i] += g * xi
                    let hx = h * xi
                    for b in 0...a { hessian[i * width + x[b].column] += hx * x[b].value }
                }
            }
            for i in 1..<width {
                gradient[i] += lambda * beta[i]
                hessian[i * width + i] += lambda
            }
            for i in 0..<width { for j in 0..<i { hessian[j * width + i] = hessian[i * width + j] } }
            let step = CholeskySolver.solve(hessian, gradient, size: width)
            var largest = 0.0
            for i in 0..<width {
                beta[i] -= step[i]
                largest = max(largest, abs(step[i]))
            }
            if largest < 1e-10 { break }
        }
        return LogisticRegression(
            featureNames: dataset.featureNames, encoder: encoder, intercept: beta[0],
            coefficients: Array(beta.dropFirst()), iterations: steps)
    }

    /// The margin of one row of raw values in feature order.
    public func margin(_ row: [Float]) -> Double {
        var margin = intercept
        for (column, coefficient) in coefficients.enumerated() {
            margin += coefficient * encoder.encode(column) { row[$0] }
        }
        return margin
    }

    /// The probability of every row of `dataset`.
    /// - Throws: `TrainingError.Reason.featureMismatch` when its features are not the model's.
    public func probabilities(for dataset: Dataset) throws -> [Double] {
        guard dataset.featureNames == featureNames else {
            throw TrainingError(.featureMismatch(expected: featureNames, found: dataset.featureNames))
        }
        return (0..<dataset.rowCount).map { LogisticLoss.sigmoid(margin(dataset.row($0))) }
    }
}
