import Foundation

/// Binary logistic loss on margins (log-odds): the derivatives the trees fit, and the link.
///
/// Everything is in `Double`, with the same operations the JavaScript scorer uses, so a margin
/// and its probability are the same numbers in both.
public enum LogisticLoss {
    /// Smallest hessian, as XGBoost, so a saturated row never makes a zero denominator.
    public static let minHessian = 1e-16

    /// The probability of a margin: 1 / (1 + e^(−margin)).
    @inline(__always)
    public static func sigmoid(_ margin: Double) -> Double { 1 / (1 + exp(-margin)) }

    /// The margin of a probability: log(p / (1 − p)).
    public static func logit(_ probability: Double) -> Double { log(probability / (1 - probability)) }

    /// First derivative of the loss with respect to the margin: w · (p − y).
    @inline(__always)
    public static func gradient(probability: Double, label: UInt8, weight: Double) -> Double {
        weight * (probability - Double(label))
    }

    /// Second derivative: w · max(p (1 − p), 1e-16).
    @inline(__always)
    public static func hessian(probability: Double, weight: Double) -> Double {
        weight * max(probability * (1 - probability), minHessian)
    }

    /// The loss of one row: −w · (y log p + (1 − y) log(1 − p)), with p clipped to [1e-15, 1 − 1e-15].
    public static func loss(probability: Double, label: UInt8, weight: Double = 1) -> Double {
        let p = min(max(probability, 1e-15), 1 - 1e-15)
        return -weight * (label == 1 ? log(p) : log(1 - p))
    }
}
