import CurbsideModel
import CurbsideRender
import CurbsideTestSupport
import Testing

/// The scorer tag reads a model.json from the warehouse, which a person may have edited.
@Suite("Scorer tag")
struct ScorerTagTests {
    static func body(model: String) throws -> String {
        let sql = "SELECT model_json FROM model_current"
        let page = ContentPage(
            file: "content/model.md", slug: "model", title: "Model", description: "", order: 1,
            queries: [NamedQuery(name: "model", sql: sql, line: 3)],
            body: #"{{< scorer query="model" column="model_json" title="Score a crash" >}}"#, bodyStartLine: 6)
        let runner = InMemoryQueryRunner([sql: QueryTable(columns: ["model_json"], rows: [[.text(model)]])])
        return try SamplePage.renderer().bodyHTML(for: page, queries: runner, asOf: SamplePage.context.asOf)
    }

    /// Found by fuzzing: a category code past Int trapped converting to it.
    @Test("a category code past Int matches no option; the codes that fit keep theirs")
    func hugeCategoryCode() throws {
        let html = try Self.body(
            model: #"""
                {"threshold": 0.5, "features": [{"name": "light", "kind": "categorical", "categories": [1e300, 1.0]}],
                 "encodings": {"light": ["DAY", "DUSK", "NIGHT"]}}
                """#)
        #expect(html.contains(#"<option value="">(not given)</option><option value="1">DUSK</option></select>"#))
    }

    @Test("a column that is not a model.json is named")
    func notAModel() {
        #expect {
            try Self.body(model: #"{"features": "none"}"#)
        } throws: { error in
            "\(error)".contains("query 'model' column 'model_json' is not a Curbside model.json")
        }
    }
}
