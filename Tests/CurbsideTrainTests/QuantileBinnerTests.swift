import CurbsideTrain
import Testing

@Suite struct QuantileBinnerTests {
    @Test func fewDistinctValuesGetABinEach() throws {
        let data = try TrainFixtures.single([3, 1, 2, 2, .nan, 3], [0, 1, 0, 1, 0, 1])
        let bins = try QuantileBinner().fit(data)[0]
        #expect(bins.upperBounds == [1, 2])
        #expect(bins.binCount == 4)
        #expect([Float.nan, 0.5, 1, 1.5, 2, 3, 100].map(bins.bin(of:)) == [0, 1, 1, 2, 2, 3, 3])
    }

    @Test func quantilesSplitTheRowsEvenly() throws {
        let values = (1...1000).map(Float.init)
        let data = try TrainFixtures.single(values, values.map { UInt8(Int($0) % 2) })
        let bins = try QuantileBinner(maxBins: 5).fit(data)[0]  // 4 value bins
        #expect(bins.upperBounds == [250, 500, 750])
    }

    @Test func tiedValuesStayInOneBin() throws {
        let values: [Float] = Array(repeating: 0, count: 90) + (1...10).map(Float.init)
        let data = try TrainFixtures.single(values, values.map { $0 > 5 ? 1 : 0 })
        let bins = try QuantileBinner(maxBins: 5).fit(data)[0]
        // 90 zeros fill the first bin; the other 10 values share the other three.
        #expect(bins.upperBounds == [0, 4, 7])
    }

    @Test func categoriesGetABinEachAndUnknownOnesAreMissing() throws {
        let data = try Dataset(
            featureNames: ["kind"], columns: [[7, 3, 3, .nan, 5]], labels: [0, 1, 0, 1, 0], categorical: [true])
        let bins = try QuantileBinner().fit(data)[0]
        #expect(bins.kind == .categorical)
        #expect(bins.categories == [3, 5, 7])
        #expect([Float(3), 5, 7, 4, .nan].map(bins.bin(of:)) == [1, 2, 3, 0, 0])
    }

    @Test func onlyTheMostFrequentCategoriesAreKept() throws {
        let codes: [Float] = [1, 1, 1, 2, 2, 3, 4, 4, 4, 4]
        let data = try Dataset(
            featureNames: ["kind"], columns: [codes], labels: codes.map { _ in 0 }, categorical: [true])
        #expect(try QuantileBinner(maxBins: 3).fit(data)[0].categories == [1, 4])
    }

    @Test func binCountIsChecked() {
        #expect(throws: TrainingError(.badParameter(name: "maxBins", rule: "must be between 2 and 256, got 300"))) {
            try QuantileBinner(maxBins: 300)
        }
        #expect(
            TrainingError(.badParameter(name: "maxBins", rule: "must be between 2 and 256, got 300")).description
                == "parameter maxBins must be between 2 and 256, got 300")
    }

    @Test func binsDoNotDependOnThreads() throws {
        let data = try TrainFixtures.synthetic(rows: 3000)
        #expect(try QuantileBinner().fit(data, threads: 1) == QuantileBinner().fit(data, threads: 2))
    }
}
