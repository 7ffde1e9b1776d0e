import CurbsideModel

/// Gradient-boosted trees for binary classification: binary logistic loss, histogram split
/// search on quantile bins, depth-wise growth.
///
/// Data flow: `Dataset` → `QuantileBinner` (bins) → `BinnedMatrix` → per round: gradients →
/// `TreeGrower` (histograms, splits, partitions) → margins → `GBTModel`.
///
/// The same data, parameters and seed give a byte-identical model for any `threads`.
public struct GradientBoostedTrees: Sendable {
    public var parameters: GBTParameters

    public init(parameters: GBTParameters = GBTParameters()) { self.parameters = parameters }

    /// Trains on `train`, watching log loss on `validation` (needed for early stopping).
    ///
    /// Once binned, the training rows' values are let go: a caller that hands over its last reference
    /// (`fit(consume train)`) does not hold them through the rounds (5M rows × 20 features: 320 MB).
    /// - Parameters:
    ///   - train: the training rows; both classes must carry weight.
    ///   - validation: rows with the same features, or nil.
    /// - Returns: the model; with early stopping, the trees up to the best validation round.
    /// - Throws: `TrainingError` for bad parameters, no rows, a single class or mismatched features.
    public func fit(_ train: consuming Dataset, validation: Dataset? = nil) throws -> GBTModel {
        try parameters.validate()
        guard train.rowCount > 0 else { throw TrainingError(.noRows) }
        if let validation, validation.featureNames != train.featureNames {
            throw TrainingError(.featureMismatch(expected: train.featureNames, found: validation.featureNames))
        }
        var weights = [Double](repeating: 0, count: train.rowCount)
        for row in weights.indices {
            weights[row] = Double(train.weight(row)) * (train.labels[row] == 1 ? parameters.scalePosWeight : 1)
        }
        var positive = 0.0
        var total = 0.0
        for (row, weight) in weights.enumerated() {
            total += weight
            if train.labels[row] == 1 { positive += weight }
        }
        guard positive > 0, positive < total else {
            throw TrainingError(.singleClass(positive > 0 ? 1 : 0))
        }
        let baseMargin = LogisticLoss.logit(parameters.baseScore ?? positive / total)

        let (featureNames, labels, contentHash, rowCount) = (
            train.featureNames, train.labels, train.contentHash, train.rowCount
        )
        let featureBins = try QuantileBinner(maxBins: parameters.maxBins).fit(train, threads: parameters.threads)
        let matrix = BinnedMatrix(consume train, bins: featureBins, threads: parameters.threads)
        var booster = BoostingState(
            grower: TreeGrower(matrix: matrix, bins: featureBins, parameters: parameters), labels: labels,
            weights: weights, baseMargin: baseMargin)
        var watch = validation.map { validation in
            ValidationWatch(
                matrix: BinnedMatrix(validation, bins: featureBins, threads: parameters.threads),
                labels: validation.labels, weights: (0..<validation.rowCount).map { Double(validation.weight($0)) },
                baseMargin: baseMargin, threads: parameters.threads)
        }

        var random = SplitMix64(seed: parameters.seed)
        var trees = [DecisionTree]()
        var history = [Double]()
        var best = (round: 0, loss: Double.infinity)
        for round in 0..<parameters.rounds {
            let tree = booster.round(random: &random)
            trees.append(tree)
            guard let loss = watch?.add(tree) else { continue }
            history.append(loss)
            if loss < best.loss { best = (round, loss) }
            if let patience = parameters.earlyStoppingRounds, round - best.round >= patience { break }
        }
        if parameters.earlyStoppingRounds != nil, !history.isEmpty { trees = Array(trees.prefix(best.round + 1)) }
        return GBTModel(
            featureNames: featureNames, featureBins: featureBins, trees: trees, baseMargin: baseMargin,
            parameters: parameters, trainingDataSHA256: contentHash, trainingRows: rowCount,
            validationLogLoss: history, bestRound: history.isEmpty ? nil : best.round)
    }
}
