/// The settings of gradient-boosted trees; the defaults match XGBoost's `hist` with depth-wise
/// growth, except the base score, which starts from the training prevalence.
public struct GBTParameters: Sendable, Equatable {
    /// Deepest level a leaf can sit at (the root is depth 0), 1…16.
    public var maxDepth = 6
    /// Shrinkage η applied to every leaf value.
    public var learningRate = 0.1
    /// Trees to grow (fewer when early stopping ends training).
    public var rounds = 300
    /// Each child of a split needs at least this much hessian (weighted row count at p = 0.5 × 4).
    public var minChildWeight = 1.0
    /// L2 penalty λ on leaf values.
    public var lambda = 1.0
    /// Minimum gain γ a split must reach.
    public var minSplitGain = 0.0
    /// Share of rows each tree sees, drawn anew per tree (0, 1].
    public var subsample = 1.0
    /// Share of features each tree may split on, drawn anew per tree (0, 1].
    public var colsampleByTree = 1.0
    /// Seeds row and feature sampling.
    public var seed: UInt64 = 0
    /// Stop when validation log loss has not improved for this many rounds, and keep the best round.
    public var earlyStoppingRounds: Int?
    /// Multiplies the weight of positive rows (XGBoost's `scale_pos_weight`).
    public var scalePosWeight = 1.0
    /// Bins per feature including the missing bin, 2…256.
    public var maxBins = 256
    /// Starting probability; nil means the weighted training prevalence.
    public var baseScore: Double?
    /// Threads for binning, histograms and partitions. Not part of the model: any count gives the
    /// same bytes.
    public var threads = 2

    public init() {}

    /// - Throws: `TrainingError.Reason.badParameter` for the first value out of range.
    public func validate() throws {
        func check(_ ok: Bool, _ name: String, _ rule: String) throws {
            if !ok { throw TrainingError(.badParameter(name: name, rule: rule)) }
        }
        try check((1...16).contains(maxDepth), "maxDepth", "must be between 1 and 16, got \(maxDepth)")
        try check(learningRate > 0 && learningRate <= 1, "learningRate", "must be in (0, 1], got \(learningRate)")
        try check(rounds >= 1, "rounds", "must be at least 1, got \(rounds)")
        try check(minChildWeight >= 0, "minChildWeight", "must be ≥ 0, got \(minChildWeight)")
        try check(lambda >= 0, "lambda", "must be ≥ 0, got \(lambda)")
        try check(minSplitGain >= 0, "minSplitGain", "must be ≥ 0, got \(minSplitGain)")
        try check(subsample > 0 && subsample <= 1, "subsample", "must be in (0, 1], got \(subsample)")
        try check(
            colsampleByTree > 0 && colsampleByTree <= 1, "colsampleByTree", "must be in (0, 1], got \(colsampleByTree)")
        if let rounds = earlyStoppingRounds {
            try check(rounds >= 1, "earlyStoppingRounds", "must be at least 1, got \(rounds)")
        }
        try check(scalePosWeight > 0, "scalePosWeight", "must be > 0, got \(scalePosWeight)")
        try check((2...256).contains(maxBins), "maxBins", "must be between 2 and 256, got \(maxBins)")
        if let baseScore {
            try check(baseScore > 0 && baseScore < 1, "baseScore", "must be in (0, 1), got \(baseScore)")
        }
        try check(threads >= 1, "threads", "must be at least 1, got \(threads)")
    }
}
