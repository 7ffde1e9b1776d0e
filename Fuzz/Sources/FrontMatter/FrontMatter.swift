import CurbsideRender
import FuzzSupport

/// A content page's front matter and the split of its body, as `content/*.md` files are read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    do {
        let page = try ContentParser.page(from: text, file: "content/fuzz.md")
        fuzzCheck(!page.title.isEmpty, "a page without a title")
        fuzzCheck(page.bodyStartLine >= 2, "the body starts on line \(page.bodyStartLine)")
    } catch {
        fuzzCheck(error.file == "content/fuzz.md", "an error naming \(error.file)")
    }
    return 0
}
