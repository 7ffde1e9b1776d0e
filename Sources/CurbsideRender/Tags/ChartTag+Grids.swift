import CurbsideCharts
import CurbsideModel

/// The chart types drawn as grids of shaded cells: `heatmap` (categories × categories) and `map` (lat × lng).
extension ChartTag {
    /// `type="heatmap" x="hour" y="dow" value="crashes" ylabels="Sun,Mon,…"`: one row per distinct y, one
    /// column per distinct x, each cell shaded by the value of the row that has that x and y.
    ///
    /// Distinct values are in numeric order when all are numbers, else in order of first appearance; NULL comes
    /// last as `(none)`. A pair without a row is a cell without data.
    /// - Throws: `RenderError` for a missing column, a value that is not a number, labels that do not match the
    ///   distinct values, or two rows for one cell.
    static func heatMap(
        _ attributes: TagAttributes, query: (name: String, table: QueryTable), format: ValueFormat?
    ) throws(RenderError) -> HeatMapChart {
        let xColumn = try QueryResults.column(attributes["x"]!.trimmed, of: query, attributes)
        let yColumn = try QueryResults.column(attributes["y"]!.trimmed, of: query, attributes)
        let valueColumn = try QueryResults.column(attributes["value"]!.trimmed, of: query, attributes)
        let values = try numbers(valueColumn, query, attributes)
        let xs = Categories(column: xColumn, rows: query.table.rows)
        let ys = Categories(column: yColumn, rows: query.table.rows)
        let columns = try labels("xlabels", for: xs, column: query.table.columns[xColumn], attributes)
        let rows = try labels("ylabels", for: ys, column: query.table.columns[yColumn], attributes)
        var grid = Array(repeating: [Double?](repeating: nil, count: columns.count), count: rows.count)
        var rowOfCell: [Int: Int] = [:]
        for (row, value) in values.enumerated() {
            let (y, x) = (ys.indices[row], xs.indices[row])
            if let earlier = rowOfCell.updateValue(row, forKey: y * columns.count + x) {
                throw attributes.bad(
                    "value",
                    "rows \(earlier + 1) and \(row + 1) of query '\(query.name)' are both at "
                        + "\(query.table.columns[xColumn]) \(xs.names[x]), \(query.table.columns[yColumn]) \(ys.names[y])"
                        + "; return one row per cell (GROUP BY both)")
            }
            grid[y][x] = value
        }
        let valueFormat = format ?? ValueFormat.inferred(from: query.table.rows.map { $0[valueColumn] })
        return HeatMapChart(
            title: attributes["title"]!, rows: rows, columns: columns, values: grid, format: valueFormat)
    }

    /// `type="map" lat="lat_bin" lng="lng_bin" value="crashes" cell="0.01"`: one square cell per row, centred on
    /// its coordinates. Rows without a latitude or longitude are left out; a NULL value is a cell without data.
    /// - Throws: `RenderError` for a missing column, a coordinate or value that is not a number, a bad `cell`,
    ///   or two rows for one cell.
    static func gridMap(
        _ attributes: TagAttributes, query: (name: String, table: QueryTable), format: ValueFormat?
    ) throws(RenderError) -> GridMapChart {
        let latColumn = try QueryResults.column(attributes["lat"]!.trimmed, of: query, attributes)
        let lngColumn = try QueryResults.column(attributes["lng"]!.trimmed, of: query, attributes)
        let valueColumn = try QueryResults.column(attributes["value"]!.trimmed, of: query, attributes)
        var cellSize = 0.01
        if let text = attributes["cell"]?.trimmed {
            guard let size = Double(text), size.isFinite, size > 0, size <= 10 else {
                throw attributes.bad("cell", "expected the cell's side in degrees, such as 0.01, found '\(text)'")
            }
            cellSize = size
        }
        let latitudes = try numbers(latColumn, query, attributes)
        let longitudes = try numbers(lngColumn, query, attributes)
        let values = try numbers(valueColumn, query, attributes)
        var cells: [GridMapChart.Cell] = []
        var rowOfCell: [String: Int] = [:]
        for row in values.indices {
            guard let latitude = latitudes[row], let longitude = longitudes[row] else { continue }
            // Cells are compared on the grid, so 41.8800001 and 41.88 are one cell.
            let key = "\((latitude / cellSize).rounded()) \((longitude / cellSize).rounded())"
            if let earlier = rowOfCell.updateValue(row, forKey: key) {
                throw attributes.bad(
                    "value",
                    "rows \(earlier + 1) and \(row + 1) of query '\(query.name)' are both in the cell at "
                        + "\(SVGNumber.format(latitude, decimals: 6)), \(SVGNumber.format(longitude, decimals: 6))"
                        + "; return one row per cell (GROUP BY both)")
            }
            cells.append(GridMapChart.Cell(latitude: latitude, longitude: longitude, value: values[row]))
        }
        let valueFormat = format ?? ValueFormat.inferred(from: query.table.rows.map { $0[valueColumn] })
        return GridMapChart(title: attributes["title"]!, cells: cells, cellSize: cellSize, format: valueFormat)
    }

    /// The labels of a heat map's rows or columns: the author's list, which must name every distinct value, or
    /// the values themselves.
    static func labels(
        _ attribute: String, for categories: Categories, column: String, _ attributes: TagAttributes
    ) throws(RenderError) -> [String] {
        guard let labels = attributes.list(attribute) else { return categories.names }
        guard labels.count == categories.names.count else {
            let shown = categories.names.prefix(12).joined(separator: ", ") + (categories.names.count > 12 ? ", …" : "")
            throw attributes.bad(
                attribute,
                "\(TableTag.counted(labels.count, "label")) for \(categories.names.count) distinct values of '\(column)'"
                    + " (\(shown)); give one label per value, in this order")
        }
        return labels
    }

    /// The distinct values of a category column, in display order, and where each row falls.
    struct Categories {
        /// The values as text, in display order.
        let names: [String]
        /// For each row, the index of its value in ``names``.
        let indices: [Int]

        /// Numeric order when every non-NULL value is a number (`2` before `10`), else first appearance; NULL last.
        init(column: Int, rows: [[SQLValue]]) {
            let values = rows.map { $0[column] }
            let present = values.filter { !$0.isNull }
            let numeric = !present.isEmpty && present.allSatisfy { $0.number?.isFinite ?? false }
            let keys = values.map { value -> String? in
                guard !value.isNull else { return nil }
                // Numbers by value, so 1, 1.0 and '1' are one category, written the short way.
                return numeric ? SVGNumber.format(value.number!, decimals: 6) : value.description
            }
            var order: [String?] = []
            var seen: Set<String> = []
            for key in keys.compactMap(\.self) where seen.insert(key).inserted { order.append(key) }
            if numeric { order.sort { Double($0!)! < Double($1!)! } }
            if keys.contains(nil) { order.append(nil) }
            var position: [String?: Int] = [:]
            for (index, key) in order.enumerated() { position[key] = index }
            names = order.map { $0 ?? "(none)" }
            indices = keys.map { position[$0]! }
        }
    }
}
