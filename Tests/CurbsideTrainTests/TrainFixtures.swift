import CurbsideModel
import CurbsideTrain
import Foundation

/// Data the trainer's tests share: small hand-made sets and a seeded synthetic one.
enum TrainFixtures {
    /// One numeric feature `x` with the given values and labels.
    static func single(_ values: [Float], _ labels: [UInt8]) throws -> Dataset {
        try Dataset(featureNames: ["x"], columns: [values], labels: labels)
    }

    /// Parameters for one depth-1 tree with leaf values not shrunk and margins starting at 0.
    static var stump: GBTParameters {
        var parameters = GBTParameters()
        parameters.rounds = 1
        parameters.maxDepth = 1
        parameters.learningRate = 1
        parameters.baseScore = 0.5
        parameters.minChildWeight = 0
        parameters.threads = 1
        return parameters
    }

    /// A seeded synthetic set: 6 numeric features (two with missing values), one categorical
    /// feature with 5 codes, and labels from a nonlinear signal plus noise.
    static func synthetic(rows: Int, seed: UInt64 = 7) throws -> Dataset {
        var random = SplitMix64(seed: seed)
        var columns = [[Float]](repeating: [], count: 7)
        var labels = [UInt8]()
        for _ in 0..<rows {
            let x = (0..<6).map { _ in Float(random.normal()) }
            let category = Float(random.next() % 5)
            var signal = 1.2 * sin(2 * Double(x[0])) + Double(x[1] * x[2]) + (x[3] > 0.5 ? 1 : 0) - 0.3
            signal += [0.8, -0.6, 0, 0.5, -0.9][Int(category)]
            labels.append(random.unit() < 1 / (1 + exp(-signal)) ? 1 : 0)
            for feature in 0..<6 {
                let missing = (feature == 1 && random.unit() < 0.1) || (feature == 4 && random.unit() < 0.2)
                columns[feature].append(missing ? .nan : x[feature])
            }
            columns[6].append(category)
        }
        return try Dataset(
            featureNames: ["a", "b", "c", "d", "e", "f", "kind"], columns: columns, labels: labels,
            categorical: [false, false, false, false, false, false, true])
    }
}

extension SplitMix64 {
    /// A standard normal value (Box–Muller), for test data.
    mutating func normal() -> Double {
        let u = max(unit(), 1e-300)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * unit())
    }
}
