import CurbsideModel
import CurbsideRender
import Foundation
import Testing

@Suite("Lineage graph, drawing and text")
struct LineageTests {
    static let hostile = "<script>alert(1)</script>"

    static var graph: LineageGraph {
        var graph = LineageGraph(asOf: Day(iso: "2019-11-23")!)
        graph.add(
            LineageNode(
                id: "endpoint:nyc", kind: .endpoint, label: "nc67-uf89", rows: 219,
                hash: String(repeating: "ab", count: 32),
                query: "GET https://example.org/resource/x.json?$where=a='<b>'"))
        graph.add(LineageNode(id: "bronze:nyc", kind: .bronze, label: "bronze_rows", rows: 219))
        graph.add(LineageNode(id: "silver:s", kind: .silver, label: "silver_nyc_violations", rows: 210))
        graph.add(LineageNode(id: "quarantine:nyc", kind: .quarantine, label: "quarantine", rows: 9))
        graph.add(LineageNode(id: "gold:g", kind: .gold, label: hostile, rows: 10))
        graph.add(
            LineageNode(
                id: "page:nyc.html", kind: .page, label: "\"quoted\" & <b>",
                figures: [LineageFigure(kind: "chart", title: hostile, query: "q", sources: ["gold:g"], rows: 10)]))
        graph.connect("endpoint:nyc", to: "bronze:nyc")
        graph.connect("bronze:nyc", to: "silver:s")
        graph.connect("bronze:nyc", to: "quarantine:nyc")
        graph.connect("silver:s", to: "gold:g")
        graph.connect("gold:g", to: "page:nyc.html")
        graph.connect("gold:g", to: "page:nyc.html")
        graph.connect("gold:g", to: "page:missing.html")
        return graph
    }

    @Test func nodesMergeByIdAndEdgesAreKeptOnce() {
        var graph = Self.graph
        graph.add(LineageNode(id: "silver:s", kind: .silver, label: "silver_nyc_violations", hash: "ff"))
        #expect(graph.nodes.count == 6)
        #expect(graph.node("silver:s")?.rows == 210)
        #expect(graph.node("silver:s")?.hash == "ff")
        #expect(graph.edges.count == 6)
        #expect(graph.connectedEdges.count == 5, "an edge to a node that is not in the graph is not drawn")
    }

    @Test func layersRunFromEndpointsToPages() {
        #expect(LineageNode.Kind.allCases.map(\.layer) == [0, 1, 2, 2, 3, 3, 4, 4, 3])
        #expect(LineageNode.Kind.layerNames.count == 5)
    }

    @Test func jsonIsSortedCompleteAndTheSameForTheSameGraph() throws {
        let json = Self.graph.json
        #expect(json == Self.graph.json)
        #expect(json.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["as_of"] as? String == "2019-11-23")
        #expect(object["format"] as? Int == 2)
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.count == 6)
        #expect(nodes[4]["label"] as? String == Self.hostile, "JSON keeps data as text")
        #expect((object["edges"] as? [Any])?.count == 5)
        #expect(json.contains("\"query\" : \"GET https://example.org/resource/x.json?$where=a='<b>'\""))
    }

    @Test func theDrawingEscapesEveryLabelAndDescribesItself() {
        let svg = LineageDiagram(graph: Self.graph).render()
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.contains("&quot;quoted&quot; &amp; &lt;b&gt;"))
        #expect(svg.contains("<title>Lineage of the data as of 2019-11-23</title>"))
        #expect(
            svg.contains(
                "<desc>A graph from the portal endpoints to the published files and pages, left to right: "
                    + "1 portal endpoint, 1 bronze table, 1 silver table, 1 quarantine, 1 gold table, 1 page, "
                    + "joined by 5 edges. The table below lists every node with its rows and hash, and what it feeds.</desc>"
            ))
        #expect(svg.contains("219 rows · sha256 abababab"))
        #expect(svg.components(separatedBy: "class=\"lineage-edge\"").count - 1 == 5)
        #expect(svg == LineageDiagram(graph: Self.graph).render())
    }

    @Test func theTextAlternativeListsEveryNodeRequestAndFigure() {
        let html = LineageText.html(for: Self.graph)
        #expect(!html.contains("<script>"))
        #expect(
            html.contains(
                "<pre><code>GET https://example.org/resource/x.json?$where=a=&#39;&lt;b&gt;&#39;</code></pre>"))
        #expect(html.contains("<td>silver table</td><td>silver_nyc_violations</td><td class=\"num\">210</td>"))
        #expect(html.contains("Source: <code>lineage.json</code> · 6 nodes, 5 edges · data as of 2019-11-23"))
        #expect(html.contains("<h2 id=\"lineage-figures\">Charts and tables</h2>"))
        #expect(LineageText.html(for: Self.graph, headingLevel: 3).contains("<h3 id=\"lineage-nodes\">"))
    }
}
