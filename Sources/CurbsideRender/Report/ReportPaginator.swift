/// Puts measured pieces on pages: each section starts a page, headings stay with what follows them, figures
/// and table rows are never split, and tables and lists too long for the room left continue on the next page
/// with their caption and header repeated.
///
/// Because the pages are decided here, from estimates that err towards fuller pages, the contents can print the
/// page of every section, and the printed report has exactly ``sheets`` pages after the cover and contents.
struct ReportPaginator {
    /// The markup of each page, in order.
    private(set) var sheets: [[String]] = []
    /// The page (an index into ``sheets``) each anchor landed on.
    private(set) var anchors: [String: Int] = [:]
    /// The pages printed in landscape (indexes into ``sheets``).
    private(set) var landscape: Set<Int> = []
    private var used = 0.0
    let capacity: Double

    init(capacity: Double = ReportMetrics.pageCapacity) {
        self.capacity = capacity
    }

    /// Starts a section on a new page with its title block, then places its pieces.
    mutating func section(title: String, height: Double, anchor: String, pieces: [ReportPiece]) {
        newSheet()
        place(title, height: height, anchor: anchor)
        var pending: [(html: String, height: Double, anchor: String?)] = []
        for piece in pieces {
            switch piece {
            case .block(let html, let height, let keep, let anchor):
                if keep {
                    pending.append((html, height, anchor))
                    continue
                }
                makeRoom(for: height + pending.reduce(0) { $0 + $1.height })
                flush(&pending)
                place(html, height: height, anchor: nil)
            case .table(let table):
                placeTable(table, pending: &pending)
            case .list(let name, let items):
                placeList(name, items, pending: &pending)
            case .landscape(let html, let height):
                newSheet()
                landscape.insert(sheets.count - 1)
                flush(&pending)
                place(html, height: height, anchor: nil)
                // Whatever follows goes on a portrait page again.
                used = .infinity
            }
        }
        flush(&pending)
    }

    private mutating func newSheet() {
        sheets.append([])
        used = 0
    }

    private mutating func place(_ html: String, height: Double, anchor: String?) {
        sheets[sheets.count - 1].append(html)
        used += height
        if let anchor { anchors[anchor] = sheets.count - 1 }
    }

    /// A new page unless `height` fits in the room left (or the page is empty: an oversize block goes on its own).
    private mutating func makeRoom(for height: Double) {
        if used > 0 && !(used + height <= capacity) { newSheet() }
    }

    private mutating func flush(_ pending: inout [(html: String, height: Double, anchor: String?)]) {
        for block in pending { place(block.html, height: block.height, anchor: block.anchor) }
        pending = []
    }

    private mutating func placeTable(
        _ table: ReportTable, pending: inout [(html: String, height: Double, anchor: String?)]
    ) {
        let heights = table.rows.map { table.height(of: $0) }
        var start = 0
        var fresh = false
        // A table that fits on a page of its own is not split: it moves to the next page whole.
        let whole = table.headHeight + heights.reduce(0, +) + pending.reduce(0) { $0 + $1.height }
        if used > 0, !(used + whole <= capacity), whole <= capacity {
            newSheet()
            fresh = true
        }
        repeat {
            let waiting = pending.reduce(0) { $0 + $1.height }
            let room = capacity - used - waiting - table.headHeight
            var count = 0
            var height = 0.0
            while start + count < heights.count, height + heights[start + count] <= room {
                height += heights[start + count]
                count += 1
            }
            // Fewer than three rows at the foot of a page read badly: start the table on the next page instead.
            if count < min(3, heights.count - start) && !fresh && used > 0 {
                newSheet()
                fresh = true
                continue
            }
            if count == 0 && start < heights.count {
                count = 1
                height = heights[start]
            }
            flush(&pending)
            place(
                table.html(rows: start..<start + count, continued: start > 0), height: table.headHeight + height,
                anchor: nil)
            start += count
            fresh = false
            if start < heights.count {
                newSheet()
                fresh = true
            }
        } while start < heights.count
    }

    private mutating func placeList(
        _ name: String, _ items: [(html: String, height: Double)],
        pending: inout [(html: String, height: Double, anchor: String?)]
    ) {
        var start = 0
        var fresh = false
        while start < items.count {
            let waiting = pending.reduce(0) { $0 + $1.height }
            let room = capacity - used - waiting - ReportMetrics.paragraphGap
            var count = 0
            var height = 0.0
            while start + count < items.count, height + items[start + count].height <= room {
                height += items[start + count].height
                count += 1
            }
            if count < min(2, items.count - start) && !fresh && used > 0 {
                newSheet()
                fresh = true
                continue
            }
            if count == 0 {
                count = 1
                height = items[start].height
            }
            flush(&pending)
            let open = name == "ol" && start > 0 ? "<ol start=\"\(start + 1)\">" : "<\(name)>"
            let html = open + "\n" + items[start..<start + count].map(\.html).joined(separator: "\n") + "\n</\(name)>"
            place(html, height: height + ReportMetrics.paragraphGap, anchor: nil)
            start += count
            fresh = false
            if start < items.count {
                newSheet()
                fresh = true
            }
        }
    }
}
