extension GBTModel {
    /// The model format written in `model.json`.
    public static let format = "curbside-gbt/1"

    /// `model.json`: trees, features and their encodings, base margin, threshold, parameters,
    /// seed, training-data hash and program version. The same model gives the same bytes.
    ///
    /// A tree is a list of nodes, the root first: a leaf is `{"leaf": v}`; a split has `feature`
    /// (index into `features`), `left` and `right` (node positions), `default_left` (where missing
    /// values go), and either `threshold` (a 32-bit float: `x ≤ threshold` goes left) or
    /// `categories_left`. Training-only settings that cannot change the model (threads) are left out.
    public var jsonText: String { jsonValue.text }

    /// `jsonText` as UTF-8 bytes.
    public var jsonBytes: [UInt8] { Array(jsonText.utf8) }

    var jsonValue: JSONValue {
        let features: [JSONValue] = zip(featureNames, featureBins).map { name, bins in
            var object: [String: JSONValue] = ["name": .string(name), "kind": .string(bins.kind.rawValue)]
            if bins.kind == .categorical { object["categories"] = .array(bins.categories.map(JSONValue.float)) }
            return .object(object)
        }
        let importance: [JSONValue] = featureImportance.map {
            .object(["feature": .string($0.feature), "gain": .double($0.gain), "splits": .int($0.splits)])
        }
        return .object([
            "format": .string(Self.format),
            "objective": .string("binary:logistic"),
            "features": .array(features),
            "base_margin": .double(baseMargin),
            "threshold": .double(threshold),
            "trees": .array(trees.map { tree in .array(tree.nodes.map(Self.json)) }),
            "parameters": parametersJSON,
            "seed": .int(parameters.seed),
            "best_round": bestRound.map(JSONValue.int) ?? .null,
            "training_rows": .int(trainingRows),
            "training_data_sha256": .string(trainingDataSHA256),
            "program_version": .string(programVersion),
            "feature_importance": .array(importance),
        ])
    }

    private var parametersJSON: JSONValue {
        let p = parameters
        return .object([
            "max_depth": .int(p.maxDepth), "learning_rate": .double(p.learningRate), "rounds": .int(p.rounds),
            "min_child_weight": .double(p.minChildWeight), "lambda": .double(p.lambda),
            "min_split_gain": .double(p.minSplitGain), "subsample": .double(p.subsample),
            "colsample_bytree": .double(p.colsampleByTree), "seed": .int(p.seed),
            "early_stopping_rounds": p.earlyStoppingRounds.map(JSONValue.int) ?? .null,
            "scale_pos_weight": .double(p.scalePosWeight), "max_bins": .int(p.maxBins),
            "base_score": p.baseScore.map(JSONValue.double) ?? .null,
        ])
    }

    private static func json(_ node: TreeNode) -> JSONValue {
        switch node.kind {
        case .leaf:
            return .object(["leaf": .double(node.value)])
        case .numeric, .categorical:
            var object: [String: JSONValue] = [
                "feature": .int(node.feature), "left": .int(node.left), "right": .int(node.right),
                "default_left": .bool(node.defaultLeft),
            ]
            if node.kind == .numeric {
                object["threshold"] = .float(node.threshold)
            } else {
                object["categories_left"] = .array(node.leftCategories.map(JSONValue.float))
            }
            return .object(object)
        }
    }
}
