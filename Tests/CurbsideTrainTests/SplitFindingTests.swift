import CurbsideTrain
import Testing

/// One depth-1 tree from margin 0 (p = 0.5): every row has g = 0.5 − y and h = 0.25, λ = 1, η = 1,
/// so gains G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ) and leaves −G/(H+λ) are easy to work by hand.
@Suite struct SplitFindingTests {
    @Test func cutsBetweenTheClasses() throws {
        let data = try TrainFixtures.single([1, 2, 3, 4], [0, 0, 1, 1])
        let tree = try GradientBoostedTrees(parameters: TrainFixtures.stump).fit(data).trees[0]
        let root = tree.nodes[0]
        #expect(root.kind == .numeric)
        #expect(root.threshold == 2)
        // G_L = 1, H_L = 0.5; G_R = −1, H_R = 0.5; G = 0: gain 1/1.5 + 1/1.5.
        #expect(abs(root.gain - 4.0 / 3.0) < 1e-12)
        #expect(abs(tree.nodes[root.left].value - -1.0 / 1.5) < 1e-12)
        #expect(abs(tree.nodes[root.right].value - 1.0 / 1.5) < 1e-12)
    }

    @Test func missingValuesGoWithThePositiveSide() throws {
        let data = try TrainFixtures.single([1, 2, 3, 4, .nan, .nan], [0, 0, 1, 1, 1, 1])
        let root = try GradientBoostedTrees(parameters: TrainFixtures.stump).fit(data).trees[0].nodes[0]
        // Missing right: L = (1, 0.5), R = (−2, 1): 1/1.5 + 4/2 − 1/2.5 = 34/15;
        // missing left:  L = (0, 1),   R = (−1, 0.5): 0 + 1/1.5 − 1/2.5 = 4/15.
        #expect(root.threshold == 2)
        #expect(root.defaultLeft == false)
        #expect(abs(root.gain - 34.0 / 15.0) < 1e-12)
    }

    @Test func missingValuesGoWithTheNegativeSide() throws {
        let data = try TrainFixtures.single([1, 2, 3, 4, .nan, .nan], [0, 0, 1, 1, 0, 0])
        let root = try GradientBoostedTrees(parameters: TrainFixtures.stump).fit(data).trees[0].nodes[0]
        #expect(root.threshold == 2)
        #expect(root.defaultLeft == true)
        #expect(abs(root.gain - 34.0 / 15.0) < 1e-12)
    }

    @Test func withoutMissingValuesTheDefaultIsTheHeavierChild() throws {
        let data = try TrainFixtures.single([1, 2, 3, 4, 5, 6], [0, 0, 1, 1, 1, 1])
        let root = try GradientBoostedTrees(parameters: TrainFixtures.stump).fit(data).trees[0].nodes[0]
        #expect(root.threshold == 2)
        #expect(root.defaultLeft == false)
    }

    @Test func minChildWeightForbidsLightChildren() throws {
        var parameters = TrainFixtures.stump
        parameters.minChildWeight = 0.6  // each side of the only good cut has H = 0.5
        let data = try TrainFixtures.single([1, 2, 3, 4], [0, 0, 1, 1])
        let tree = try GradientBoostedTrees(parameters: parameters).fit(data).trees[0]
        #expect(tree.nodes.count == 1)
        #expect(tree.nodes[0].kind == .leaf)
    }

    @Test func minSplitGainForbidsSmallGains() throws {
        var parameters = TrainFixtures.stump
        parameters.minSplitGain = 1.4  // the best gain is 4/3
        let data = try TrainFixtures.single([1, 2, 3, 4], [0, 0, 1, 1])
        #expect(try GradientBoostedTrees(parameters: parameters).fit(data).trees[0].nodes.count == 1)
    }

    @Test func categoriesArePartitionedByGradientOrder() throws {
        // Categories 1 and 3 are positive, 2 negative: no single numeric cut separates them.
        let data = try Dataset(
            featureNames: ["kind"], columns: [[1, 1, 2, 2, 3, 3]], labels: [1, 1, 0, 0, 1, 1], categorical: [true])
        let root = try GradientBoostedTrees(parameters: TrainFixtures.stump).fit(data).trees[0].nodes[0]
        #expect(root.kind == .categorical)
        #expect(root.leftCategories == [1, 3])
        // L = (−2, 1), R = (1, 0.5), G = −1, H = 1.5: 4/2 + 1/1.5 − 1/2.5.
        #expect(abs(root.gain - 34.0 / 15.0) < 1e-12)
        #expect(root.defaultLeft == true)  // no missing values: the heavier side
    }

    @Test func unknownCategoriesFollowTheDefault() throws {
        let data = try Dataset(
            featureNames: ["kind"], columns: [[1, 1, 2, 2, 3, 3]], labels: [1, 1, 0, 0, 1, 1], categorical: [true])
        let model = try GradientBoostedTrees(parameters: TrainFixtures.stump).fit(data)
        #expect(model.margin([9]) == model.margin([.nan]))
        #expect(model.margin([9]) == model.margin([1]))
        #expect(model.margin([2]) != model.margin([1]))
    }

    @Test func deeperTreesSplitTheirChildren() throws {
        var parameters = TrainFixtures.stump
        parameters.maxDepth = 2
        // x ≤ 2 is mostly negative, but 1 is positive: the left child splits again at 1.
        let data = try TrainFixtures.single([1, 1, 2, 2, 3, 3, 4, 4], [1, 1, 0, 0, 1, 1, 1, 1])
        let tree = try GradientBoostedTrees(parameters: parameters).fit(data).trees[0]
        let root = tree.nodes[0]
        #expect(root.threshold == 2)
        let left = tree.nodes[root.left]
        #expect(left.kind == .numeric)
        #expect(left.threshold == 1)
        #expect(tree.leafCount >= 3)
    }
}
