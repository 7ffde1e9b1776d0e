/// The simplest honest baseline: every row gets the training prevalence as its probability.
public struct PrevalenceBaseline: Sendable, Equatable {
    /// The weighted share of positive training rows.
    public let prevalence: Double

    /// - Throws: `TrainingError.Reason.noRows` for an empty dataset.
    public static func fit(_ dataset: Dataset) throws -> PrevalenceBaseline {
        guard dataset.rowCount > 0 else { throw TrainingError(.noRows) }
        return PrevalenceBaseline(prevalence: dataset.prevalence)
    }

    public init(prevalence: Double) { self.prevalence = prevalence }

    /// The prevalence, once per row of `dataset`.
    public func probabilities(for dataset: Dataset) -> [Double] {
        Array(repeating: prevalence, count: dataset.rowCount)
    }
}
