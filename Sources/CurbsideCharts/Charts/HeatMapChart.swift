/// A heat map: rows and columns are categories (day of week × hour of day), each cell shaded by its value.
///
/// Shades run from light (least, zero included) to dark (most) on a ``SequentialScale`` with a legend above
/// the grid; a cell without data is an outlined, crossed box, never a shade. Each cell's `<title>` reads
/// `Tue · 14: 12`; a `<desc>` summarises the grid for screen readers.
public struct HeatMapChart: Sendable, Hashable {
    public var title: String
    /// Row labels, top to bottom.
    public var rows: [String]
    /// Column labels, left to right.
    public var columns: [String]
    /// `values[row][column]`; `nil`, or a row shorter than ``columns``, is a cell without data.
    public var values: [[Double?]]
    public var format: ValueFormat

    /// - Parameters:
    ///   - title: the chart's accessible name.
    ///   - rows: the row labels, top to bottom.
    ///   - columns: the column labels, left to right.
    ///   - values: one array per row, one value per column; `nil` for no data.
    ///   - format: how values are written in the legend and the titles.
    public init(title: String, rows: [String], columns: [String], values: [[Double?]], format: ValueFormat) {
        self.title = title
        self.rows = rows
        self.columns = columns
        self.values = values
        self.format = format
    }

    /// The chart as SVG markup.
    /// - Parameter width: the view-box width; text keeps its size, so a narrower chart suits a phone.
    public func render(width: Double = 640) -> String { svg(width: width).render() }

    /// The chart as an SVG tree.
    /// - Parameter width: the view-box width (at least 280); column labels are thinned to fit it.
    public func svg(width: Double = 640) -> SVGNode {
        let layout = HeatMapLayout(chart: self, width: max(280, width))
        var children: [SVGNode] = [.title(title), .desc(summary), layout.legend.node()]
        if layout.isEmpty {
            children.append(
                .text(
                    "No data", x: layout.width / 2, y: layout.top + (layout.bottom - layout.top) / 2,
                    anchor: "middle", cssClass: "empty"))
        } else {
            children += [layout.rowLabels(), layout.columnLabels(), layout.cells()]
        }
        return .svg(width: layout.width, height: layout.height, cssClass: "chart heat-map", children)
    }

    /// The value at a cell, `nil` when there is none.
    public func value(row: Int, column: Int) -> Double? {
        guard values.indices.contains(row), values[row].indices.contains(column), column < columns.count,
            let value = values[row][column], value.isFinite
        else { return nil }
        return value
    }

    /// A cell's tooltip: `Tue · 14: 12`, or `Tue · 14: no data`.
    func cellTitle(row: Int, column: Int) -> String {
        "\(rows[row]) · \(columns[column]): " + (value(row: row, column: column).map(format.format) ?? "no data")
    }

    /// The values present, for the scale.
    var presentValues: [Double] {
        rows.indices.flatMap { row in columns.indices.compactMap { value(row: row, column: $0) } }
    }

    /// One paragraph for `<desc>`: the grid's size, how many cells have data, then the highest and lowest.
    public var summary: String {
        let cells = rows.indices.flatMap { row in
            columns.indices.compactMap { column in value(row: row, column: column).map { (row, column, $0) } }
        }
        guard let high = cells.max(by: { $0.2 < $1.2 }), let low = cells.min(by: { $0.2 < $1.2 }) else {
            return "Heat map with no data."
        }
        var text = "Heat map of \(Self.counted(rows.count, "row")) (\(rows.first!) to \(rows.last!))"
        text += " by \(Self.counted(columns.count, "column")) (\(columns.first!) to \(columns.last!));"
        text += " \(cells.count) of \(rows.count * columns.count) cells have data."
        text += " Highest: \(rows[high.0]) · \(columns[high.1]), \(format.format(high.2))."
        if cells.count > 1 {
            text += " Lowest: \(rows[low.0]) · \(columns[low.1]), \(format.format(low.2))."
        }
        return text
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
