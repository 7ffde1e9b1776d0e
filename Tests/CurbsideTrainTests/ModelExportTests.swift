import CurbsideModel
import CurbsideTestSupport
import CurbsideTrain
import Foundation
import Testing

@Suite struct ModelExportTests {
    static func model(rounds: Int = 8) throws -> (GBTModel, Dataset) {
        var parameters = GBTParameters()
        parameters.rounds = rounds
        parameters.maxDepth = 3
        parameters.seed = 11
        let data = try TrainFixtures.synthetic(rows: 1500)
        var model = try GradientBoostedTrees(parameters: parameters).fit(data)
        model.threshold = 0.375
        return (model, data)
    }

    @Test func modelJSONHoldsWhatAReaderNeeds() throws {
        let (model, data) = try Self.model()
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(model.jsonBytes)) as? [String: Any])
        #expect(json["format"] as? String == "curbside-gbt/1")
        #expect(json["program_version"] as? String == ProgramVersion.current)
        #expect(json["training_data_sha256"] as? String == data.contentHash)
        #expect(data.contentHash.count == 64)
        #expect(json["threshold"] as? Double == 0.375)
        #expect(json["seed"] as? Int == 11)
        #expect((json["trees"] as? [Any])?.count == 8)
        let features = try #require(json["features"] as? [[String: Any]])
        #expect(features.map { $0["name"] as? String } == ["a", "b", "c", "d", "e", "f", "kind"])
        #expect(features[6]["kind"] as? String == "categorical")
        #expect(features[6]["categories"] as? [Double] == [0, 1, 2, 3, 4])
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["max_depth"] as? Int == 3)
        #expect(parameters["threads"] == nil)
    }

    @Test func keysAreSortedAndNumbersRoundTrip() throws {
        let (model, _) = try Self.model()
        let text = model.jsonText
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == topKeys.sorted())
        #expect(text.hasPrefix("{\n  \"base_margin\": \(model.baseMargin),\n"))
        // Numbers are read with the standard library: Foundation's JSON reader rounds some doubles.
        let leaves = Self.numbers(after: "\"leaf\":", in: text).map { Double($0)! }
        let thresholds = Self.numbers(after: "\"threshold\":", in: text).map { Float($0)! }
        let nodes = model.trees.flatMap(\.nodes)
        #expect(leaves == nodes.filter { $0.kind == .leaf }.map(\.value))
        #expect(thresholds == nodes.filter { $0.kind == .numeric }.map(\.threshold))
        #expect(Self.numbers(after: "\"base_margin\": ", in: text).map { Double($0)! } == [model.baseMargin])
    }

    /// The number texts that follow each occurrence of `key` directly.
    static func numbers(after key: String, in text: String) -> [String] {
        text.components(separatedBy: key).dropFirst().map { rest in
            String(rest.prefix { "0123456789.-+e".contains($0) })
        }.filter { !$0.isEmpty }
    }

    @Test func theSameModelGivesTheSameBytes() throws {
        #expect(try Self.model().0.jsonBytes == Self.model().0.jsonBytes)
    }

    @Test(.enabled(if: NodeRunner.path != nil, "node is not on PATH: the JavaScript scorer was not checked"))
    func javascriptScoresEqualSwiftScores() throws {
        let (model, data) = try Self.model(rounds: 30)
        var rows = (0..<200).map { data.row($0) }
        rows.append([.nan, .nan, .nan, .nan, .nan, .nan, .nan])
        rows.append([0.1, -3, 1e-5, 2.5, 0, 7, 42])  // 42 is a category the model never saw
        let rowsJSON =
            "["
            + rows.map { "[" + $0.map { $0.isNaN ? "null" : $0.description }.joined(separator: ",") + "]" }
            .joined(separator: ",") + "]"
        let folder = try Fixtures.temporaryFolder("scorer")
        defer { Fixtures.removeTemporaryFolder(folder) }
        try ModelScorerJS.source.write(toFile: folder + "/scorer.js", atomically: true, encoding: .utf8)
        try model.jsonText.write(toFile: folder + "/model.json", atomically: true, encoding: .utf8)
        try rowsJSON.write(toFile: folder + "/rows.json", atomically: true, encoding: .utf8)
        let script = """
            const fs = require("fs");
            const { margin, score } = require("./scorer.js");
            const model = JSON.parse(fs.readFileSync("model.json", "utf8"));
            const rows = JSON.parse(fs.readFileSync("rows.json", "utf8"));
            for (const row of rows) console.log(`${margin(model, row)} ${score(model, row)}`);
            """
        // JavaScript prints the shortest text that reads back to the same double.
        let output = try NodeRunner.run(script, in: folder)
        let results = output.split(separator: "\n").map { $0.split(separator: " ").map { Double($0)! } }
        #expect(results.count == rows.count)
        for (row, result) in zip(rows, results) {
            #expect(result[0] == model.margin(row))
            #expect(abs(result[1] - model.probability(row)) < 1e-12)
        }
        // The scorer also takes rows keyed by feature name.
        let named = try NodeRunner.run(
            """
            const fs = require("fs");
            const { score } = require("./scorer.js");
            const model = JSON.parse(fs.readFileSync("model.json", "utf8"));
            console.log(score(model, {a: "0.5", b: "", c: -1, d: 2, e: null, f: 0.25, kind: 3}));
            """, in: folder)
        let expected = model.probability([0.5, .nan, -1, 2, .nan, 0.25, 3])
        #expect(abs(try #require(Double(named.trimmingCharacters(in: .whitespacesAndNewlines))) - expected) < 1e-12)
    }
}

/// Runs a script with `node`, when it is installed.
enum NodeRunner {
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories.map { "\($0)/node" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static func run(_ script: String, in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = ["-e", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
