import ArgumentParser
import CurbsideModel
import CurbsideTrain
import Foundation

/// `curbside train --csv FILE --label COLUMN [--split COLUMN]`: the gradient-boosted trees trainer on
/// any numeric CSV, so anyone can compare it with XGBoost on their own data. Its last line is
/// `train_seconds=<s> test_auc=<auc>`.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the hit-and-run model on the warehouse's Chicago crashes, or, with --csv, on any numeric CSV.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "A CSV with a header line: numeric columns are features, an empty field is missing.")
    var csv: String?

    @Option(help: "The 0/1 label column.")
    var label: String?

    @Option(help: "A column holding train or test for each row (default: the last 20% of rows are the test set).")
    var split: String?

    @Option(help: "Maximum tree depth.") var depth = 6
    @Option(help: "Learning rate (eta).") var eta = 0.1
    @Option(help: "Boosting rounds.") var rounds = 300
    @Option(help: "Histogram bins per feature, one of them for missing values.") var bins = 256
    @Option(help: "Threads.") var threads = 2
    @Option(help: "Seed for row and column subsampling.") var seed: UInt64 = 0
    @Option(name: .customLong("model-out"), help: "Also write the model JSON here.") var modelOut: String?

    func run() async throws {
        guard let csv else {
            try await withPipeline(global, command: "train") { pipeline in
                switch try await pipeline.train() {
                case .trained(let s, let reused):
                    print(
                        "model \(s.modelID) (\(reused ? "unchanged" : "trained")): test F1 \(Pipeline.fixed(s.testF1)), "
                            + "ROC AUC \(Pipeline.fixed(s.testROCAUC)), threshold \(Pipeline.fixed(s.threshold))")
                case .skipped(let reason): throw CommandError(.failed("train: \(reason)"))
                case nil: throw CommandError(.failed("train: Chicago or the model is disabled in the config"))
                }
            }
            return
        }
        guard let label else { throw ValidationError("--csv needs --label COLUMN (the 0/1 label column)") }
        var parameters = GBTParameters()
        parameters.maxDepth = depth
        parameters.learningRate = eta
        parameters.rounds = rounds
        parameters.maxBins = bins
        parameters.threads = threads
        parameters.seed = seed
        let result: CSVTrainingResult
        do {
            result = try CSVTrainingRun(label: label, split: split, parameters: parameters).run(file: csv)
        } catch {
            throw CommandError(.failed("\(error)"))
        }
        for note in result.notes { print("note: \(note)") }
        let t = result.test
        print("train rows \(result.trainRows), test rows \(result.testRows) (\(t.positives) positive)")
        print(
            String(
                format: "test: ROC AUC %.4f  PR AUC %.4f  log loss %.4f  Brier %.4f  F1 %.4f at threshold %.2f",
                t.rocAUC, t.prAUC, t.logLoss, t.brier, t.f1, t.threshold))
        if let modelOut {
            try Data(result.model.jsonBytes).write(to: URL(fileURLWithPath: modelOut))
            print("model written to \(modelOut)")
        }
        print(result.summaryLine)
    }
}
