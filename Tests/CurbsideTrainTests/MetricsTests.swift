import CurbsideTrain
import Foundation
import Testing

/// Expected values were worked by hand and agree with sklearn's `roc_auc_score`,
/// `average_precision_score`, `log_loss` and `brier_score_loss`.
@Suite struct MetricsTests {
    @Test(arguments: [
        ([0.1, 0.4, 0.35, 0.8], [UInt8(0), 0, 1, 1], 0.75),
        ([0.5, 0.5, 0.5, 0.5], [UInt8(0), 1, 0, 1], 0.5),
        // The tie between a positive and a negative at 0.5 counts half: (1 + 1 + 1 + 0.5) / 4.
        ([0.1, 0.5, 0.5, 0.9], [UInt8(0), 0, 1, 1], 0.875),
        // Positives beat negatives in 3 of the 6 pairs.
        ([0.9, 0.8, 0.7, 0.6, 0.5], [UInt8(1), 0, 1, 0, 1], 0.5),
        ([0.2, 0.3], [UInt8(1), 0], 0.0),
    ])
    func rocAUC(scores: [Double], labels: [UInt8], expected: Double) {
        #expect(abs(RankingMetrics.rocAUC(scores: scores, labels: labels) - expected) < 1e-12)
    }

    @Test(arguments: [
        ([0.1, 0.4, 0.35, 0.8], [UInt8(0), 0, 1, 1], 5.0 / 6.0),
        ([0.5, 0.5, 0.5, 0.5], [UInt8(0), 1, 0, 1], 0.5),
        // Precision at each positive: 1, 2/3, 3/5.
        ([0.9, 0.8, 0.7, 0.6, 0.5], [UInt8(1), 0, 1, 0, 1], (1 + 2.0 / 3.0 + 3.0 / 5.0) / 3),
        // A tie group counts once, at its precision: recall 0.5 at 1/1, then 0.5 more at 2/3.
        ([0.9, 0.4, 0.4], [UInt8(1), 1, 0], 0.5 + 0.5 * 2.0 / 3.0),
    ])
    func averagePrecision(scores: [Double], labels: [UInt8], expected: Double) {
        #expect(abs(RankingMetrics.averagePrecision(scores: scores, labels: labels) - expected) < 1e-12)
    }

    @Test func singleClassIsUndefined() {
        #expect(RankingMetrics.rocAUC(scores: [0.1, 0.2], labels: [1, 1]).isNaN)
        #expect(RankingMetrics.averagePrecision(scores: [0.1, 0.2], labels: [0, 0]).isNaN)
    }

    @Test func curvesRunFromTheHighestScore() {
        let roc = RankingMetrics.rocCurve(scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1])
        #expect(roc.map(\.x) == [0, 0, 0.5, 0.5, 1])
        #expect(roc.map(\.y) == [0, 0.5, 0.5, 1, 1])
        let pr = RankingMetrics.precisionRecallCurve(scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1])
        #expect(pr.map(\.x) == [0.5, 0.5, 1, 1])
        #expect(pr.map(\.threshold) == [0.8, 0.4, 0.35, 0.1])
    }

    @Test func logLossAndBrier() {
        let expected = -(log(0.8) + log(0.7)) / 2
        #expect(abs(ProbabilityMetrics.logLoss(probabilities: [0.2, 0.7], labels: [0, 1]) - expected) < 1e-12)
        #expect(abs(ProbabilityMetrics.brier(probabilities: [0.2, 0.7], labels: [0, 1]) - 0.065) < 1e-12)
        // p = 1 is clipped to 1 − 1e-15, as sklearn does.
        #expect(ProbabilityMetrics.logLoss(probabilities: [1], labels: [0]) == -log(1 - (1 - 1e-15)))
    }

    @Test func confusionAtAThreshold() {
        let matrix = ConfusionMatrix(
            probabilities: [0.9, 0.8, 0.7, 0.3, 0.2], labels: [1, 0, 1, 1, 0], threshold: 0.7)
        #expect(matrix == ConfusionMatrix(truePositives: 2, falsePositives: 1, trueNegatives: 1, falseNegatives: 1))
        #expect(matrix.precision == 2.0 / 3.0)
        #expect(matrix.recall == 2.0 / 3.0)
        #expect(abs(matrix.f1 - 2.0 / 3.0) < 1e-12)
        #expect(matrix.accuracy == 0.6)
    }

    @Test func bestF1ThresholdTriesEveryDistinctScore() throws {
        // F1 by threshold: 0.9 → 1/2, 0.8 → 2/5, 0.7 → 2/3, 0.3 → 6/7, 0.2 → 3/4.
        let best = try #require(
            ConfusionMatrix.bestF1Threshold(probabilities: [0.9, 0.8, 0.7, 0.3, 0.2], labels: [1, 0, 1, 1, 0]))
        #expect(best.threshold == 0.3)
        #expect(abs(best.f1 - 6.0 / 7.0) < 1e-12)
        #expect(ConfusionMatrix.bestF1Threshold(probabilities: [0.5], labels: [0]) == nil)
    }

    @Test func bestF1TiesGoToTheHigherThreshold() throws {
        // Thresholds 0.8 and 0.6 both give F1 2/3.
        let best = try #require(
            ConfusionMatrix.bestF1Threshold(probabilities: [0.8, 0.6, 0.4], labels: [1, 0, 0]))
        #expect(best.threshold == 0.8)
    }

    @Test func calibrationUsesTenEqualBins() {
        let bins = ProbabilityMetrics.calibration(
            probabilities: [0.05, 0.15, 0.12, 0.95, 1.0], labels: [0, 1, 0, 1, 1])
        #expect(bins.map(\.count) == [1, 2, 2])
        #expect(bins.map(\.lower) == [0, 0.1, 0.9])
        #expect(abs(bins[1].meanPredicted - 0.135) < 1e-12)
        #expect(bins[1].observedRate == 0.5)
        #expect(bins[2].observedRate == 1)
    }

    @Test func evaluationGathersEverything() {
        let evaluation = Evaluation(probabilities: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1], threshold: 0.3)
        #expect(evaluation.rows == 4)
        #expect(evaluation.positives == 2)
        #expect(evaluation.rocAUC == 0.75)
        #expect(evaluation.recall == 1)
        #expect(evaluation.precision == 2.0 / 3.0)
    }
}

@Suite struct EvaluationJSONTests {
    @Test func metricsJSONIsSortedAndComplete() {
        let evaluation = Evaluation(probabilities: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1], threshold: 0.3)
        let text = evaluation.jsonText
        #expect(text.contains("\"roc_auc\": 0.75,"))
        #expect(text.contains("\"confusion\": {\n    \"false_negatives\": 0,\n    \"false_positives\": 1,\n"))
        let bin = "{\"count\":1,\"lower\":0.3,\"mean_predicted\":0.35,\"observed_rate\":1.0,\"upper\":0.4}"
        #expect(text.contains("\n    \(bin),\n"))
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
        #expect(keys.count == 12)
    }
}
