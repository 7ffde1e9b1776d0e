/// Every metric of one set of predictions: what the model page and `metrics.json` report.
public struct Evaluation: Sendable, Equatable {
    public let rows: Int
    public let positives: Int
    public let rocAUC: Double
    /// Average precision.
    public let prAUC: Double
    public let logLoss: Double
    public let brier: Double
    /// The threshold the confusion matrix (and so precision, recall, F1) is taken at.
    public let threshold: Double
    public let confusion: ConfusionMatrix
    public let calibration: [CalibrationBin]

    /// - Parameters:
    ///   - probabilities: one predicted probability per row.
    ///   - labels: 0 or 1 per row.
    ///   - threshold: rows with probability ≥ threshold count as positive.
    public init(probabilities: [Double], labels: [UInt8], threshold: Double) {
        rows = labels.count
        positives = labels.count { $0 == 1 }
        rocAUC = RankingMetrics.rocAUC(scores: probabilities, labels: labels)
        prAUC = RankingMetrics.averagePrecision(scores: probabilities, labels: labels)
        logLoss = ProbabilityMetrics.logLoss(probabilities: probabilities, labels: labels)
        brier = ProbabilityMetrics.brier(probabilities: probabilities, labels: labels)
        self.threshold = threshold
        confusion = ConfusionMatrix(probabilities: probabilities, labels: labels, threshold: threshold)
        calibration = ProbabilityMetrics.calibration(probabilities: probabilities, labels: labels)
    }

    public var precision: Double { confusion.precision }
    public var recall: Double { confusion.recall }
    public var f1: Double { confusion.f1 }
}
