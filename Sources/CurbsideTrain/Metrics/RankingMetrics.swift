/// Metrics of how well scores rank positives above negatives; tied scores count as one threshold.
///
/// Each returns NaN when the labels hold a single class (the metric is undefined there).
public enum RankingMetrics {
    /// ROC AUC: the trapezoid area under the ROC curve, ties joined by a straight segment; equal to
    /// the probability that a random positive outscores a random negative, ties counting half
    /// (sklearn's `roc_auc_score`).
    public static func rocAUC(scores: [Double], labels: [UInt8]) -> Double {
        let groups = tieGroups(scores: scores, labels: labels)
        guard let last = groups.last, last.truePositives > 0, last.falsePositives > 0 else { return .nan }
        var area = 0.0
        var previous = (tp: 0.0, fp: 0.0)
        for group in groups {
            let tp = Double(group.truePositives)
            let fp = Double(group.falsePositives)
            area += (fp - previous.fp) * (tp + previous.tp) / 2
            previous = (tp, fp)
        }
        return area / (Double(last.truePositives) * Double(last.falsePositives))
    }

    /// Average precision: Σ (Rₙ − Rₙ₋₁) Pₙ over the distinct scores, highest first, a step function
    /// without interpolation (sklearn's `average_precision_score`).
    public static func averagePrecision(scores: [Double], labels: [UInt8]) -> Double {
        let groups = tieGroups(scores: scores, labels: labels)
        guard let last = groups.last, last.truePositives > 0 else { return .nan }
        let positives = Double(last.truePositives)
        var sum = 0.0
        var previousRecall = 0.0
        for group in groups {
            let recall = Double(group.truePositives) / positives
            let precision = Double(group.truePositives) / Double(group.truePositives + group.falsePositives)
            sum += (recall - previousRecall) * precision
            previousRecall = recall
        }
        return sum
    }

    /// The ROC curve from (0, 0) to (1, 1): one point per distinct score, highest score first.
    public static func rocCurve(scores: [Double], labels: [UInt8]) -> [CurvePoint] {
        let groups = tieGroups(scores: scores, labels: labels)
        guard let last = groups.last, last.truePositives > 0, last.falsePositives > 0 else { return [] }
        let p = Double(last.truePositives)
        let n = Double(last.falsePositives)
        return [CurvePoint(x: 0, y: 0, threshold: .infinity)]
            + groups.map {
                CurvePoint(x: Double($0.falsePositives) / n, y: Double($0.truePositives) / p, threshold: $0.score)
            }
    }

    /// The precision–recall curve: (recall, precision) per distinct score, highest score first.
    public static func precisionRecallCurve(scores: [Double], labels: [UInt8]) -> [CurvePoint] {
        let groups = tieGroups(scores: scores, labels: labels)
        guard let last = groups.last, last.truePositives > 0 else { return [] }
        let p = Double(last.truePositives)
        return groups.map {
            CurvePoint(
                x: Double($0.truePositives) / p,
                y: Double($0.truePositives) / Double($0.truePositives + $0.falsePositives), threshold: $0.score)
        }
    }

    /// Cumulative counts after each distinct score, highest first: rows scoring ≥ `score`.
    static func tieGroups(scores: [Double], labels: [UInt8]) -> [TieGroup] {
        precondition(scores.count == labels.count, "one label per score")
        let order = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        var groups = [TieGroup]()
        var tp = 0
        var fp = 0
        for (position, row) in order.enumerated() {
            if labels[row] == 1 { tp += 1 } else { fp += 1 }
            if position + 1 == order.count || scores[order[position + 1]] != scores[row] {
                groups.append(TieGroup(score: scores[row], truePositives: tp, falsePositives: fp))
            }
        }
        return groups
    }
}

/// Counts of the rows scoring at or above one distinct score.
struct TieGroup {
    var score: Double
    var truePositives: Int
    var falsePositives: Int
}

/// A point of a ROC (x = false positive rate, y = true positive rate) or PR (x = recall,
/// y = precision) curve, and the score threshold it belongs to (rows ≥ threshold are positive).
public struct CurvePoint: Sendable, Equatable {
    public let x: Double
    public let y: Double
    public let threshold: Double
}
