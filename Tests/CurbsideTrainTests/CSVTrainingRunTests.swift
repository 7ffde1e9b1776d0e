import CurbsideModel
import CurbsideTrain
import Foundation
import Testing

@Suite struct CSVTrainingRunTests {
    static func csv(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// 10 rows: x separates the classes, z is text, the last column says train or test.
    static let withSplit = """
        x,y,z,part
        1,0,a,train
        2,0,b,train
        3,0,c,test
        ,1,d,train
        5,1,e,train
        6,1,f,test
        7,1,g,train
        8,0,h,train
        9,1,i,test
        10,0,j,train

        """

    @Test func theSplitColumnChoosesTheTestRows() throws {
        let data = try CSVTrainingRun(label: "y", split: "part").prepare(csv: Self.csv(Self.withSplit), source: "a.csv")
        #expect(data.train.rowCount == 7)
        #expect(data.test.rowCount == 3)
        #expect(data.test.columns == [[3, 6, 9]])
        #expect(data.test.labels == [0, 1, 1])
        #expect(data.train.featureNames == ["x"])
        #expect(data.train.columns[0][2].isNaN)  // the empty field is missing
        #expect(data.notes == ["skipped column 'z': not a number at line 2 ('a')"])
    }

    @Test func withoutASplitTheLastFifthIsTheTest() throws {
        var text = "a,b,label\n"
        for row in 0..<12 { text += "\(row),\(row % 3 == 0 ? "" : "0.5"),\(row % 2)\n" }
        let data = try CSVTrainingRun(label: "label").prepare(csv: Self.csv(text), source: "b.csv")
        #expect(data.train.rowCount == 10)  // 12 − ⌊12 / 5⌋
        #expect(data.test.columns[0] == [10, 11])
        #expect(data.train.featureNames == ["a", "b"])
        #expect(data.train.columns[1][0].isNaN)
    }

    @Test func quotedFieldsAndCRLFAreRead() throws {
        let text = "\"x\",\"y\"\r\n\"1.5\",0\r\n2,1\r\n3,0\r\n4,1\r\n5,1\r\n"
        let data = try CSVTrainingRun(label: "y").prepare(csv: Self.csv(text), source: "c.csv")
        #expect(data.train.columns[0] == [1.5, 2, 3, 4])
        #expect(data.test.labels == [1])
    }

    @Test func numbersAreReadLikeAFloat64ReaderThenRounded() throws {
        let fields = ["1e-3", "-2.5", "+4", " 7 ", "NaN", "1.5E2", ".5", "0.1", "123456789012345678901", "-inf"]
        var text = "x,y\n"
        for (row, field) in fields.enumerated() { text += "\(field),\(row % 2)\n" }
        text += "0,1\n0,0\n"
        let data = try CSVTrainingRun(label: "y").prepare(csv: Self.csv(text), source: "n.csv")
        let values = data.train.columns[0]
        #expect(Array(values[0..<4]) == [0.001, -2.5, 4, 7])
        #expect(values[4].isNaN)
        #expect(Array(values[5..<8]) == [150, 0.5, Float(0.1)])
        #expect(values[8] == Float(Double("123456789012345678901")!))
        #expect(values[9] == -.infinity)
    }

    @Test func aRunPrintsSecondsAndTestAUC() throws {
        var parameters = GBTParameters()
        parameters.rounds = 5
        let run = CSVTrainingRun(label: "y", split: "part", parameters: parameters)
        let result = try run.run(csv: Self.csv(Self.withSplit), source: "a.csv", clock: TickClock())
        #expect(result.trainRows == 7)
        #expect(result.testRows == 3)
        #expect(result.trainSeconds == 1.25)
        #expect(result.summaryLine.hasPrefix("train_seconds=1.250 test_auc="))
        #expect(result.summaryLine == "train_seconds=1.250 test_auc=\(String(format: "%.6f", result.test.rocAUC))")
    }

    @Test(arguments: [
        ("", "f.csv: the file is empty; expected a header line and rows"),
        ("x,y\n", "f.csv: the file has a header but no rows"),
        ("x,y,x\n1,0,2\n", "f.csv:1: column 'x' appears twice in the header; rename one"),
        ("a,b\n1,0\n", "f.csv:1: no label column 'y'; the columns are: a, b"),
        ("x,y\n1,0\n2\n", "f.csv:3: 1 fields where the header has 2"),
        ("x,y\n1,0\n2,yes\n", "f.csv:3: label column 'y' holds 'yes'; labels must be 0 or 1"),
        ("x,y\n1,0\n2,\n", "f.csv:3: label column 'y' is empty; labels must be 0 or 1"),
        ("x,y\n1,0\n2,2\n", "f.csv:3: label column 'y' holds '2'; labels must be 0 or 1"),
        ("x,y\n\"1,0\n2,1\n", "f.csv:2: a quoted field is never closed; close it with \""),
        ("name,y\nann,0\nbob,1\n", "f.csv: no numeric feature columns besides the label 'y'"),
        ("x,y\n1,0\n2,1\n", "f.csv: no test rows; the split column must mark some rows test"),
    ])
    func badFilesAreExplained(text: String, message: String) {
        let error = #expect(throws: CSVTrainingError.self) {
            try CSVTrainingRun(label: "y").prepare(csv: Self.csv(text), source: "f.csv")
        }
        #expect(error?.description == message)
    }

    @Test(arguments: [
        (
            "x,y,part\n1,0,train\n2,1,validation\n",
            "g.csv:3: split column 'part' holds 'validation'; it must be train or test"
        ),
        ("x,y,part\n1,0,test\n2,1,test\n", "g.csv: no train rows; the split column must mark some rows train"),
        ("x,y\n1,0\n", "g.csv:1: no split column 'part'; the columns are: x, y"),
    ])
    func badSplitsAreExplained(text: String, message: String) {
        let error = #expect(throws: CSVTrainingError.self) {
            try CSVTrainingRun(label: "y", split: "part").prepare(csv: Self.csv(text), source: "g.csv")
        }
        #expect(error?.description == message)
    }

    @Test func aSingleClassInTrainingIsExplained() {
        let text = "x,y,part\n1,0,train\n2,0,train\n3,1,test\n"
        let error = #expect(throws: CSVTrainingError.self) {
            try CSVTrainingRun(label: "y", split: "part").run(csv: Self.csv(text), source: "h.csv")
        }
        #expect(error?.description == "h.csv: every training row has label 0; a classifier needs both classes")
    }

    /// Files whose records, quotes and line ends fall across any chunk boundary.
    static let tricky = [
        withSplit,
        "\"x\",\"y\"\r\n\"1.5\",0\r\n2,1\r\n3,0\r\n4,1\r\n5,1\r\n",
        "x,y,note\n\n1,0,\"two\nlines\"\n\r\n2,1,\"say \"\"hi\"\"\"\n3,0,\n4,1,x\n5,1,",
        "a,y,b\n1,0,7\n 2 ,1,\n3,0,8\n4,1,9\n5,0,-1\n6,1,2e3",
        "x,y\n1,0\n2,yes\n",
        "x,y\n1,0\n2\n",
        "x,y\n\"1,0\n2,1\n",
        "x,y\n",
        "",
    ]

    /// What a dataset holds, NaN included (a NaN is not equal to itself).
    static func bits(_ data: Dataset) -> [[UInt32]] { data.columns.map { $0.map(\.bitPattern) } }

    @Test(arguments: tricky)
    func aFileReadInSmallChunksGivesWhatItsBytesGive(text: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("chunks-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = CSVTrainingRun(label: "y")
        let expected = Result { try run.prepare(csv: Self.csv(text), source: path) }
        for chunk in [1, 2, 3, 5, 8, 64, 1 << 20] {
            let read = Result { try run.prepare(file: path, chunk: chunk) }
            switch (expected, read) {
            case (.success(let a), .success(let b)):
                #expect(Self.bits(a.train) == Self.bits(b.train), "chunk \(chunk)")
                #expect(Self.bits(a.test) == Self.bits(b.test), "chunk \(chunk)")
                #expect(a.train.labels == b.train.labels && a.test.labels == b.test.labels, "chunk \(chunk)")
                #expect(a.train.featureNames == b.train.featureNames && a.notes == b.notes, "chunk \(chunk)")
            case (.failure(let a), .failure(let b)):
                #expect("\(a)" == "\(b)", "chunk \(chunk)")
            default:
                Issue.record("chunk \(chunk): \(expected) from the bytes, \(read) from the file")
            }
        }
    }

    @Test func recordsAcrossChunksAreReadAsInOnePiece() throws {
        let data = try CSVTrainingRun(label: "y").prepare(csv: Self.csv(Self.tricky[2]), source: "t.csv")
        #expect(data.train.columns == [[1, 2, 3, 4]])
        #expect(data.test.labels == [1])
        #expect(data.notes == ["skipped column 'note': not a number at line 3 ('two\nlines')"])
    }

    @Test func aFolderIsNotAFile() {
        let error = #expect(throws: CSVTrainingError.self) {
            try CSVTrainingRun(label: "y").run(file: FileManager.default.temporaryDirectory.path)
        }
        #expect(error?.description.hasSuffix("cannot read the file; check the path and its permissions") == true)
    }

    @Test func anUnreadableFileIsExplained() {
        let error = #expect(throws: CSVTrainingError.self) {
            try CSVTrainingRun(label: "y").run(file: "/nonexistent/data.csv")
        }
        #expect(error?.description == "/nonexistent/data.csv: cannot read the file; check the path and its permissions")
    }
}

/// A clock that moves 1.25 s each time it is read.
final class TickClock: WallClock, @unchecked Sendable {
    // Safety: read by one test at a time.
    private var seconds = 0.0

    func now() -> Double {
        seconds += 1.25
        return seconds
    }
}
