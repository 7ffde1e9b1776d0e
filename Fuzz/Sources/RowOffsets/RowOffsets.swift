import CurbsideClean
import CurbsideModel
import Foundation
import FuzzSupport

/// A stored bronze page as cleaning reads it back from the warehouse, which a person or another program may have
/// changed: the input is the `row_offsets` text, a newline, then the body (a zstd frame when the text starts with
/// `z`, as the encoding's first letter). Every row it returns must lie inside the body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRowOffsets(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var (offsets, body) = FuzzInput(data, size).split(at: UInt8(ascii: "\n"))
    var encoding = "identity"
    if offsets.first == UInt8(ascii: "z") {
        encoding = "zstd"
        offsets.removeFirst()
    }
    let page = StoredBronzePage(
        id: 3, generation: 1, body: Data(body), bodyEncoding: encoding,
        rowOffsets: String(decoding: offsets, as: UTF8.self))
    guard let (bytes, rows) = try? BronzePageRows.read(page) else { return 0 }
    let keys = FlatJSON.Keys(["summons_number", "fine_amount"])
    var spans: [JSONSpan] = []
    bytes.withUnsafeBufferPointer { buffer in
        for (index, row) in rows.enumerated() {
            fuzzCheck(row.range.lowerBound >= 0 && row.range.upperBound <= bytes.count, "row \(row.range) outside")
            fuzzCheck(BronzeRowOffsets.split(row.id) == (3, index), "row id \(row.id) is not page 3's row \(index)")
            _ = try? FlatJSON.locate(keys, in: UnsafeBufferPointer(rebasing: buffer[row.range]), into: &spans)
        }
    }
    return 0
}
