/// The report's pages: the sections paginated, the contents with the page of each entry, and the values the
/// report template reads.
///
/// Page 1 is the cover, the contents follow, then each section from a new page. A page number here is the
/// number printed in the footer of that page.
struct ReportLayout {
    /// One line of the contents.
    struct Entry {
        var number: String
        var title: String
        var anchor: String
        var page: Int
        var level: Int
    }

    private(set) var css = ""
    private(set) var pageCount = 0
    private(set) var entries: [Entry] = []
    /// Each contents page's entries.
    private(set) var contentsPages: [[Entry]] = []
    /// Each section's anchor, and its pages' numbers, markup and orientation.
    private(set) var sections: [(anchor: String, pages: [(number: Int, html: String, landscape: Bool)])] = []

    init(sections input: [PageContent]) {
        var paginator = ReportPaginator()
        var tableCount = 0
        var starts: [Int] = []
        var pending: [Entry] = []
        let slugs = Set(input.map(\.slug))
        for (index, section) in input.enumerated() {
            var builder = ReportSectionBuilder(number: index + 1, slugs: slugs, tableCount: tableCount)
            let pieces = builder.pieces(from: section.body)
            tableCount = builder.tableCount
            css += builder.css
            let anchor = "page-\(section.slug)"
            let title = Self.titleBlock(number: index + 1, section: section, anchor: anchor)
            starts.append(paginator.sheets.count)
            paginator.section(title: title.html, height: title.height, anchor: anchor, pieces: pieces)
            pending.append(Entry(number: "\(index + 1)", title: section.title, anchor: anchor, page: 0, level: 1))
            for sub in builder.subsections {
                pending.append(Entry(number: sub.number, title: sub.title, anchor: sub.anchor, page: 0, level: 2))
            }
        }
        contentsPages = Self.contentsPages(pending)
        let first = 2 + contentsPages.count
        entries = pending.map { entry in
            var entry = entry
            entry.page = first + (paginator.anchors[entry.anchor] ?? 0)
            return entry
        }
        contentsPages = Self.contentsPages(entries)
        pageCount = first - 1 + paginator.sheets.count
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : paginator.sheets.count
            let pages = (start..<end).map {
                (first + $0, paginator.sheets[$0].joined(separator: "\n"), paginator.landscape.contains($0))
            }
            sections.append(("page-\(input[index].slug)", pages))
        }
    }

    /// The section's numbered title and its one-sentence description.
    static func titleBlock(number: Int, section: PageContent, anchor: String) -> (html: String, height: Double) {
        typealias M = ReportMetrics
        var html = "<h2 class=\"section-title\" id=\"\(anchor)\"><span class=\"heading-number\">\(number)</span> "
        html += escapeHTML(section.title) + "</h2>"
        var height =
            Double(ReportMeasure.lines(section.title, size: M.titleSize * 1.08)) * M.titleLeading + M.titleGap
        if !section.description.isEmpty {
            html += "\n<p class=\"section-lede\">" + escapeHTML(section.description) + "</p>"
            height += Double(ReportMeasure.lines(section.description, size: M.ledeSize)) * M.ledeLeading + M.ledeGap
        }
        return (html, height)
    }

    /// Entries split into pages, under a heading on the first.
    static func contentsPages(_ entries: [Entry]) -> [[Entry]] {
        typealias M = ReportMetrics
        var pages: [[Entry]] = [[]]
        var used = M.titleLeading + M.titleGap
        for entry in entries {
            let width = M.contentWidth - 70 - (entry.level == 2 ? 24 : 0)
            let height =
                Double(ReportMeasure.lines(entry.number + " " + entry.title, size: M.tocSize, width: width))
                * M.tocLeading
            if used + height > M.pageCapacity && !pages[pages.count - 1].isEmpty {
                pages.append([])
                used = 0
            }
            pages[pages.count - 1].append(entry)
            used += height
        }
        return pages
    }

    /// The template's `contents`: a page per item, each with its entries.
    var contentsData: [[String: Any]] {
        contentsPages.enumerated().map { index, page in
            [
                "page": 2 + index, "isFirst": index == 0,
                "entries": page.map { entry -> [String: Any] in
                    [
                        "number": entry.number, "title": entry.title, "anchor": entry.anchor, "page": entry.page,
                        "isSub": entry.level == 2,
                    ]
                },
            ]
        }
    }

    /// The template's `sections`: each with its pages' numbers and markup.
    var sectionsData: [[String: Any]] {
        sections.map { section in
            [
                "anchor": section.anchor,
                "pages": section.pages.map {
                    ["page": $0.number, "html": $0.html, "landscape": $0.landscape] as [String: Any]
                },
            ]
        }
    }
}
