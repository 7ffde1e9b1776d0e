import CCmark
import Foundation

/// GitHub-flavoured Markdown to HTML through cmark-gfm, with tables, strikethrough, autolinks, task lists and
/// the tag filter.
///
/// Raw HTML is passed through (`CMARK_OPT_UNSAFE`): pages are written by the site's owner, not by readers.
enum Markdown {
    static let extensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the core extensions once per process; cmark's registry is a global.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm keeps the inline parser's special characters in one process-wide table (`SPECIAL_CHARS`): each
    /// parse adds its extensions' characters (`~` for strikethrough, `w` and `:` for autolinks) while it processes
    /// inlines and removes them after (github/cmark-gfm#176, still open), so two parses at once can lose each
    /// other's: parallel tests once rendered `~~old~~` as text. One document at a time.
    private static let lock = NSLock()

    /// - Parameter markdown: the Markdown text.
    /// - Returns: the HTML body (no `<html>` or `<body>`).
    static func html(from markdown: String) -> String {
        precondition(registered)
        lock.lock()
        defer { lock.unlock() }
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
