import CurbsideModel
import CurbsideRender
import FuzzSupport

/// A `model.json` as the scorer tag reads it from the warehouse, to build the form the browser scores with.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let page = ContentPage(
        file: "content/model.md", slug: "model", title: "Model", description: "", order: 1,
        queries: [NamedQuery(name: "model", sql: "SELECT model_json FROM model_current", line: 3)],
        body: "{{< scorer query=\"model\" column=\"model_json\" title=\"Score a crash\" >}}", bodyStartLine: 6)
    let runner = ModelRunner(json: FuzzInput(data, size).text)
    do {
        _ = try FuzzSite.renderer.bodyHTML(for: page, queries: runner, asOf: FuzzSite.asOf)
    } catch {
        fuzzCheck(error.file == "content/model.md" && error.line == 6, "an error at \(error.file):\(error.line ?? 0)")
    }
    return 0
}

/// Answers every query with one row holding the model's JSON.
struct ModelRunner: QueryRunner {
    let json: String

    func run(_ sql: String) throws -> QueryTable {
        QueryTable(columns: ["model_json"], rows: [[.text(json)]], sources: ["model_current"])
    }
}
