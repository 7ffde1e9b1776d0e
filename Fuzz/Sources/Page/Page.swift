import CurbsideRender
import FuzzSupport

/// A whole content page: front matter, tags and their queries, charts and tables, Markdown, the layout template.
/// Queries are answered by ``TableQueryRunner``, which makes up tables from the SQL.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    guard let page = try? ContentParser.page(from: text, file: "content/fuzz.md") else { return 0 }
    do {
        let html = try FuzzSite.renderer.html(
            for: page, queries: TableQueryRunner(), context: FuzzSite.context(for: page))
        fuzzCheck(html.hasPrefix("<!DOCTYPE html>"), "a page that is not an HTML document")
    } catch {
        fuzzCheck(error.file == "content/fuzz.md", "an error naming \(error.file)")
        fuzzCheck(error.line.map { $0 >= 1 } ?? true, "an error on line \(String(describing: error.line))")
    }
    return 0
}
