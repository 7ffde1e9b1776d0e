import CurbsideModel

/// Trains and evaluates the hit-and-run classifier on Chicago's silver crashes, split by time: the
/// oldest rows train, the next ones validate (early stopping and the F1 threshold), the newest test.
/// Beside it, on the same features and split, a prevalence baseline and a logistic regression.
public struct HitAndRunTraining: Sendable {
    public var parameters: GBTParameters
    public var trainFraction: Double
    public var validationFraction: Double

    /// The fewest rows, and positives, each split needs for an evaluation worth publishing.
    public static let minimumRows = 20
    public static let minimumPositives = 2

    public init(parameters: GBTParameters, trainFraction: Double, validationFraction: Double) {
        self.parameters = parameters
        self.trainFraction = trainFraction
        self.validationFraction = validationFraction
    }

    /// - Parameter table: rows of `HitAndRunFeatures.selectSQL`, oldest first.
    /// - Throws: `HitAndRunError` when a split is too small or has too few hit-and-runs to learn or judge.
    public func run(_ table: QueryTable) throws -> HitAndRunResult { try run(HitAndRunRows(table)) }

    /// - Parameter rows: the window's crashes, oldest first.
    /// - Throws: `HitAndRunError` when a split is too small or has too few hit-and-runs to learn or judge.
    public func run(_ rows: HitAndRunRows) throws -> HitAndRunResult {
        let features = rows.features
        let n = rows.count
        let trainEnd = Int((Double(n) * trainFraction).rounded(.down))
        let validationEnd = trainEnd + Int((Double(n) * validationFraction).rounded(.down))
        let ranges = [0..<trainEnd, trainEnd..<validationEnd, validationEnd..<n]
        let labels = rows.labels
        for (name, range) in zip(["training", "validation", "test"], ranges) {
            let positives = range.reduce(0) { $0 + Int(labels[$1]) }
            guard range.count >= Self.minimumRows, positives >= Self.minimumPositives,
                positives < range.count
            else {
                throw HitAndRunError(
                    split: name, rows: range.count, positives: positives, total: n)
            }
        }
        let encoding = CategoryEncoding(features: features, rows: rows, training: ranges[0])
        func dataset(_ range: Range<Int>) throws -> Dataset {
            try Dataset(
                featureNames: features.map(\.name), columns: rows.columns(range, encoding: encoding),
                labels: Array(labels[range]), categorical: features.map(\.categorical))
        }
        let train = try dataset(ranges[0])
        let validation = try dataset(ranges[1])
        let test = try dataset(ranges[2])
        var model = try GradientBoostedTrees(parameters: parameters).fit(train, validation: validation)
        let validationScores = try model.probabilities(for: validation)
        model.threshold =
            ConfusionMatrix.bestF1Threshold(probabilities: validationScores, labels: validation.labels)?.threshold
            ?? 0.5
        let testScores = try model.probabilities(for: test)

        let logistic = try LogisticRegression.fit(train)
        let logisticThreshold =
            ConfusionMatrix.bestF1Threshold(
                probabilities: try logistic.probabilities(for: validation), labels: validation.labels)?.threshold ?? 0.5
        let logisticScores = try logistic.probabilities(for: test)
        let prevalence = try PrevalenceBaseline.fit(train)
        // A constant score: at a threshold at or below it every crash is called a hit-and-run.
        let prevalenceScores = prevalence.probabilities(for: test)

        func dates(_ range: Range<Int>) -> (first: String, last: String) {
            (rows.days[range.lowerBound], rows.days[range.upperBound - 1])
        }
        return HitAndRunResult(
            model: model, encoding: encoding,
            splits: zip(["train", "validation", "test"], ranges).map { name, range in
                HitAndRunResult.Split(
                    name: name, rows: range.count, positives: range.reduce(0) { $0 + Int(labels[$1]) },
                    first: dates(range).first, last: dates(range).last)
            },
            test: Evaluation(probabilities: testScores, labels: test.labels, threshold: model.threshold),
            validation: Evaluation(
                probabilities: validationScores, labels: validation.labels, threshold: model.threshold),
            logistic: Evaluation(probabilities: logisticScores, labels: test.labels, threshold: logisticThreshold),
            prevalence: Evaluation(
                probabilities: prevalenceScores, labels: test.labels, threshold: prevalence.prevalence),
            roc: RankingMetrics.rocCurve(scores: testScores, labels: test.labels),
            logisticROC: RankingMetrics.rocCurve(scores: logisticScores, labels: test.labels),
            precisionRecall: RankingMetrics.precisionRecallCurve(scores: testScores, labels: test.labels),
            testRows: (0..<test.rowCount).map { test.row($0) })
    }
}

/// Why no model was trained: a split too small, or without enough hit-and-runs (or with only them).
public struct HitAndRunError: Error, CustomStringConvertible, Equatable, Sendable {
    public var split: String
    public var rows: Int
    public var positives: Int
    public var total: Int

    public var description: String {
        "the \(split) split has \(rows) crash(es), \(positives) of them hit-and-runs (of \(total) in the window); "
            + "a model needs at least \(HitAndRunTraining.minimumRows) crashes and \(HitAndRunTraining.minimumPositives) "
            + "hit-and-runs, and some that are not, in each split: no model is published"
    }
}
