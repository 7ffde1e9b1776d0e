import CurbsideTrain
import Foundation
import Testing

@Suite struct LogisticLossTests {
    @Test func sigmoidAndLogitAreInverse() {
        #expect(LogisticLoss.sigmoid(0) == 0.5)
        #expect(abs(LogisticLoss.sigmoid(2) - 0.8807970779778823) < 1e-15)
        #expect(abs(LogisticLoss.logit(LogisticLoss.sigmoid(1.25)) - 1.25) < 1e-12)
    }

    @Test(arguments: [
        (0.3, UInt8(1), 1.0, -0.7, 0.21),
        (0.3, UInt8(0), 1.0, 0.3, 0.21),
        (0.9, UInt8(0), 2.0, 1.8, 0.18),
        (0.5, UInt8(1), 0.5, -0.25, 0.125),
    ])
    func gradientAndHessian(p: Double, label: UInt8, weight: Double, gradient: Double, hessian: Double) {
        #expect(abs(LogisticLoss.gradient(probability: p, label: label, weight: weight) - gradient) < 1e-12)
        #expect(abs(LogisticLoss.hessian(probability: p, weight: weight) - hessian) < 1e-12)
    }

    @Test func gradientIsTheDerivativeOfTheLossInTheMargin() {
        let margin = 0.4
        let step = 1e-6
        let loss = { (m: Double) in LogisticLoss.loss(probability: LogisticLoss.sigmoid(m), label: 1) }
        let numeric = (loss(margin + step) - loss(margin - step)) / (2 * step)
        let p = LogisticLoss.sigmoid(margin)
        #expect(abs(numeric - LogisticLoss.gradient(probability: p, label: 1, weight: 1)) < 1e-8)
        let slope = { (m: Double) in LogisticLoss.gradient(probability: LogisticLoss.sigmoid(m), label: 1, weight: 1) }
        let curvature = (slope(margin + step) - slope(margin - step)) / (2 * step)
        #expect(abs(curvature - LogisticLoss.hessian(probability: p, weight: 1)) < 1e-8)
    }

    @Test func hessianNeverReachesZero() {
        #expect(LogisticLoss.hessian(probability: 1, weight: 1) == 1e-16)
    }

    @Test func lossClipsProbabilities() {
        #expect(abs(LogisticLoss.loss(probability: 0, label: 1) - -log(1e-15)) < 1e-9)
        #expect(abs(LogisticLoss.loss(probability: 0.8, label: 0) - -log(0.2)) < 1e-12)
    }
}
