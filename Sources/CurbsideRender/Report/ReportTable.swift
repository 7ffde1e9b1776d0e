import Foundation

/// A data table laid out for print: fixed column widths the paginator can measure, rows it can split across pages
/// with the caption and header repeated.
struct ReportTable {
    struct Cell {
        /// The cell's inner markup, as rendered.
        var html: String
        var text: String
        var numeric: Bool
        var span: Int
        /// Set in code: measured as a monospaced face.
        var monospace: Bool { html.contains("<code>") }
    }

    /// The class naming this table's column widths: `t3`.
    var name: String
    /// The caption's inner markup, or empty.
    var caption: String
    var header: [Cell]
    var rows: [[Cell]]
    /// Column widths in points, and their sum.
    var widths: [Double] = []
    var width: Double = 0

    /// Reads a table we rendered (a `table-frame` or a bare Markdown table).
    /// - Returns: nil when the markup holds no header row.
    init?(html: String, name: String) {
        self.name = name
        caption = Self.inner(of: "caption", in: html) ?? ""
        guard let head = Self.inner(of: "thead", in: html) else { return nil }
        header = Self.rows(in: head).first ?? []
        rows = Self.rows(in: Self.inner(of: "tbody", in: html) ?? "")
        guard !header.isEmpty else { return nil }
        layOut()
    }

    /// Natural widths when they fit (narrow tables grow to 60% of the column, so captions stay readable);
    /// otherwise, as a browser's automatic layout does, every column keeps its longest word and the room left
    /// goes to the columns in proportion to what they lack. Numbers never wrap.
    private mutating func layOut() {
        let columns = header.count
        let padding = 2 * ReportMetrics.cellPaddingH + 4
        var natural = Array(repeating: 24.0, count: columns)
        var least = Array(repeating: 24.0, count: columns)
        for (position, row) in ([header] + rows).enumerated() {
            for (column, cell) in row.enumerated() where column < columns && cell.span == 1 {
                let size = ReportMetrics.cellSize * (position == 0 ? 1.12 : 1)
                let mono = cell.monospace
                let whole = TextMetrics.width(Substring(cell.text), fontSize: size, monospace: mono)
                let word =
                    cell.numeric && position > 0
                    ? whole
                    : cell.text.split(separator: " ").map { TextMetrics.width($0, fontSize: size, monospace: mono) }
                        .max() ?? 0
                natural[column] = max(natural[column], whole + padding)
                least[column] = max(least[column], word + padding)
            }
        }
        let available = ReportMetrics.contentWidth
        let total = natural.reduce(0, +)
        if total <= available {
            widths = natural.map { $0 * max(1, available * 0.6 / total) }
        } else {
            let floor = least.reduce(0, +)
            let lacking = zip(natural, least).map { $0 - $1 }
            let room = max(0, available - floor)
            let share = max(lacking.reduce(0, +), 1)
            widths = (0..<columns).map { least[$0] + room * lacking[$0] / share }
            let sum = widths.reduce(0, +)
            if sum > available { widths = widths.map { $0 * available / sum } }
        }
        width = widths.reduce(0, +)
    }

    /// The height of one row, in points.
    func height(of row: [Cell], bold: Bool = false) -> Double {
        var lines = 1
        var column = 0
        for cell in row {
            let cellWidth = widths[min(column, widths.count - 1)..<min(column + cell.span, widths.count)].reduce(0, +)
            let size = ReportMetrics.cellSize * (bold ? 1.08 : 1)
            let room = cellWidth - 2 * ReportMetrics.cellPaddingH
            lines = max(lines, TextMetrics.lines(cell.text, fontSize: size, width: room, monospace: cell.monospace))
            column += cell.span
        }
        return Double(lines) * ReportMetrics.cellLeading + 2 * ReportMetrics.cellPaddingV + 1
    }

    /// The caption and header row, repeated on every page the table reaches.
    var headHeight: Double {
        var height = ReportMetrics.figureBefore + ReportMetrics.figureAfter + self.height(of: header, bold: true)
        if !caption.isEmpty {
            height += ReportMeasure.captionHeight(caption, width: width)
        }
        return height
    }

    /// The markup of rows `range` as a table of their own; `continued` marks the caption of a later part.
    func html(rows range: Range<Int>, continued: Bool) -> String {
        var html = "<div class=\"table-frame\">\n<table class=\"data-table \(name)\">\n"
        if !caption.isEmpty {
            var text = caption
            if continued {
                let marker = "<span class=\"continued\"> (continued)</span>"
                if let end = text.range(of: "</span>") {
                    text.replaceSubrange(end.lowerBound..<end.lowerBound, with: marker)
                } else {
                    text = marker + " " + text
                }
            }
            html += "<caption>" + text + "</caption>\n"
        }
        html += "<colgroup>" + String(repeating: "<col>", count: widths.count) + "</colgroup>\n<thead>\n<tr>"
        for cell in header { html += Self.open("th", cell) + cell.html + "</th>" }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in rows[range] {
            html += "<tr>" + row.map { Self.open("td", $0) + $0.html + "</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>"
    }

    /// The CSS that fixes this table's column widths.
    var css: String {
        var css = ".\(name) { width: \(ReportMetrics.formatted(width))pt; }\n"
        for (index, value) in widths.enumerated() {
            css += ".\(name) col:nth-child(\(index + 1)) { width: \(ReportMetrics.formatted(value))pt; }\n"
        }
        return css
    }

    private static func open(_ tag: String, _ cell: Cell) -> String {
        var attributes = tag == "th" ? " scope=\"col\"" : ""
        if cell.numeric { attributes += " class=\"num\"" }
        if cell.span > 1 { attributes += " colspan=\"\(cell.span)\"" }
        return "<\(tag)\(attributes)>"
    }

    /// The markup between `<name…>` and `</name>`, for the first such element.
    static func inner(of name: String, in html: String) -> String? {
        guard let open = html.range(of: "<\(name)"),
            let close = html.range(of: "</\(name)>", range: open.upperBound..<html.endIndex),
            let tagEnd = html.range(of: ">", range: open.upperBound..<close.lowerBound)
        else { return nil }
        return String(html[tagEnd.upperBound..<close.lowerBound])
    }

    private static func rows(in html: String) -> [[Cell]] {
        HTMLBlock.split(html).filter { $0.name == "tr" }.map { row in
            let cells = Self.inner(of: "tr", in: row.html) ?? ""
            return HTMLBlock.split(cells).filter { $0.name == "td" || $0.name == "th" }.map { cell in
                let open = String(cell.html.prefix { $0 != ">" })
                let span = Int(HTMLBlock.attribute("colspan", inTag: open)) ?? 1
                let numeric = cell.cssClass.split(separator: " ").contains("num") || open.contains("align=\"right\"")
                return Cell(
                    html: Self.inner(of: cell.name, in: cell.html) ?? "", text: cell.text, numeric: numeric,
                    span: max(1, span))
            }
        }
    }
}
