import CurbsideCharts
import CurbsideModel

/// Draws a ``LineageGraph`` as inline SVG: five columns left to right (endpoints, bronze, silver and quarantine,
/// gold, files and pages), one box per node with its kind, name, rows and short hash, and a curve per edge.
///
/// Built with the typed SVG builder, so every label is escaped once. Nodes in a column are ordered by the mean
/// position of the nodes feeding them, which keeps most curves from crossing; the same graph always gives the
/// same drawing.
public struct LineageDiagram: Sendable {
    public let graph: LineageGraph

    static let nodeWidth = 200.0
    static let nodeHeight = 50.0
    static let columnGap = 28.0
    static let rowGap = 8.0
    static let top = 28.0
    /// Labels longer than this are cut with `…` in the box; the box's tooltip and the table keep them whole.
    static let labelLimit = 29

    public init(graph: LineageGraph) {
        self.graph = graph
    }

    /// The drawing's positions: each node's column and row.
    struct Placement {
        var column: [String: Int] = [:]
        var row: [String: Int] = [:]
        var columns: [[LineageNode]] = []
    }

    func placement() -> Placement {
        var placement = Placement()
        let layers = LineageNode.Kind.layerNames.count
        placement.columns = Array(repeating: [], count: layers)
        for node in graph.nodes { placement.columns[node.kind.layer].append(node) }
        let edges = graph.connectedEdges
        for layer in 0..<layers {
            if layer > 0 {
                // Barycentre ordering: a node goes where the nodes feeding it are, ties keep the graph's order.
                let keyed = placement.columns[layer].enumerated().map { offset, node -> (Double, Int, LineageNode) in
                    let rows = edges.filter { $0.target == node.id }.compactMap { placement.row[$0.source] }
                    let mean = rows.isEmpty ? Double(offset) : Double(rows.reduce(0, +)) / Double(rows.count)
                    return (mean, offset, node)
                }
                placement.columns[layer] = keyed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
            }
            for (row, node) in placement.columns[layer].enumerated() {
                placement.column[node.id] = layer
                placement.row[node.id] = row
            }
        }
        return placement
    }

    /// The view-box size for a placement.
    static func size(of placement: Placement) -> (width: Double, height: Double) {
        let rows = placement.columns.map(\.count).max() ?? 0
        let width = Double(placement.columns.count) * nodeWidth + Double(placement.columns.count - 1) * columnGap
        let height = top + Double(max(rows, 1)) * (nodeHeight + rowGap) + 8
        return (width + 2, height)
    }

    /// The drawing as SVG markup.
    public func render() -> String { svg().render() }

    /// The drawing as an SVG tree.
    public func svg() -> SVGNode {
        let placement = placement()
        let (width, height) = Self.size(of: placement)
        let maxRows = placement.columns.map(\.count).max() ?? 0
        func origin(_ id: String) -> (x: Double, y: Double) {
            let column = placement.column[id] ?? 0
            let count = placement.columns[column].count
            // Each column is centred vertically against the tallest.
            let offset = Double(maxRows - count) * (Self.nodeHeight + Self.rowGap) / 2
            return (
                1 + Double(column) * (Self.nodeWidth + Self.columnGap),
                Self.top + offset + Double(placement.row[id] ?? 0) * (Self.nodeHeight + Self.rowGap)
            )
        }
        var children: [SVGNode] = [element("title", [], [.text(title)]), element("desc", [], [.text(summary)])]
        for (column, name) in LineageNode.Kind.layerNames.enumerated() {
            let x = 1 + Double(column) * (Self.nodeWidth + Self.columnGap)
            children.append(text(name, x: x, y: 12, cssClass: "lineage-layer"))
        }
        var curves: [SVGNode] = []
        for edge in graph.connectedEdges {
            let from = origin(edge.source)
            let to = origin(edge.target)
            let x1 = from.x + Self.nodeWidth
            let y1 = from.y + Self.nodeHeight / 2
            let x2 = to.x
            let y2 = to.y + Self.nodeHeight / 2
            let middle = (x1 + x2) / 2
            let path = "M\(n(x1)) \(n(y1)) C\(n(middle)) \(n(y1)) \(n(middle)) \(n(y2)) \(n(x2 - 4)) \(n(y2))"
            curves.append(element("path", [SVGAttribute("d", path), SVGAttribute("class", "lineage-edge")]))
        }
        children.append(element("g", [SVGAttribute("class", "lineage-edges"), SVGAttribute("fill", "none")], curves))
        for node in placement.columns.flatMap({ $0 }) {
            children.append(box(node, at: origin(node.id)))
        }
        return element(
            "svg",
            [
                SVGAttribute("xmlns", "http://www.w3.org/2000/svg"),
                SVGAttribute("viewBox", "0 0 \(n(width)) \(n(height))"),
                SVGAttribute("width", "100%"),
                SVGAttribute("role", "img"),
                SVGAttribute("class", "lineage-graph"),
                SVGAttribute("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"),
                SVGAttribute("font-size", "11"),
            ], children)
    }

    private func box(_ node: LineageNode, at origin: (x: Double, y: Double)) -> SVGNode {
        var facts: [String] = []
        if let rows = node.rows {
            facts.append(ValueFormat.integer.format(Double(rows)) + (rows == 1 ? " row" : " rows"))
        }
        if let hash = node.shortHash { facts.append("sha256 " + hash) }
        if let figures = node.figures, !figures.isEmpty {
            facts.append(figures.count == 1 ? "1 figure" : "\(figures.count) figures")
        } else if facts.isEmpty, let detail = node.detail {
            facts.append(detail.count > 34 ? String(detail.prefix(33)) + "…" : detail)
        }
        // A file is named by its file name in the box; its folder is in the table and the tooltip.
        let name = node.kind == .file ? String(node.label.split(separator: "/").last ?? "") : node.label
        let label = name.count > Self.labelLimit ? String(name.prefix(Self.labelLimit - 1)) + "…" : name
        let x = origin.x + 8
        return element(
            "g", [SVGAttribute("class", "lineage-node kind-\(node.kind.rawValue)")],
            [
                element("title", [], [.text(LineageText.sentence(for: node))]),
                element(
                    "rect",
                    [
                        .number("x", origin.x), .number("y", origin.y), .number("width", Self.nodeWidth),
                        .number("height", Self.nodeHeight), .number("rx", 6), SVGAttribute("class", "lineage-box"),
                    ]),
                text(node.kind.noun, x: x, y: origin.y + 13, cssClass: "lineage-kind"),
                text(label, x: x, y: origin.y + 28, cssClass: "lineage-label"),
                text(facts.joined(separator: " · "), x: x, y: origin.y + 43, cssClass: "lineage-facts"),
            ])
    }

    var title: String { "Lineage of the data as of \(graph.asOf.iso)" }

    /// The text alternative: what the drawing holds, layer by layer.
    var summary: String {
        let counts = LineageNode.Kind.allCases.compactMap { kind -> String? in
            let count = graph.nodes.filter { $0.kind == kind }.count
            guard count > 0 else { return nil }
            return "\(count) \(kind.noun)\(count == 1 ? "" : "s")"
        }
        return "A graph from the portal endpoints to the published files and pages, left to right: "
            + counts.joined(separator: ", ") + ", joined by \(graph.connectedEdges.count) edges. "
            + "The table below lists every node with its rows and hash, and what it feeds."
    }

    private func element(_ name: String, _ attributes: [SVGAttribute], _ children: [SVGNode] = []) -> SVGNode {
        .element(name, attributes, children)
    }

    private func text(_ content: String, x: Double, y: Double, cssClass: String) -> SVGNode {
        element("text", [.number("x", x), .number("y", y), SVGAttribute("class", cssClass)], [.text(content)])
    }

    private func n(_ value: Double) -> String { SVGNumber.format(value) }
}
