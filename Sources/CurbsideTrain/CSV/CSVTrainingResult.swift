import Foundation

/// What `train --csv` learned and measured.
public struct CSVTrainingResult: Sendable {
    public let model: GBTModel
    /// Columns skipped, and why, for the command to print.
    public let notes: [String]
    public let trainRows: Int
    public let testRows: Int
    /// Wall-clock seconds of binning and boosting.
    public let trainSeconds: Double
    /// Metrics on the test rows at the model's threshold (0.5).
    public let test: Evaluation

    /// The command's last line: `train_seconds=<s> test_auc=<auc>`, seconds with 3 decimals and
    /// the AUC with 6 (`nan` when the test rows hold a single class).
    public var summaryLine: String {
        let auc = test.rocAUC.isNaN ? "nan" : String(format: "%.6f", test.rocAUC)
        return "train_seconds=\(String(format: "%.3f", trainSeconds)) test_auc=\(auc)"
    }
}
