import CurbsideCharts
import Testing

@Suite("Nice scales")
struct NiceScaleTests {
    @Test(
        "ticks start at 0 and end on a round number at or above the maximum",
        arguments: [
            (0.0, 4_007_850.0, false, [0.0, 1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000]),
            (1_100_162.0, 2_407_675.0, false, [0.0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000]),
            (0, 41.2, false, [0, 10, 20, 30, 40, 50]),
            (0, 7, true, [0, 2, 4, 6, 8]),
            (0, 3, true, [0, 1, 2, 3]),
            (0, 0.9, false, [0, 0.2, 0.4, 0.6, 0.8, 1]),
            (0, 0, false, [0, 0.2, 0.4, 0.6, 0.8, 1]),
            (0, 12, false, [0, 2.5, 5, 7.5, 10, 12.5]),
            (-30, 70, false, [-40, -20, 0, 20, 40, 60, 80]),
            (0, 1000, false, [0, 200, 400, 600, 800, 1000]),
        ])
    func ticks(minimum: Double, maximum: Double, integral: Bool, expected: [Double]) {
        let scale = NiceScale(minimum: minimum, maximum: maximum, integral: integral)
        #expect(scale.ticks == expected)
        #expect(scale.lower <= min(0, minimum))
        #expect(scale.upper >= maximum)
    }

    @Test("fractions place values between the ends")
    func fraction() {
        let scale = NiceScale(minimum: 0, maximum: 100)
        #expect(scale.fraction(0) == 0)
        #expect(scale.fraction(50) == 0.5)
        #expect(scale.fraction(100) == 1)
    }
}
