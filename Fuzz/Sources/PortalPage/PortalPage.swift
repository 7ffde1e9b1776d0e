import CurbsideClean
import CurbsideIngest
import CurbsideModel
import CurbsideSimulator
import FuzzSupport

/// A page of portal JSON as ingestion reads it: the one-pass scan with drift and record ids, the row offsets bronze
/// stores, the row screen and the field readers cleaning uses, each checked against the others; then the simulator's
/// own reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPortalPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let body = FuzzInput(data, size).bytes
    var drift = SchemaDrift(expected: .nycViolations)
    let rows: [(recordID: String?, range: Range<Int>)]
    do {
        rows = try drift.inspect(page: body, idField: Array("summons_number".utf8))
    } catch {
        // elementRanges may still read it: only the id's string is decoded, and a broken escape elsewhere is skipped.
        fuzzCheck(drift.rows == 0, "a page that does not scan counted \(drift.rows) rows")
        return 0
    }
    _ = drift.findings
    fuzzCheck(drift.rows == rows.count, "drift counted \(drift.rows) rows of \(rows.count)")
    fuzzCheck((try? FlatJSON.elementRanges(of: body)) == rows.map(\.range), "elementRanges differs from scanRows")

    let keys = FlatJSON.Keys(["summons_number", "plate", "fine_amount", "summons_image", "issue_date"])
    var spans: [JSONSpan] = []
    var single = SchemaDrift(expected: .chicagoCrashes)
    for row in rows {
        fuzzCheck(row.range.upperBound <= body.count, "row \(row.range) outside a \(body.count)-byte page")
        let bytes = body[row.range]
        let id = single.inspect(row: bytes, idField: Array("summons_number".utf8))
        fuzzCheck(id == row.recordID, "inspect(row:) read id \(id ?? "nil"), scanRows \(row.recordID ?? "nil")")
        _ = try? FlatJSON.fields(of: bytes)
        _ = try? FlatJSON.dictionary(of: bytes)
        let selected = try? FlatJSON.select(keys, from: bytes)
        let located: [JSONField?]? = body.withUnsafeBufferPointer { buffer in
            let rowBytes = UnsafeBufferPointer(rebasing: buffer[row.range])
            guard (try? FlatJSON.locate(keys, in: rowBytes, into: &spans)) != nil else { return nil }
            return spans.map { FlatJSON.field($0, in: rowBytes) }
        }
        fuzzCheck(
            selected == located, "select read \(String(describing: selected)), locate \(String(describing: located))")
        // The row screen before cleaning: it passes a row only when the row is UTF-8, and calls a row invalid only
        // when it is not.
        let screened = body.withUnsafeBufferPointer { buffer in
            RowScreen.problem(in: UnsafeBufferPointer(rebasing: buffer[row.range]), maxTextBytes: 64)
        }
        let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
        fuzzCheck(screened != nil || isUTF8, "the row screen passed a row that is not UTF-8")
        fuzzCheck(
            screened?.rule != RowScreen.invalidUTF8 || !isUTF8,
            "the row screen called a UTF-8 row invalid: \(String(describing: screened))")
    }
    _ = single.findings

    // Bronze keeps the rows as offsets text; reading it back gives the same rows.
    let text = BronzeRowOffsets.encode(rows)
    do {
        let decoded = try BronzeRowOffsets.decode(text, page: 7)
        fuzzCheck(decoded.map(\.range) == rows.map(\.range), "offsets changed in \(text)")
        fuzzCheck(decoded.map(\.recordID) == rows.map(\.recordID), "record ids changed in \(text)")
    } catch {
        fuzzCheck(false, "the offsets bronze wrote do not read back: \(error) in \(text)")
    }

    // The simulator serves rows it reads with its own slicer.
    _ = try? SimulatedDataset(id: "fuzz-0001", name: "Fuzz", rowsJSON: body, rowsUpdatedAt: 1_771_064_425)
    return 0
}
