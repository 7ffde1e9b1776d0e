import CurbsideModel
import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideTrain

/// The hit-and-run model on rows shaped like `silver_chicago_crashes`: the time split, the threshold chosen on
/// validation, baselines, determinism, too-small windows, and the browser scorer against Swift.
@Suite struct HitAndRunTests {
    /// `n` crashes a day apart, oldest first. Hit-and-runs are likelier at night, in the dark, on crashes that
    /// are not injury crashes, and with one vehicle; everything else is noise.
    static func table(rows n: Int, seed: UInt64 = 1) -> QueryTable {
        var state = seed
        func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        let columns = ["crash_record_id", "crash_date", "hit_and_run"] + HitAndRunFeatures.all.map(\.name)
        var rows: [[SQLValue]] = []
        let start = Day(iso: "2022-01-01")!
        for i in 0..<n {
            let hour = Int(next() * 24)
            let dark = next() < 0.4
            let injury = next() < 0.3
            let units = next() < 0.5 ? 1 : 2
            var logit = -1.5 + (hour < 5 || hour > 21 ? 1.2 : 0) + (dark ? 1.0 : 0) - (injury ? 1.5 : 0)
            logit += units == 1 ? 0.8 : 0
            let label = next() < 1 / (1 + exp(-logit)) ? 1 : 0
            let day = start.adding(days: i / 3)
            var values: [String: SQLValue] = [
                "crash_day_of_week": .integer(Int64(day.weekday)), "crash_hour": .integer(Int64(hour)),
                "is_weekend": .integer(day.weekday == 1 || day.weekday == 7 ? 1 : 0),
                "hour_bin": .text(hour <= 6 ? "night" : hour <= 12 ? "morning" : hour <= 18 ? "afternoon" : "evening"),
                "beat_of_occurrence": .integer(Int64(100 + Int(next() * 20))),
                "latitude": .real(41.7 + next() * 0.3), "longitude": .real(-87.8 + next() * 0.2),
                "crash_type": .text(injury ? "INJURY AND / OR TOW DUE TO CRASH" : "NO INJURY / DRIVE AWAY"),
                "num_units": .integer(Int64(units)), "injuries_total": .integer(injury ? 1 : 0),
                "lighting_condition": .text(dark ? "DARKNESS" : "DAYLIGHT"),
                "posted_speed_limit": next() < 0.1 ? .null : .integer(30),
                "road_defect": .text("NO DEFECTS"), "roadway_surface_cond": .text(next() < 0.3 ? "WET" : "DRY"),
                "street_direction": .text(["N", "S", "E", "W"][Int(next() * 4)]),
                "trafficway_type": .text("NOT DIVIDED"), "weather_condition": .text("CLEAR"),
                "traffic_control_device": .text("NO CONTROLS"), "intersection_related_i": .integer(0),
                "work_zone_i": .integer(0), "private_property_i": .integer(0),
            ]
            values["lat_bin"] = .real(((values["latitude"]!.number! * 100).rounded()) / 100)
            values["lng_bin"] = .real(((values["longitude"]!.number! * 100).rounded()) / 100)
            rows.append(
                [.text("C\(i)"), .text("\(day.iso)T\(hour < 10 ? "0" : "")\(hour):00:00.000"), .integer(Int64(label))]
                    + HitAndRunFeatures.all.map { values[$0.name]! })
        }
        return QueryTable(columns: columns, rows: rows)
    }

    static var training: HitAndRunTraining {
        var p = GBTParameters()
        p.maxDepth = 4
        p.rounds = 80
        p.minChildWeight = 5
        p.earlyStoppingRounds = 20
        p.seed = 7
        return HitAndRunTraining(parameters: p, trainFraction: 0.7, validationFraction: 0.15)
    }

    @Test func theOldestRowsTrainTheNextValidateTheNewestTest() throws {
        let result = try Self.training.run(Self.table(rows: 1_000))
        #expect(result.splits.map(\.name) == ["train", "validation", "test"])
        #expect(result.splits.map(\.rows) == [700, 150, 150])
        #expect(result.splits[0].last <= result.splits[1].first)
        #expect(result.splits[1].last <= result.splits[2].first)
        #expect(result.test.rows == 150 && result.logistic.rows == 150 && result.prevalence.rows == 150)
    }

    @Test func theModelLearnsTheSignalAndBeatsThePrevalenceBaseline() throws {
        let result = try Self.training.run(Self.table(rows: 3_000))
        #expect(result.test.rocAUC > 0.7)
        #expect(result.prevalence.rocAUC == 0.5)
        #expect(result.test.f1 > result.prevalence.f1)
        #expect(result.test.logLoss < result.prevalence.logLoss)
        // Lighting, crash type and units carry the signal; weather is constant and cannot.
        let gains = Dictionary(uniqueKeysWithValues: result.model.featureImportance.map { ($0.feature, $0.gain) })
        #expect(gains["weather_condition"] == 0)
        #expect((gains["lighting_condition"] ?? 0) > (gains["street_direction"] ?? 0))
    }

    @Test func theThresholdIsTheBestF1OnValidation() throws {
        let table = Self.table(rows: 1_000)
        let result = try Self.training.run(table)
        let validationRows = Array(table.rows[700..<850])
        let encoding = result.encoding
        let scores = validationRows.map { row in
            result.model.probability(
                HitAndRunFeatures.all.indices.map { encoding.code(row[$0 + 3], feature: HitAndRunFeatures.all[$0]) })
        }
        let labels = validationRows.map { UInt8($0[2].number!) }
        let best = try #require(ConfusionMatrix.bestF1Threshold(probabilities: scores, labels: labels))
        #expect(result.model.threshold == best.threshold)
        #expect(result.test.threshold == best.threshold)
    }

    @Test func theSameRowsGiveTheSameBytes() throws {
        let a = try Self.training.run(Self.table(rows: 800))
        let b = try Self.training.run(Self.table(rows: 800))
        #expect(a.modelJSON == b.modelJSON)
        #expect(a.metricsJSON == b.metricsJSON)
        #expect(a.modelID == b.modelID)
        let c = try Self.training.run(Self.table(rows: 800, seed: 2))
        #expect(a.modelID != c.modelID)
    }

    @Test func metricsJSONNamesTheThresholdRowsBaselinesAndReference() throws {
        let result = try Self.training.run(Self.table(rows: 600))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.metricsJSON.utf8)) as? [String: Any])
        #expect(object["threshold"] as? Double == result.model.threshold)
        #expect((object["splits"] as? [[String: Any]])?.map { $0["rows"] as? Int } == [420, 90, 90])
        #expect(((object["baselines"] as? [String: Any])?.keys.sorted()) == ["logistic_regression", "prevalence"])
        #expect((object["reference"] as? [String: Any])?["f1"] as? Double == 0.556)
        let test = try #require(object["test"] as? [String: Any])
        for key in ["f1", "precision", "recall", "roc_auc", "pr_auc", "log_loss", "brier", "confusion", "calibration"] {
            #expect(test[key] != nil, "\(key)")
        }
        let model = try #require(
            try JSONSerialization.jsonObject(with: Data(result.modelJSON.utf8)) as? [String: Any])
        #expect((model["encodings"] as? [String: [String]])?["lighting_condition"] == ["DARKNESS", "DAYLIGHT"])
        #expect((model["features"] as? [Any])?.count == 23)
    }

    @Test func aWindowTooSmallToJudgeTrainsNothingAndSaysWhy() {
        #expect {
            _ = try Self.training.run(Self.table(rows: 60))
        } throws: { error in
            guard let error = error as? HitAndRunError else { return false }
            return error.split == "validation" && "\(error)".contains("no model is published")
        }
    }

    @Test func categoriesAreCodedInByteOrderAndUnseenOnesAreMissing() {
        let feature = HitAndRunFeatures.all.first { $0.name == "weather_condition" }!
        var rows = HitAndRunRows(features: [feature])
        for value: SQLValue in [.text("RAIN"), .text("CLEAR"), .null, .text("RAIN"), .text("SNOW")] {
            rows.append { [.text("C"), .text("2024-01-01T10:00:00.000"), .integer(0), value][$0] }
        }
        // SNOW comes after the training rows only.
        let encoding = CategoryEncoding(features: [feature], rows: rows, training: 0..<4)
        #expect(encoding.labels["weather_condition"] == ["CLEAR", "RAIN"])
        #expect(encoding.code(.text("RAIN"), feature: feature) == 1)
        #expect(encoding.code(.text("SNOW"), feature: feature).isNaN)
        #expect(encoding.code(.null, feature: feature).isNaN)
        let column = rows.columns(0..<5, encoding: encoding)[0]
        #expect(column.map { $0.isNaN ? -1 : $0 } == [1, 0, -1, 1, -1])
        #expect(rows.days == Array(repeating: "2024-01-01", count: 5))
    }

    @Test(.enabled(if: NodeRunner.path != nil, "node is not on PATH: the JavaScript scorer was not checked"))
    func thePageScorerGivesTheSwiftScoresOnTheTestRows() throws {
        let result = try Self.training.run(Self.table(rows: 1_000))
        let rows = result.testRows
        let folder = try Fixtures.temporaryFolder("hit-and-run-scorer")
        defer { Fixtures.removeTemporaryFolder(folder) }
        // The page's script (scorer and form glue), fed the published model.json; rows as the form sends them:
        // text by feature name, empty for missing.
        try ModelScorerJS.formScript.write(toFile: folder + "/scorer.js", atomically: true, encoding: .utf8)
        try result.modelJSON.write(toFile: folder + "/model.json", atomically: true, encoding: .utf8)
        let named = rows.map { row in
            "{"
                + zip(HitAndRunFeatures.all, row).map { "\"\($0.name)\":\"\($1.isNaN ? "" : $1.description)\"" }
                .joined(separator: ",") + "}"
        }
        try ("[" + named.joined(separator: ",") + "]").write(
            toFile: folder + "/rows.json", atomically: true, encoding: .utf8)
        let output = try NodeRunner.run(
            """
            const fs = require("fs");
            const { score } = require("./scorer.js");
            const model = JSON.parse(fs.readFileSync("model.json", "utf8"));
            for (const row of JSON.parse(fs.readFileSync("rows.json", "utf8"))) console.log(score(model, row));
            """, in: folder)
        let scores = output.split(separator: "\n").compactMap { Double($0) }
        #expect(scores.count == rows.count)
        for (row, score) in zip(rows, scores) {
            #expect(abs(score - result.model.probability(row)) < 1e-12)
        }
    }
}
