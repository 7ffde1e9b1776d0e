import Foundation

/// Estimates the printed height of each kind of block, from ``ReportMetrics`` and ``TextMetrics``.
enum ReportMeasure {
    typealias M = ReportMetrics

    /// Lines of body text in a column `width` points wide.
    static func lines(_ text: String, size: Double = M.bodySize, width: Double = M.contentWidth) -> Int {
        TextMetrics.lines(text, fontSize: size, width: width)
    }

    /// A caption of a figure or table: the title in bold, the provenance line under it.
    static func captionHeight(_ html: String, width: Double = M.contentWidth) -> Double {
        let blocks = HTMLBlock.split(html)
        let title = blocks.first { $0.cssClass.contains("figure-title") }?.text ?? ""
        let provenance = blocks.first { $0.cssClass.contains("provenance") }?.text ?? HTMLBlock.plainText(html)
        var height = M.captionGap + Double(lines(provenance, size: M.captionSize, width: width)) * M.captionLeading
        if !title.isEmpty {
            height += Double(lines(title, size: M.captionTitleSize * 1.08, width: width)) * M.captionTitleLeading
        }
        return height
    }

    /// The height of a block that is not a table (tables measure themselves, row by row).
    static func height(of block: HTMLBlock) -> Double {
        switch block.name {
        case "h3": return heading(block.text, size: M.h3Size, leading: M.h3Leading) + M.h3Before + M.h3After
        case "h4", "h5", "h6": return heading(block.text, size: M.h4Size, leading: M.h4Leading) + M.h4Before + M.h4After
        case "ul", "ol": return list(block) + M.paragraphGap
        case "pre": return code(block.html) + 2 * M.codePadding + M.paragraphGap
        case "hr": return 2 * M.paragraphGap + 2
        case "figure": return figure(block)
        case "blockquote": return text(block.text, width: M.contentWidth - 20) + M.paragraphGap
        default: return text(block.text, width: M.contentWidth) + M.paragraphGap
        }
    }

    static func heading(_ text: String, size: Double, leading: Double) -> Double {
        Double(lines(text, size: size * 1.08)) * leading
    }

    static func text(_ text: String, width: Double) -> Double {
        Double(lines(text, width: width)) * M.bodyLeading
    }

    /// Each item of a list, wrapped in the indented column.
    static func list(_ block: HTMLBlock) -> Double {
        let items = HTMLBlock.split(ReportTable.inner(of: block.name, in: block.html) ?? "").filter { $0.name == "li" }
        return items.reduce(0) { $0 + item($1) }
    }

    /// One list item: its text, plus a line for each nested item (each starts a line of its own) and the gap
    /// of each paragraph in a loose list.
    static func item(_ item: HTMLBlock) -> Double {
        let nested = max(0, item.html.components(separatedBy: "<li").count - 2)
        let paragraphs = item.html.components(separatedBy: "<p>").count - 1
        return text(item.text, width: M.contentWidth - M.listIndent) + Double(nested) * M.bodyLeading
            + Double(paragraphs) * M.paragraphGap + M.itemGap
    }

    /// Preformatted lines, each wrapped at the column in a monospaced face (0.61 em a character).
    static func code(_ html: String) -> Double {
        let raw = HTMLBlock.plainTextKeepingLines(html)
        let perLine = max(1, Int((M.contentWidth - 2 * M.codePadding) / (M.codeSize * 0.61)))
        let lines = raw.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
            $0 + max(1, ($1.count + perLine - 1) / perLine)
        }
        return Double(lines) * M.codeLeading
    }

    /// A chart: its caption, then the drawing scaled to the column width (capped at ``ReportMetrics/maxFigureHeight``).
    static func figure(_ block: HTMLBlock) -> Double {
        var height = M.figureBefore + M.figureAfter
        if let caption = ReportTable.inner(of: "figcaption", in: block.html) { height += captionHeight(caption) }
        if let box = viewBox(in: block.html), box.width > 0 {
            height +=
                isLandscape(block)
                ? min(M.landscapeWidth * box.height / box.width, M.maxLandscapeFigureHeight) + 4
                : min(M.contentWidth * box.height / box.width, M.maxFigureHeight) + 4
        }
        return height
    }

    /// Drawings wider than any chart (whose view box is 640 wide) go on a landscape page of their own.
    static func isLandscape(_ block: HTMLBlock) -> Bool {
        block.name == "figure" && (viewBox(in: block.html)?.width ?? 0) > 900
    }

    /// The width and height of the first `viewBox="0 0 w h"` in `html`.
    static func viewBox(in html: String) -> (width: Double, height: Double)? {
        guard let start = html.range(of: "viewBox=\"") else { return nil }
        let numbers = html[start.upperBound...].prefix { $0 != "\"" }.split(separator: " ").compactMap { Double($0) }
        guard numbers.count == 4 else { return nil }
        return (numbers[2], numbers[3])
    }
}

extension HTMLBlock {
    /// The text of preformatted markup: tags removed, entities decoded, line feeds kept.
    static func plainTextKeepingLines(_ html: String) -> String {
        html.split(separator: "\n", omittingEmptySubsequences: false).map { plainText(String($0)) }
            .joined(separator: "\n").trimmingTrailingNewlines
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
