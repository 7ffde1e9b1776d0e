import CurbsideModel
import CurbsideTrain
import Testing

@Suite struct BoostingTests {
    /// 20,000 rows: more than one row block (8,192) per task, so threads really share the work.
    static func parameters(threads: Int) -> GBTParameters {
        var parameters = GBTParameters()
        parameters.rounds = 12
        parameters.maxDepth = 4
        parameters.threads = threads
        return parameters
    }

    @Test func sameDataAndSeedGiveTheSameBytes() throws {
        let data = try TrainFixtures.synthetic(rows: 20000)
        let first = try GradientBoostedTrees(parameters: Self.parameters(threads: 2)).fit(data)
        let second = try GradientBoostedTrees(parameters: Self.parameters(threads: 2)).fit(data)
        #expect(first.jsonBytes == second.jsonBytes)
    }

    @Test func threadCountDoesNotChangeTheModel() throws {
        let data = try TrainFixtures.synthetic(rows: 20000)
        var parameters = Self.parameters(threads: 1)
        parameters.subsample = 0.8
        parameters.colsampleByTree = 0.7
        let one = try GradientBoostedTrees(parameters: parameters).fit(data)
        parameters.threads = 2
        let two = try GradientBoostedTrees(parameters: parameters).fit(data)
        parameters.threads = 3
        let three = try GradientBoostedTrees(parameters: parameters).fit(data)
        #expect(one.jsonBytes == two.jsonBytes)
        #expect(one.jsonBytes == three.jsonBytes)
    }

    @Test func theSeedDrivesSampling() throws {
        let data = try TrainFixtures.synthetic(rows: 3000)
        var parameters = Self.parameters(threads: 2)
        parameters.subsample = 0.7
        let first = try GradientBoostedTrees(parameters: parameters).fit(data)
        parameters.seed = 99
        let second = try GradientBoostedTrees(parameters: parameters).fit(data)
        #expect(first.trees != second.trees)
    }

    @Test func learnsTheSignal() throws {
        let train = try TrainFixtures.synthetic(rows: 6000, seed: 1)
        let test = try TrainFixtures.synthetic(rows: 3000, seed: 2)
        var parameters = Self.parameters(threads: 2)
        parameters.rounds = 60
        let model = try GradientBoostedTrees(parameters: parameters).fit(train)
        let auc = RankingMetrics.rocAUC(scores: try model.probabilities(for: test), labels: test.labels)
        let baseline = try LogisticRegression.fit(train)
        let linearAUC = RankingMetrics.rocAUC(scores: try baseline.probabilities(for: test), labels: test.labels)
        #expect(auc > 0.75)
        #expect(auc > linearAUC)
        // The most useful feature is one the signal uses.
        let top = model.featureImportance.max { $0.gain < $1.gain }!
        #expect(["a", "b", "c", "d", "kind"].contains(top.feature))
    }

    @Test func earlyStoppingKeepsTheBestRound() throws {
        // Labels are coin flips: validation loss stops improving almost at once.
        var random = SplitMix64(seed: 5)
        let noise = { (rows: Int) in
            try Dataset(
                featureNames: ["x"], columns: [(0..<rows).map { _ in Float(random.unit()) }],
                labels: (0..<rows).map { _ in random.unit() < 0.5 ? 1 : 0 })
        }
        let train = try noise(2000)
        let validation = try noise(1000)
        var parameters = Self.parameters(threads: 2)
        parameters.rounds = 200
        parameters.earlyStoppingRounds = 5
        let model = try GradientBoostedTrees(parameters: parameters).fit(train, validation: validation)
        let best = try #require(model.bestRound)
        #expect(model.validationLogLoss.count == best + 6)
        #expect(model.validationLogLoss.count < 200)
        #expect(model.trees.count == best + 1)
        #expect(model.validationLogLoss.min() == model.validationLogLoss[best])
    }

    @Test func binnedAndRawRowsReachTheSameLeaves() throws {
        // Validation loss is tracked on binned rows; the model scores raw values.
        let train = try TrainFixtures.synthetic(rows: 4000, seed: 3)
        let validation = try TrainFixtures.synthetic(rows: 2000, seed: 4)
        var parameters = Self.parameters(threads: 2)
        parameters.rounds = 20
        let model = try GradientBoostedTrees(parameters: parameters).fit(train, validation: validation)
        let raw = ProbabilityMetrics.logLoss(
            probabilities: try model.probabilities(for: validation), labels: validation.labels)
        #expect(abs(try #require(model.validationLogLoss.last) - raw) < 1e-12)
    }

    @Test func positiveWeightRaisesTheBaseScore() throws {
        let data = try TrainFixtures.single([1, 2, 3, 4], [0, 0, 0, 1])
        var parameters = TrainFixtures.stump
        parameters.baseScore = nil
        let plain = try GradientBoostedTrees(parameters: parameters).fit(data)
        parameters.scalePosWeight = 3
        let weighted = try GradientBoostedTrees(parameters: parameters).fit(data)
        #expect(abs(LogisticLoss.sigmoid(plain.baseMargin) - 0.25) < 1e-12)
        #expect(abs(LogisticLoss.sigmoid(weighted.baseMargin) - 0.5) < 1e-12)
    }

    static func changed(_ change: (inout GBTParameters) -> Void) -> GBTParameters {
        var parameters = GBTParameters()
        change(&parameters)
        return parameters
    }

    @Test(arguments: [
        (changed { $0.maxDepth = 0 }, "parameter maxDepth must be between 1 and 16, got 0"),
        (changed { $0.learningRate = 0 }, "parameter learningRate must be in (0, 1], got 0.0"),
        (changed { $0.subsample = 1.5 }, "parameter subsample must be in (0, 1], got 1.5"),
        (changed { $0.earlyStoppingRounds = 0 }, "parameter earlyStoppingRounds must be at least 1, got 0"),
        (changed { $0.threads = 0 }, "parameter threads must be at least 1, got 0"),
    ])
    func badParametersAreNamed(parameters: GBTParameters, message: String) throws {
        let data = try TrainFixtures.single([1, 2], [0, 1])
        let error = try #require(throws: TrainingError.self) {
            try GradientBoostedTrees(parameters: parameters).fit(data)
        }
        #expect(error.description == message)
    }

    @Test func aSingleClassIsRefused() throws {
        let data = try TrainFixtures.single([1, 2, 3], [1, 1, 1])
        let error = try #require(throws: TrainingError.self) { try GradientBoostedTrees().fit(data) }
        #expect(error.description == "every training row has label 1; a classifier needs both classes")
    }

    @Test func badDatasetsAreRefused() {
        #expect(throws: TrainingError(.badLabel(row: 1, value: "2"))) {
            try TrainFixtures.single([1, 2], [0, 2])
        }
        #expect(TrainingError(.badLabel(row: 1, value: "2")).description == "row 1: label 2 is not 0 or 1")
        #expect(throws: TrainingError(.shapeMismatch("feature 'x' has 1 values for 2 labels"))) {
            try TrainFixtures.single([1], [0, 1])
        }
    }
}
