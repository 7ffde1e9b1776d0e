import CurbsideModel

/// A trained hit-and-run model with its evaluation: what the warehouse stores and the version publishes
/// as `model/model.json` and `model/metrics.json`.
public struct HitAndRunResult: Sendable {
    public struct Split: Sendable, Equatable {
        public var name: String
        public var rows: Int
        public var positives: Int
        /// The first and last crash dates (YYYY-MM-DD) in it.
        public var first: String
        public var last: String
    }

    public var model: GBTModel
    public var encoding: CategoryEncoding
    public var splits: [Split]
    /// The model on the test rows, at the threshold chosen on validation.
    public var test: Evaluation
    public var validation: Evaluation
    /// Baselines on the same test rows, each at its own validation-chosen threshold.
    public var logistic: Evaluation
    public var prevalence: Evaluation
    public var roc: [CurvePoint]
    public var logisticROC: [CurvePoint]
    public var precisionRecall: [CurvePoint]
    /// The test rows as the model sees them (codes), for checking scorers against each other.
    public var testRows: [[Float]]

    /// The reference pipeline's published test metrics (XGBoost, 300 trees, depth 10, threshold 0.26).
    public static let reference = (f1: 0.556, precision: 0.435, recall: 0.771)

    public static let target =
        "hit_and_run_i = Y; a crash without the flag counts as not a hit-and-run (the portal leaves it out when unset)"

    /// `model/model.json`: the trees and everything to score with them, plus the category labels.
    public var modelJSON: String {
        guard case .object(var members) = model.jsonValue else { return model.jsonText }
        members["encodings"] = .object(
            encoding.labels.mapValues { .array($0.map(JSONValue.string)) })
        members["target"] = .string(Self.target)
        return JSONValue.object(members).text
    }

    /// A short id of the model: the first 12 hex digits of its JSON's SHA-256.
    public var modelID: String { String(SHA256Hex.of(modelJSON).prefix(12)) }

    /// `model/metrics.json`: test metrics, threshold, row counts, baselines and the reference figures.
    public var metricsJSON: String {
        JSONValue.object([
            "model_id": .string(modelID),
            "target": .string(Self.target),
            "threshold": .double(model.threshold),
            "splits": .array(
                splits.map {
                    .object([
                        "name": .string($0.name), "rows": .int($0.rows), "positives": .int($0.positives),
                        "first_date": .string($0.first), "last_date": .string($0.last),
                    ])
                }),
            "test": test.jsonValue,
            "validation": validation.jsonValue,
            "baselines": .object(["logistic_regression": logistic.jsonValue, "prevalence": prevalence.jsonValue]),
            "reference": .object([
                "f1": .double(Self.reference.f1), "precision": .double(Self.reference.precision),
                "recall": .double(Self.reference.recall),
                "note": .string(
                    "the reference pipeline's XGBoost on the full Chicago data (not these rows); the number to beat"),
            ]),
            "best_round": model.bestRound.map(JSONValue.int) ?? .null,
            "trees": .int(model.trees.count),
            "training_data_sha256": .string(model.trainingDataSHA256),
        ]).text
    }
}
