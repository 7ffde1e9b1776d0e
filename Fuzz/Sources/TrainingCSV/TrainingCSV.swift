import CurbsideTrain
import Foundation
import FuzzSupport

/// A training CSV as `curbside train --csv` reads it: from memory, and from a file read a few bytes at a time, which
/// must agree; then, when it is small, a few rounds of training and the test rows scored. The label is the header's
/// first column, the split column `split` when there is one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTrainingCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let csv = FuzzInput(data, size)
    let header = csv.split(at: UInt8(ascii: "\n")).head
    let names = String(decoding: header, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
    var parameters = GBTParameters()
    parameters.rounds = 3
    parameters.maxDepth = 3
    parameters.threads = 1
    parameters.maxBins = 16
    let run = CSVTrainingRun(
        label: names.first.map(String.init) ?? "", split: names.contains("split") ? "split" : nil,
        parameters: parameters)

    let memory = Result { try run.prepare(csv: csv.bytes, source: path) }
    fuzzCheck(FileManager.default.createFile(atPath: path, contents: Data(csv.bytes)), "cannot write \(path)")
    let file = Result { try run.prepare(file: path, chunk: 7) }
    switch (memory, file) {
    case (.success(let a), .success(let b)):
        fuzzCheck(
            a.train.rowCount == b.train.rowCount && a.test.rowCount == b.test.rowCount && a.notes == b.notes,
            "the file read in chunks gives other rows: \(a.notes) / \(b.notes)")
        if a.train.rowCount <= 64 { _ = try? run.run(csv: csv.bytes, source: path) }
    case (.failure(let a), .failure(let b)):
        fuzzCheck("\(a)" == "\(b)", "the file read in chunks fails otherwise: \(a) / \(b)")
    default:
        fuzzCheck(false, "one read fails and the other does not: \(memory) / \(file)")
    }
    return 0
}

/// One file per process, so parallel fuzzing jobs do not share it.
private let path = NSTemporaryDirectory() + "/curbside-fuzz-\(ProcessInfo.processInfo.processIdentifier).csv"
