import Foundation

/// A measured piece of a report section, ready for the paginator.
enum ReportPiece {
    /// A block placed whole; `anchor` is recorded with the page it lands on.
    case block(html: String, height: Double, keepWithNext: Bool, anchor: String?)
    /// A table, split between rows when it does not fit.
    case table(ReportTable)
    /// A list, split between items when it does not fit.
    case list(name: String, items: [(html: String, height: Double)])
    /// A drawing too wide for a portrait page: printed on a landscape page, with the headings just before it.
    case landscape(html: String, height: Double)

    var keepWithNext: Bool {
        if case .block(_, _, let keep, _) = self { return keep }
        return false
    }
}

/// Turns a page body into report pieces: headings renumbered (`## Day by day` → `<h3>2.3 Day by day</h3>`), links
/// to other pages pointed at their sections, the phone-sized copy of each chart dropped, tables given fixed
/// column widths.
struct ReportSectionBuilder {
    /// The section's number, `2`.
    let number: Int
    /// Every page's slug, to turn `nyc.html` links into `#page-nyc`.
    let slugs: Set<String>
    /// Counts tables across the report, for unique width classes.
    var tableCount: Int
    /// Subsections found: number, title, anchor.
    var subsections: [(number: String, title: String, anchor: String)] = []
    /// Width rules for the tables of this section.
    var css = ""

    init(number: Int, slugs: Set<String>, tableCount: Int) {
        self.number = number
        self.slugs = slugs
        self.tableCount = tableCount
    }

    mutating func pieces(from body: String) -> [ReportPiece] {
        var pieces: [ReportPiece] = []
        for block in HTMLBlock.split(retarget(body)) {
            switch block.name {
            case "h2", "h3", "h4", "h5", "h6":
                pieces.append(heading(block))
            case "div" where block.cssClass.contains("table-frame"), "table":
                tableCount += 1
                if let table = ReportTable(html: block.html, name: "t\(tableCount)") {
                    css += table.css
                    pieces.append(.table(table))
                } else {
                    pieces.append(
                        .block(
                            html: block.html, height: ReportMeasure.height(of: block), keepWithNext: false, anchor: nil)
                    )
                }
            case "ul", "ol":
                let inner = ReportTable.inner(of: block.name, in: block.html) ?? ""
                let items = HTMLBlock.split(inner).filter { $0.name == "li" }
                pieces.append(.list(name: block.name, items: items.map { ($0.html, ReportMeasure.item($0)) }))
            case "figure":
                let html = Self.droppingData(Self.droppingNarrowChart(block.html))
                var measured = block
                measured.html = html
                let height = ReportMeasure.height(of: measured)
                pieces.append(
                    ReportMeasure.isLandscape(measured)
                        ? .landscape(html: html, height: height)
                        : .block(html: html, height: height, keepWithNext: false, anchor: nil))
            default:
                pieces.append(
                    .block(html: block.html, height: ReportMeasure.height(of: block), keepWithNext: false, anchor: nil))
            }
        }
        return pieces
    }

    /// `h2` → a numbered `h3` with an anchor (listed in the contents); deeper headings move down one level.
    private mutating func heading(_ block: HTMLBlock) -> ReportPiece {
        let level = Int(block.name.dropFirst()) ?? 2
        let inner = ReportTable.inner(of: block.name, in: block.html) ?? block.text
        guard level == 2 else {
            let name = "h\(min(6, level + 1))"
            let block = HTMLBlock(name: name, cssClass: "", html: "<\(name)>\(inner)</\(name)>")
            return .block(html: block.html, height: ReportMeasure.height(of: block), keepWithNext: true, anchor: nil)
        }
        let label = "\(number).\(subsections.count + 1)"
        let anchor = "s\(number)-\(subsections.count + 1)"
        subsections.append((label, block.text, anchor))
        let html = "<h3 id=\"\(anchor)\"><span class=\"heading-number\">\(label)</span> \(inner)</h3>"
        let height = ReportMeasure.height(of: HTMLBlock(name: "h3", cssClass: "", html: html))
        return .block(html: html, height: height, keepWithNext: true, anchor: anchor)
    }

    /// Links to other pages of the version become links to their sections of the report.
    private func retarget(_ html: String) -> String {
        var result = html
        for slug in slugs.sorted() {
            result = result.replacingAll("href=\"\(slug).html\"", with: "href=\"#page-\(slug)\"")
        }
        return result
    }

    /// Charts come drawn twice, for a wide column and for a phone; paper needs the wide one only.
    static func droppingNarrowChart(_ html: String) -> String {
        removingFirst(html, from: "<div class=\"chart-frame chart-narrow\">", through: "</div>")
    }

    /// Paper has no scripts: the rows a chart embeds for them (`<script type="application/json">`) are dropped.
    static func droppingData(_ html: String) -> String {
        removingFirst(html, from: "<script type=\"application/json\"", through: "</script>")
    }

    /// `html` without its first element from `opening` to the next `closing` (and the line end after it).
    private static func removingFirst(_ html: String, from opening: String, through closing: String) -> String {
        guard let start = html.range(of: opening),
            let end = html.range(of: closing, range: start.upperBound..<html.endIndex)
        else { return html }
        var result = html
        var upper = end.upperBound
        if upper < result.endIndex, result[upper] == "\n" { upper = result.index(after: upper) }
        result.removeSubrange(start.lowerBound..<upper)
        return result
    }
}
