import CurbsideModel

/// A trained ensemble: a row's margin is `baseMargin` plus one leaf value per tree, added in tree
/// order in `Double`; its probability is `1 / (1 + exp(−margin))`. The JavaScript scorer
/// (`ModelScorerJS`) does the same operations in the same order, so both give the same numbers.
public struct GBTModel: Sendable, Equatable {
    public let featureNames: [String]
    /// Each feature's encoding: numeric bins, or the known category codes.
    public let featureBins: [FeatureBins]
    public let trees: [DecisionTree]
    /// The starting margin: the logit of the base score.
    public let baseMargin: Double
    public let parameters: GBTParameters
    /// SHA-256 of the training data (`Dataset.contentHash`).
    public let trainingDataSHA256: String
    public let trainingRows: Int
    /// Validation log loss after each round (empty without validation rows).
    public let validationLogLoss: [Double]
    /// The round (0-based) with the lowest validation log loss, when there was validation.
    public let bestRound: Int?
    /// The program that trained the model.
    public let programVersion: String
    /// Probability at or above which a row is called positive.
    public var threshold = 0.5
    /// The trees in flat arrays for scoring.
    private let forest: FlatForest

    init(
        featureNames: [String], featureBins: [FeatureBins], trees: [DecisionTree], baseMargin: Double,
        parameters: GBTParameters, trainingDataSHA256: String, trainingRows: Int, validationLogLoss: [Double],
        bestRound: Int?
    ) {
        self.featureNames = featureNames
        self.featureBins = featureBins
        self.trees = trees
        self.baseMargin = baseMargin
        self.parameters = parameters
        self.trainingDataSHA256 = trainingDataSHA256
        self.trainingRows = trainingRows
        self.validationLogLoss = validationLogLoss
        self.bestRound = bestRound
        programVersion = ProgramVersion.current
        forest = FlatForest(trees: trees, known: featureBins.map(\.categories))
    }

    public static func == (a: GBTModel, b: GBTModel) -> Bool {
        a.featureNames == b.featureNames && a.featureBins == b.featureBins && a.trees == b.trees
            && a.baseMargin == b.baseMargin && a.parameters == b.parameters
            && a.trainingDataSHA256 == b.trainingDataSHA256 && a.trainingRows == b.trainingRows
            && a.validationLogLoss == b.validationLogLoss && a.bestRound == b.bestRound
            && a.programVersion == b.programVersion && a.threshold == b.threshold
    }

    /// The margin (log-odds) of one row of raw values in feature order; NaN is missing.
    public func margin(_ row: [Float]) -> Double {
        row.withUnsafeBufferPointer { forest.margin(base: baseMargin, row: $0) }
    }

    /// The probability of the positive class for one row.
    public func probability(_ row: [Float]) -> Double { LogisticLoss.sigmoid(margin(row)) }

    /// The margin of every row of `dataset`.
    /// - Throws: `TrainingError.Reason.featureMismatch` when its features are not the model's.
    public func margins(for dataset: Dataset) throws -> [Double] {
        guard dataset.featureNames == featureNames else {
            throw TrainingError(.featureMismatch(expected: featureNames, found: dataset.featureNames))
        }
        // Rows are independent: score blocks of them on the training's thread count.
        let rowCount = dataset.rowCount
        let block = 4096
        var margins = [Double](repeating: 0, count: rowCount)
        margins.withUnsafeMutableBufferPointer { buffer in
            let out = SharedPointer(buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!)
            WorkerPool(threads: parameters.threads).run(tasks: (rowCount + block - 1) / block) { task in
                var values = [Float](repeating: 0, count: dataset.featureCount)
                for row in task * block..<min(rowCount, (task + 1) * block) {
                    for feature in values.indices { values[feature] = dataset.columns[feature][row] }
                    out[row] = margin(values)
                }
            }
        }
        return margins
    }

    /// The probability of every row of `dataset`.
    public func probabilities(for dataset: Dataset) throws -> [Double] {
        try margins(for: dataset).map(LogisticLoss.sigmoid)
    }

    /// Total split gain and split count per feature, in feature order.
    public var featureImportance: [FeatureImportance] {
        var gains = [Double](repeating: 0, count: featureNames.count)
        var splits = [Int](repeating: 0, count: featureNames.count)
        for tree in trees {
            for node in tree.nodes where node.kind != .leaf {
                gains[node.feature] += node.gain
                splits[node.feature] += 1
            }
        }
        return featureNames.indices.map {
            FeatureImportance(feature: featureNames[$0], gain: gains[$0], splits: splits[$0])
        }
    }
}

/// How much a feature's splits reduced the loss over the whole ensemble.
public struct FeatureImportance: Sendable, Equatable {
    public let feature: String
    /// Sum of the gains of the feature's splits.
    public let gain: Double
    /// Number of splits on the feature.
    public let splits: Int
}
