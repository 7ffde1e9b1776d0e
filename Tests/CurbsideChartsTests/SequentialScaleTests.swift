import CurbsideCharts
import Testing

@Suite("Sequential scale")
struct SequentialScaleTests {
    @Test(
        "the domain includes 0; zero is the lightest shade, the maximum the darkest",
        arguments: [
            ([0.0, 12, 6, 3], 0.0, 12.0, [0, 6, 3, 1]),
            ([41.0, 412, 187], 0, 412, [0, 6, 3]),
            ([5.0, 5, 5], 0, 5, [6, 6, 6]),
            ([0.0, 0], 0, 0, [0, 0]),
            ([12.0], 0, 12, [6]),
            ([-4.0, 0, 4], -4, 4, [0, 3, 6]),
            ([Double.nan, 2, .infinity], 0, 2, [0, 6, 0]),
        ])
    func steps(values: [Double], lower: Double, upper: Double, expected: [Int]) {
        let scale = SequentialScale(values: values)
        #expect(scale.lower == lower)
        #expect(scale.upper == upper)
        #expect(!scale.isEmpty)
        #expect(values.map(scale.step(for:)) == expected)
    }

    @Test("every step is used across an even spread of values")
    func spread() {
        let scale = SequentialScale(values: [0, 70])
        #expect((0...70).map { scale.step(for: Double($0)) }.uniqued() == [0, 1, 2, 3, 4, 5, 6])
        #expect(scale.step(for: 9.99) == 0)
        #expect(scale.step(for: 10) == 1)
    }

    @Test("no values: an empty scale; a missing value gets the no-data class")
    func empty() {
        let scale = SequentialScale(values: [])
        #expect(scale.isEmpty)
        #expect(scale.lower == 0 && scale.upper == 0)
        #expect(scale.cssClass(for: nil) == "cell-missing")
        #expect(scale.cssClass(for: 0) == "heat-0")
        #expect(SequentialScale(values: [3]).cssClass(for: 3) == "heat-6")
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, in order.
    fileprivate func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
