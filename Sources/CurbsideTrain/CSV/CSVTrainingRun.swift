import CurbsideModel
import Foundation

/// `curbside train --csv FILE --label COLUMN [--split COLUMN]`: gradient-boosted trees on any CSV
/// of numbers, evaluated on held-out rows.
///
/// CSV bytes → `prepare` (columns → train and test `Dataset`s) → `GradientBoostedTrees.fit` (timed)
/// → test `Evaluation` → `CSVTrainingResult`, whose `summaryLine` is the command's last line.
///
/// Columns: the label holds 0 or 1; the split column (optional) holds `train` or `test`, and
/// without it the last 20% of rows (rounded down) are the test set. Every other column whose
/// fields are all numbers is a feature, an empty field (or `NaN`) being missing; a column with any
/// other text is skipped, with a note naming its first such line.
public struct CSVTrainingRun: Sendable {
    public var label: String
    public var split: String?
    /// Defaults: depth 6, η 0.1, 300 rounds, 256 bins, 2 threads.
    public var parameters: GBTParameters

    public init(label: String, split: String? = nil, parameters: GBTParameters = GBTParameters()) {
        self.label = label
        self.split = split
        self.parameters = parameters
    }

    /// Reads, trains and evaluates.
    /// - Parameters:
    ///   - csv: the file's bytes.
    ///   - source: the file name for messages.
    ///   - clock: times the training (binning and boosting, not reading or evaluating).
    /// - Throws: `CSVTrainingError`.
    public func run(csv: [UInt8], source: String, clock: any WallClock = SystemClock()) throws -> CSVTrainingResult {
        let data = try prepare(csv: csv, source: source)
        let start = clock.now()
        let model: GBTModel
        do {
            model = try GradientBoostedTrees(parameters: parameters).fit(data.train)
        } catch let error as TrainingError {
            throw CSVTrainingError(source: source, reason: .training(error))
        }
        let seconds = clock.now() - start
        let probabilities = try model.probabilities(for: data.test)
        return CSVTrainingResult(
            model: model, notes: data.notes, trainRows: data.train.rowCount, testRows: data.test.rowCount,
            trainSeconds: seconds,
            test: Evaluation(probabilities: probabilities, labels: data.test.labels, threshold: model.threshold))
    }

    /// Reads the file at `path` and runs on it.
    /// - Throws: `CSVTrainingError`.
    public func run(file path: String, clock: any WallClock = SystemClock()) throws -> CSVTrainingResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVTrainingError(source: path, reason: .unreadable)
        }
        return try run(csv: Array(data), source: path, clock: clock)
    }
}

/// The rows of a CSV, split for training and testing.
public struct CSVTrainingData: Sendable {
    public let train: Dataset
    public let test: Dataset
    /// Columns skipped, and why.
    public let notes: [String]
}
