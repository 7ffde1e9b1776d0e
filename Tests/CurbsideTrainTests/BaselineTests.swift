import CurbsideTrain
import Testing

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

    @Test func logisticRegressionIsDeterministic() throws {
        let data = try TrainFixtures.synthetic(rows: 800)
        #expect(try LogisticRegression.fit(data) == LogisticRegression.fit(data))
    }
}
