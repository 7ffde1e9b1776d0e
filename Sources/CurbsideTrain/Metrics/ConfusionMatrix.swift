/// Counts of a classification at one threshold: a row is called positive when its probability is
/// at or above the threshold.
public struct ConfusionMatrix: Sendable, Equatable {
    public let truePositives: Int
    public let falsePositives: Int
    public let trueNegatives: Int
    public let falseNegatives: Int

    public init(truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// Counts rows with probability ≥ `threshold` as positive.
    public init(probabilities: [Double], labels: [UInt8], threshold: Double) {
        var tp = 0
        var fp = 0
        var tn = 0
        var fn = 0
        for (p, label) in zip(probabilities, labels) {
            switch (p >= threshold, label == 1) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, false): tn += 1
            case (false, true): fn += 1
            }
        }
        self.init(truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn)
    }

    /// TP / (TP + FP); 0 when nothing is called positive.
    public var precision: Double {
        truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
    }

    /// TP / (TP + FN); 0 when there are no positives.
    public var recall: Double {
        truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
    }

    /// 2 TP / (2 TP + FP + FN); 0 when that is 0 / 0.
    public var f1: Double {
        let denominator = 2 * truePositives + falsePositives + falseNegatives
        return denominator == 0 ? 0 : Double(2 * truePositives) / Double(denominator)
    }

    /// Share of rows classified correctly.
    public var accuracy: Double {
        let total = truePositives + falsePositives + trueNegatives + falseNegatives
        return total == 0 ? 0 : Double(truePositives + trueNegatives) / Double(total)
    }

    /// The threshold with the highest F1 on these rows (for choosing it on validation rows): every
    /// distinct probability is tried as a threshold; ties go to the higher threshold.
    /// - Returns: the threshold and its F1, or nil when no row is positive.
    public static func bestF1Threshold(probabilities: [Double], labels: [UInt8]) -> (threshold: Double, f1: Double)? {
        let groups = RankingMetrics.tieGroups(scores: probabilities, labels: labels)
        guard let last = groups.last, last.truePositives > 0 else { return nil }
        var best = (threshold: 0.0, f1: -1.0)
        for group in groups {
            let falseNegatives = last.truePositives - group.truePositives
            let f1 =
                Double(2 * group.truePositives)
                / Double(2 * group.truePositives + group.falsePositives + falseNegatives)
            if f1 > best.f1 { best = (group.score, f1) }
        }
        return best
    }
}
