import Testing

@testable import CurbsideTrain

@Suite struct BaselineTests {
    @Test func prevalenceBaselinePredictsTheTrainingRate() throws {
        let data = try TrainFixtures.single([1, 2, 3, 4], [0, 1, 0, 0])
        let baseline = try PrevalenceBaseline.fit(data)
        #expect(baseline.prevalence == 0.25)
        #expect(baseline.probabilities(for: data) == [0.25, 0.25, 0.25, 0.25])
    }

    @Test func logisticRegressionFindsTheDirection() throws {
        let data = try TrainFixtures.single([1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 1, 0, 1, 0, 1, 1])
        let model = try LogisticRegression.fit(data)
        #expect(model.coefficients[0] > 0)
        let probabilities = try model.probabilities(for: data)
        #expect(probabilities == probabilities.sorted())
        // At the optimum the gradient vanishes: Σ (p − y) = 0 for the unpenalised intercept.
        let residual = zip(probabilities, data.labels).map { $0 - Double($1) }.reduce(0, +)
        #expect(abs(residual) < 1e-9)
    }

    @Test func logisticRegressionEncodesMissingAndCategories() throws {
        let data = try Dataset(
            featureNames: ["x", "kind"], columns: [[1, .nan, 3, 4, .nan, 6], [1, 2, 1, 2, 1, 3]],
            labels: [0, 1, 0, 1, 1, 0], categorical: [false, true])
        let model = try LogisticRegression.fit(data)
        #expect(model.columnNames == ["x", "x missing", "kind=1.0", "kind=2.0", "kind=3.0"])
        #expect(model.coefficients[1] > 0)  // missing x goes with positives here
        #expect(model.margin([.nan, 9]).isFinite)
    }

    /// The fit sums only each row's non-zero design columns; Newton's method over every column, zeros included,
    /// must reach the same coefficients to the bit.
    @Test func skippingZeroColumnsChangesNoBit() throws {
        let data = try Dataset(
            featureNames: ["x", "kind", "y"],
            columns: [[1, .nan, 3, 4, .nan, 6, 2, 5], [1, 2, 1, 2, 1, 3, 3, 2], [0.5, 2, .nan, 1, 1, 0, 3, 2]],
            labels: [0, 1, 0, 1, 1, 0, 1, 0], categorical: [false, true, false])
        let model = try LogisticRegression.fit(data)
        let encoder = DesignEncoder(fitting: data)
        let width = encoder.columns.count + 1
        var beta = [Double](repeating: 0, count: width)
        beta[0] = LogisticLoss.logit(data.prevalence)
        for _ in 0..<model.iterations {
            var gradient = [Double](repeating: 0, count: width)
            var hessian = [Double](repeating: 0, count: width * width)
            for row in 0..<data.rowCount {
                let x = [1] + encoder.columns.indices.map { c in encoder.encode(c) { data.columns[$0][row] } }
                var margin = 0.0
                for column in 0..<width { margin += beta[column] * x[column] }
                let p = LogisticLoss.sigmoid(margin)
                let g = Double(data.weight(row)) * (p - Double(data.labels[row]))
                let h = Double(data.weight(row)) * max(p * (1 - p), 1e-12)
                for i in 0..<width {
                    gradient[i] += g * x[i]
                    for j in 0...i { hessian[i * width + j] += h * x[i] * x[j] }
                }
            }
            for i in 1..<width {
                gradient[i] += beta[i]
                hessian[i * width + i] += 1
            }
            for i in 0..<width { for j in 0..<i { hessian[j * width + i] = hessian[i * width + j] } }
            let step = CholeskySolver.solve(hessian, gradient, size: width)
            for i in 0..<width { beta[i] -= step[i] }
        }
        #expect(model.iterations > 1)
        #expect(model.intercept == beta[0] && model.coefficients == Array(beta.dropFirst()))
    }

    @Test func logisticRegressionIsDeterministic() throws {
        let data = try TrainFixtures.synthetic(rows: 800)
        #expect(try LogisticRegression.fit(data) == LogisticRegression.fit(data))
    }
}
