import CurbsideModel
import CurbsideSimulator
import FuzzSupport

/// The query part of a request to the portal simulator (`$where=…&$order=…&$select=…&$limit=…`): percent-decoding,
/// the SoQL lexer and parser, type checks against the dataset's columns, evaluation, sorting and the rows' body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSoQL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let response = router.response(method: "GET", target: "/resource/fuzz-0001.json?" + FuzzInput(data, size).text)
    switch response.status {
    case 200:
        let body = Array(response.bodyText.utf8)
        fuzzCheck((try? FlatJSON.elementRanges(of: body)) != nil, "a 200 whose body is not a JSON array")
    case 400:
        fuzzCheck(response.bodyText.contains("\"error\":true"), "a 400 without an error body")
    default:
        fuzzCheck(false, "status \(response.status) for a query")
    }
    return 0
}

/// Rows shaped like NYC's, with a number column, a text date, a missing value and an object.
private let router: PortalRouter = {
    let rows = """
        [{"summons_number": "1", "plate": "ABC123", "fine_amount": "65", "issue_date": "05/10/2025", \
        "summons_image": {"url": "http://x/1", "description": "View Summons"}}
        ,{"summons_number": "2", "plate": "O'BRIEN", "fine_amount": "115.5", "issue_date": "05/11/2025"}
        ,{"summons_number": "3", "fine_amount": "-5", "issue_date": "12/31/2024", "county": "QN"}
        ,{"summons_number": "4", "plate": "Ünïcode", "issue_date": "01/01/2026", "county": "K"}]
        """
    do {
        let dataset = try SimulatedDataset(
            id: "fuzz-0001", name: "Fuzz", rowsJSON: Array(rows.utf8), columnTypes: ["fine_amount": .number],
            rowsUpdatedAt: 1_771_064_425)
        return PortalRouter(datasets: [dataset])
    } catch {
        fatalError("the fuzz dataset does not load: \(error)")
    }
}()
