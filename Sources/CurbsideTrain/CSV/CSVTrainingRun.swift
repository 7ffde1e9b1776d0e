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
        try run(try prepare(csv: csv, source: source), source: source, clock: clock)
    }

    /// Reads the file at `path` a chunk at a time and runs on it.
    /// - Throws: `CSVTrainingError`.
    public func run(file path: String, clock: any WallClock = SystemClock()) throws -> CSVTrainingResult {
        try run(try prepare(file: path), source: path, clock: clock)
    }

    /// Trains on `data`'s train rows, handing the trainer its only reference so it can let their values go once
    /// binned, then scores the test rows.
    private func run(_ data: consuming CSVTrainingData, source: String, clock: any WallClock) throws
        -> CSVTrainingResult
    {
        let (train, test, notes) = (data.train, data.test, data.notes)
        _ = consume data
        let trainRows = train.rowCount
        let start = clock.now()
        let model: GBTModel
        do {
            model = try GradientBoostedTrees(parameters: parameters).fit(consume train)
        } catch let error as TrainingError {
            throw CSVTrainingError(source: source, reason: .training(error))
        }
        let seconds = clock.now() - start
        let probabilities = try model.probabilities(for: test)
        return CSVTrainingResult(
            model: model, notes: notes, trainRows: trainRows, testRows: test.rowCount, trainSeconds: seconds,
            test: Evaluation(probabilities: probabilities, labels: test.labels, threshold: model.threshold))
    }
}

/// The rows of a CSV, split for training and testing.
public struct CSVTrainingData: Sendable {
    public let train: Dataset
    public let test: Dataset
    /// Columns skipped, and why.
    public let notes: [String]
}
