import CurbsideModel
import CurbsideWarehouse
import GRDB

/// What the train stage did.
public enum HitAndRunOutcome: Sendable {
    /// A model was trained (or the current one kept: same rows and settings) and is current.
    case trained(HitAndRunSummary, reused: Bool)
    /// No model could be trained; none is current, so none is published.
    case skipped(String)
}

/// The current model's figures, as stored.
public struct HitAndRunSummary: Sendable, Equatable {
    public var modelID: String
    public var threshold: Double
    public var testF1: Double
    public var testROCAUC: Double
    public var trainRows: Int
}

/// Trains the hit-and-run model from `silver_chicago_crashes` over the window and stores it: the model and its
/// metrics in `models`, the current one's figures in `model_*` for the model page. The same rows and settings
/// keep the current model without training again.
public struct HitAndRunStage: Sendable {
    public var warehouse: Warehouse
    public var training: HitAndRunTraining

    public init(warehouse: Warehouse, training: HitAndRunTraining) {
        self.warehouse = warehouse
        self.training = training
    }

    public func run(window: Range<Day>, runID: Int64?) throws -> HitAndRunOutcome {
        // Each row goes into the training columns and the input's hash as it is read; the rows as SQL values
        // took ten times the memory (a million crashes: ≈ 1 GB).
        var rows = HitAndRunRows()
        var hasher = SHA256Hasher()
        var values: [SQLValue] = []
        try warehouse.scan(HitAndRunFeatures.selectSQL(window: window)) { row in
            values.removeAll(keepingCapacity: true)
            for k in 0..<row.count { values.append(row[k].value) }
            for value in values { hasher.updateField(value.isNull ? "\u{0}" : value.description) }
            rows.append { values[$0] }
        }
        let input = inputHash(hasher)
        if let current = try summary(), try storedInput(current.modelID) == input {
            return .trained(current, reused: true)
        }
        let result: HitAndRunResult
        do {
            result = try training.run(rows)
        } catch let error as HitAndRunError {
            try warehouse.write { db in try Self.clearCurrent(db) }
            return .skipped("\(error)")
        }
        try store(result, input: input, runID: runID)
        return .trained(try summary()!, reused: false)
    }

    /// The current model, when there is one.
    public func summary() throws -> HitAndRunSummary? {
        try warehouse.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT m.model_id, m.threshold, m.test_f1, m.test_roc_auc,
                        (SELECT rows FROM model_splits WHERE name = 'train') AS train_rows
                    FROM model_current c JOIN models m ON m.model_id = c.model_id WHERE c.name = 'hit_and_run'
                    """
            ).map {
                HitAndRunSummary(
                    modelID: $0["model_id"], threshold: $0["threshold"], testF1: $0["test_f1"] ?? 0,
                    testROCAUC: $0["test_roc_auc"] ?? 0, trainRows: $0["train_rows"] ?? 0)
            }
        }
    }

    /// The current model's `model.json` and `metrics.json`, when there is one.
    public func artifacts() throws -> (modelID: String, model: String, metrics: String)? {
        try warehouse.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT m.model_id, m.model_json, m.metrics_json FROM model_current c
                    JOIN models m ON m.model_id = c.model_id WHERE c.name = 'hit_and_run'
                    """
            ).map { ($0["model_id"], $0["model_json"], $0["metrics_json"]) }
        }
    }

    private func storedInput(_ modelID: String) throws -> String? {
        try warehouse.read { db in
            try String.fetchOne(db, sql: "SELECT input_sha256 FROM models WHERE model_id = ?", arguments: [modelID])
        }
    }

    /// The rows and the settings that make the model: the same hash, the same model.
    /// - Parameter rows: a hasher given every value of every row (`\0` for a missing one), row after row.
    private func inputHash(_ rows: SHA256Hasher) -> String {
        var hasher = rows
        let p = training.parameters
        hasher.updateField(
            "\(p.maxDepth) \(p.learningRate) \(p.rounds) \(p.minChildWeight) \(p.lambda) \(p.minSplitGain) "
                + "\(p.subsample) \(p.colsampleByTree) \(p.seed) \(p.earlyStoppingRounds ?? -1) \(p.scalePosWeight) "
                + "\(p.maxBins) \(training.trainFraction) \(training.validationFraction) \(ProgramVersion.current)")
        return hasher.hex()
    }

    static func clearCurrent(_ db: Database) throws {
        for table in [
            "model_current", "model_metrics", "model_curves", "model_calibration", "model_importance",
            "model_confusion", "model_splits",
        ] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
    }

    private func store(_ r: HitAndRunResult, input: String, runID: Int64?) throws {
        try warehouse.write { db in
            try Self.clearCurrent(db)
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO models (model_id, name, run_id, input_sha256, training_data_sha256, threshold,
                        test_f1, test_roc_auc, model_json, metrics_json) VALUES (?, 'hit_and_run', ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    r.modelID, runID, input, r.model.trainingDataSHA256, r.model.threshold, finite(r.test.f1),
                    finite(r.test.rocAUC), r.modelJSON, r.metricsJSON,
                ])
            try db.execute(
                sql: "INSERT INTO model_current VALUES ('hit_and_run', ?)", arguments: [r.modelID])
            let models: [(String, Evaluation)] = [
                ("gradient_boosted_trees", r.test), ("logistic_regression", r.logistic), ("prevalence", r.prevalence),
            ]
            for (name, e) in models {
                for (metric, value) in [
                    ("f1", e.f1), ("precision", e.precision), ("recall", e.recall), ("roc_auc", e.rocAUC),
                    ("pr_auc", e.prAUC), ("log_loss", e.logLoss), ("brier", e.brier), ("threshold", e.threshold),
                ] {
                    try db.execute(
                        sql: "INSERT INTO model_metrics VALUES (?, ?, ?)", arguments: [name, metric, finite(value)])
                }
            }
            let reference = HitAndRunResult.reference
            for (metric, value) in [
                ("f1", reference.f1), ("precision", reference.precision), ("recall", reference.recall),
            ] {
                try db.execute(sql: "INSERT INTO model_metrics VALUES ('reference', ?, ?)", arguments: [metric, value])
            }
            for (curve, points) in [("roc", r.roc), ("roc_logistic", r.logisticROC), ("pr", r.precisionRecall)] {
                for (ordinal, p) in points.enumerated() {
                    try db.execute(
                        sql: "INSERT INTO model_curves VALUES (?, ?, ?, ?, ?)",
                        arguments: [curve, ordinal, p.x, p.y, finite(p.threshold)])
                }
            }
            for (index, bin) in r.test.calibration.enumerated() {
                try db.execute(
                    sql: "INSERT INTO model_calibration VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [
                        index, bin.lower, bin.upper, bin.count > 0 ? finite(bin.meanPredicted) : nil,
                        bin.count > 0 ? finite(bin.observedRate) : nil, bin.count,
                    ])
            }
            let importance = r.model.featureImportance.sorted { ($0.gain, $1.feature) > ($1.gain, $0.feature) }
            let total = importance.reduce(0) { $0 + $1.gain }
            for (rank, item) in importance.enumerated() {
                try db.execute(
                    sql: "INSERT INTO model_importance VALUES (?, ?, ?, ?, ?)",
                    arguments: [rank + 1, item.feature, item.gain, total > 0 ? item.gain / total : 0, item.splits])
            }
            let c = r.test.confusion
            for (actual, predicted, rows) in [
                ("hit-and-run", "hit-and-run", c.truePositives), ("hit-and-run", "not", c.falseNegatives),
                ("not", "hit-and-run", c.falsePositives), ("not", "not", c.trueNegatives),
            ] {
                try db.execute(
                    sql: "INSERT INTO model_confusion VALUES (?, ?, ?)", arguments: [actual, predicted, rows])
            }
            for (ordinal, split) in r.splits.enumerated() {
                try db.execute(
                    sql: "INSERT INTO model_splits VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [ordinal, split.name, split.rows, split.positives, split.first, split.last])
            }
        }
    }

    private func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }
}
