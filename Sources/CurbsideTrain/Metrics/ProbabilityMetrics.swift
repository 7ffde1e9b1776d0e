/// Metrics of probabilities as probabilities: how sharp and how honest they are.
public enum ProbabilityMetrics {
    /// Mean log loss, probabilities clipped to [1e-15, 1 − 1e-15] (sklearn's `log_loss`); 0 rows → NaN.
    public static func logLoss(probabilities: [Double], labels: [UInt8]) -> Double {
        guard !labels.isEmpty else { return .nan }
        var total = 0.0
        for (p, label) in zip(probabilities, labels) { total += LogisticLoss.loss(probability: p, label: label) }
        return total / Double(labels.count)
    }

    /// Brier score: the mean of (p − y)²; 0 rows → NaN.
    public static func brier(probabilities: [Double], labels: [UInt8]) -> Double {
        guard !labels.isEmpty else { return .nan }
        var total = 0.0
        for (p, label) in zip(probabilities, labels) {
            let error = p - Double(label)
            total += error * error
        }
        return total / Double(labels.count)
    }

    /// The calibration curve: 10 equal-width bins of predicted probability, [0, 0.1), …, [0.9, 1.0]
    /// (1.0 falls in the last); only bins that hold rows are listed.
    public static func calibration(probabilities: [Double], labels: [UInt8], bins: Int = 10) -> [CalibrationBin] {
        var predicted = [Double](repeating: 0, count: bins)
        var observed = [Int](repeating: 0, count: bins)
        var counts = [Int](repeating: 0, count: bins)
        for (p, label) in zip(probabilities, labels) {
            let bin = min(max(Int(p * Double(bins)), 0), bins - 1)
            predicted[bin] += p
            observed[bin] += Int(label)
            counts[bin] += 1
        }
        return (0..<bins).filter { counts[$0] > 0 }.map { bin in
            CalibrationBin(
                lower: Double(bin) / Double(bins), upper: Double(bin + 1) / Double(bins),
                meanPredicted: predicted[bin] / Double(counts[bin]),
                observedRate: Double(observed[bin]) / Double(counts[bin]), count: counts[bin])
        }
    }
}

/// Rows whose predicted probability fell in [lower, upper): their mean prediction and positive rate.
public struct CalibrationBin: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let meanPredicted: Double
    public let observedRate: Double
    public let count: Int
}
