import CurbsideIngest
import CurbsideModel
import CurbsideTrain
import Logging

/// The train stage: the hit-and-run classifier on Chicago's silver crashes over the window.
extension Pipeline {
    /// Trains (or keeps, when rows and settings are unchanged) the model; nil when Chicago or the model is off.
    @discardableResult
    public func train() async throws -> HitAndRunOutcome? {
        guard config.model.enabled, let window = try chicagoWindowIfEnabled() else { return nil }
        let stage = HitAndRunStage(warehouse: warehouse, training: hitAndRunTraining)
        let outcome = try await self.stage("train") { try stage.run(window: window.first..<window.end, runID: runID) }
        switch outcome {
        case .trained(let summary, let reused):
            logger.info(
                """
                model: \(reused ? "kept" : "trained") \(summary.modelID) on \(summary.trainRows) crashes: \
                test F1 \(Self.fixed(summary.testF1)), ROC AUC \(Self.fixed(summary.testROCAUC)) \
                at threshold \(Self.fixed(summary.threshold))
                """)
        case .skipped(let reason):
            logger.warning("model: \(reason)")
        }
        return outcome
    }

    var hitAndRunTraining: HitAndRunTraining {
        let m = config.model
        var p = GBTParameters()
        p.maxDepth = m.maxDepth
        p.learningRate = m.learningRate
        p.rounds = m.rounds
        p.minChildWeight = m.minChildWeight
        p.lambda = m.lambda
        p.minSplitGain = m.minSplitGain
        p.subsample = m.subsample
        p.colsampleByTree = m.colsampleByTree
        p.earlyStoppingRounds = m.earlyStoppingRounds > 0 ? m.earlyStoppingRounds : nil
        p.scalePosWeight = m.scalePosWeight
        p.maxBins = m.maxBins
        p.seed = UInt64(m.seed)
        return HitAndRunTraining(
            parameters: p, trainFraction: m.trainFraction, validationFraction: m.validationFraction)
    }

    static func fixed(_ x: Double) -> String {
        let thousandths = Int((x * 1000).rounded())
        let fraction = String(abs(thousandths) % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
