/// Rows for a binary classifier, stored column by column.
///
/// A feature value is a `Float`; `Float.nan` means missing. A categorical feature holds category
/// codes (any finite `Float`, usually small integers); its order means nothing to the trainer.
/// Labels are 0 or 1; weights, when present, are finite and not negative.
public struct Dataset: Sendable, Equatable {
    /// One name per feature, in column order.
    public let featureNames: [String]
    /// `columns[feature][row]`.
    public let columns: [[Float]]
    /// 0 or 1 per row.
    public let labels: [UInt8]
    /// One weight per row, or nil for all 1.
    public let weights: [Float]?
    /// Which features hold category codes rather than quantities.
    public let categorical: [Bool]

    /// Checks the shapes and values and keeps the columns as given.
    /// - Parameters:
    ///   - featureNames: distinct names, one per column.
    ///   - columns: one array per feature, each with one value per row; NaN is missing.
    ///   - labels: 0 or 1 per row.
    ///   - weights: a finite weight ≥ 0 per row, or nil.
    ///   - categorical: a flag per feature, or nil when every feature is numeric.
    /// - Throws: `TrainingError` naming the first problem.
    public init(
        featureNames: [String], columns: [[Float]], labels: [UInt8], weights: [Float]? = nil,
        categorical: [Bool]? = nil
    ) throws {
        guard featureNames.count == columns.count else {
            throw TrainingError(.shapeMismatch("\(featureNames.count) feature names for \(columns.count) columns"))
        }
        guard !columns.isEmpty else { throw TrainingError(.noFeatures) }
        var seen = Set<String>()
        for name in featureNames where !seen.insert(name).inserted {
            throw TrainingError(.duplicateFeature(name))
        }
        for (index, column) in columns.enumerated() where column.count != labels.count {
            throw TrainingError(
                .shapeMismatch("feature '\(featureNames[index])' has \(column.count) values for \(labels.count) labels")
            )
        }
        if let row = labels.firstIndex(where: { $0 > 1 }) {
            throw TrainingError(.badLabel(row: row, value: String(labels[row])))
        }
        if let weights {
            guard weights.count == labels.count else {
                throw TrainingError(.shapeMismatch("\(weights.count) weights for \(labels.count) labels"))
            }
            if let row = weights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw TrainingError(.badWeight(row: row, value: weights[row]))
            }
        }
        let flags = categorical ?? Array(repeating: false, count: columns.count)
        guard flags.count == columns.count else {
            throw TrainingError(.shapeMismatch("\(flags.count) categorical flags for \(columns.count) columns"))
        }
        for (index, column) in columns.enumerated() where flags[index] {
            if let row = column.firstIndex(where: { $0.isInfinite }) {
                throw TrainingError(.badCategory(feature: featureNames[index], row: row))
            }
        }
        self.featureNames = featureNames
        self.columns = columns
        self.labels = labels
        self.weights = weights
        self.categorical = flags
    }

    /// The number of rows.
    public var rowCount: Int { labels.count }

    /// The number of features.
    public var featureCount: Int { columns.count }

    /// The weight of a row (1 without weights).
    public func weight(_ row: Int) -> Float { weights?[row] ?? 1 }

    /// The feature values of one row, in column order.
    public func row(_ row: Int) -> [Float] { columns.map { $0[row] } }

    /// Weighted share of positive rows (0 for an empty set).
    public var prevalence: Double {
        var positive = 0.0
        var total = 0.0
        for row in 0..<rowCount {
            let w = Double(weight(row))
            total += w
            if labels[row] == 1 { positive += w }
        }
        return total > 0 ? positive / total : 0
    }
}
