import CurbsideModel
import Foundation

/// The lineage of a version: portal endpoints → bronze → silver and quarantine → gold (and models) → files and
/// pages, with row counts and content hashes.
///
/// The same value is written as `lineage.json` and drawn on `lineage.html` and in the report, so the graph a
/// reader sees is the data an auditor reads. Nothing in it depends on the clock: fetch times and durations stay
/// in the warehouse and on the health page.
public struct LineageGraph: Sendable, Hashable {
    /// The date the version's windows are measured from.
    public var asOf: Day
    /// The nodes in the order they were added; the drawing keeps it within each layer.
    public private(set) var nodes: [LineageNode] = []
    /// Each edge once, in the order added.
    public private(set) var edges: [LineageEdge] = []

    /// - Parameter asOf: the version's as-of date.
    public init(asOf: Day) {
        self.asOf = asOf
    }

    /// Adds a node, or merges it into the node with the same id (the fields the new one sets win).
    public mutating func add(_ node: LineageNode) {
        guard let index = nodes.firstIndex(where: { $0.id == node.id }) else {
            nodes.append(node)
            return
        }
        var merged = nodes[index]
        merged.rows = node.rows ?? merged.rows
        merged.hash = node.hash ?? merged.hash
        merged.query = node.query ?? merged.query
        merged.detail = node.detail ?? merged.detail
        merged.figures = node.figures ?? merged.figures
        nodes[index] = merged
    }

    /// Adds the edge `source → target` unless it is there already.
    public mutating func connect(_ source: String, to target: String) {
        let edge = LineageEdge(source: source, target: target)
        if !edges.contains(edge) { edges.append(edge) }
    }

    /// The node called `id`.
    public func node(_ id: String) -> LineageNode? {
        nodes.first { $0.id == id }
    }

    /// Adds every node and edge of `other` (its as-of is ignored).
    public mutating func merge(_ other: LineageGraph) {
        for node in other.nodes { add(node) }
        for edge in other.edges { connect(edge.source, to: edge.target) }
    }

    /// Edges whose ends are both nodes of the graph, so a drawing never points at nothing.
    public var connectedEdges: [LineageEdge] {
        let ids = Set(nodes.map(\.id))
        return edges.filter { ids.contains($0.source) && ids.contains($0.target) }
    }

    /// `lineage.json`: keys sorted, two-space indents, a final newline; the same graph gives the same bytes.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(asOf: asOf.iso, format: 2, nodes: nodes, edges: connectedEdges)
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        var asOf: String
        var format: Int
        var nodes: [LineageNode]
        var edges: [LineageEdge]

        enum CodingKeys: String, CodingKey {
            case asOf = "as_of"
            case format, nodes, edges
        }
    }
}

/// One edge of the lineage graph: the node `source` feeds the node `target`.
public struct LineageEdge: Sendable, Hashable, Codable {
    public var source: String
    public var target: String

    public init(source: String, target: String) {
        self.source = source
        self.target = target
    }
}
