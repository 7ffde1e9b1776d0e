extension Evaluation {
    /// The metrics as deterministic JSON (sorted keys, shortest round-trip numbers; an undefined
    /// metric is null), for `metrics.json`.
    public var jsonText: String { jsonValue.text }

    var jsonValue: JSONValue {
        let c = confusion
        return .object([
            "rows": .int(rows), "positives": .int(positives),
            "roc_auc": .double(rocAUC), "pr_auc": .double(prAUC),
            "log_loss": .double(logLoss), "brier": .double(brier),
            "threshold": .double(threshold),
            "precision": .double(precision), "recall": .double(recall), "f1": .double(f1),
            "confusion": .object([
                "true_positives": .int(c.truePositives), "false_positives": .int(c.falsePositives),
                "true_negatives": .int(c.trueNegatives), "false_negatives": .int(c.falseNegatives),
            ]),
            "calibration": .array(
                calibration.map { bin in
                    .object([
                        "lower": .double(bin.lower), "upper": .double(bin.upper),
                        "mean_predicted": .double(bin.meanPredicted), "observed_rate": .double(bin.observedRate),
                        "count": .int(bin.count),
                    ])
                }),
        ])
    }
}
