import CurbsideTrain
import Testing

@Suite struct LogisticLossTests {
    @Test func sigmoidOfZeroIsHalf() {
        #expect(LogisticLoss.sigmoid(0) == 0.5)
    }
}
