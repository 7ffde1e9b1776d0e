import CurbsideModel
import Testing

@Suite struct DecimalBytesTests {
    @Test(arguments: [0, 7, 9, 10, 42, 99, 100, 65_535, 1_000_000, Int.max])
    func digitsAreTheNumbersDecimalText(value: Int) {
        var out: [UInt8] = Array("x".utf8)
        DecimalBytes.append(value, to: &out)
        #expect(out == Array("x\(value)".utf8))
    }
}
