import CurbsideModel
import Foundation

/// `{{< scorer query="model" column="model_json" title="…" >}}`: a form that scores one crash in the browser
/// with the exported trees (`assets/model-scorer.js`), built from the model's own features and category
/// labels. Without JavaScript the form shows and says that scoring needs it.
enum ScorerTag {
    static let allowed = ["query", "column", "title"]
    /// The script the form needs; the pipeline writes it next to the other assets when a model is published.
    public static let scriptPath = "assets/model-scorer.js"

    static func html(_ tag: Tag, file: String, results: inout QueryResults) throws(RenderError) -> String {
        let attributes = try TagAttributes(tag, file: file, allowed: allowed, required: ["query", "column", "title"])
        let query = try results.table(for: attributes)
        let column = try QueryResults.column(attributes["column"]!.trimmed, of: query, attributes)
        guard query.table.rows.count == 1 else {
            throw attributes.error(.notOneRow(tag: "scorer", query: query.name, rows: query.table.rows.count))
        }
        let json = query.table.rows[0][column].description
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let features = object["features"] as? [[String: Any]], let threshold = object["threshold"] as? Double
        else {
            throw attributes.bad(
                "column", "query '\(query.name)' column '\(query.table.columns[column])' is not a Curbside model.json")
        }
        let encodings = object["encodings"] as? [String: [String]] ?? [:]
        let id = "scorer-" + String(SHA256Hex.of(json).prefix(8))
        var html = "<form class=\"scorer\" data-model=\"\(id)-model\" aria-labelledby=\"\(id)-title\">\n"
        html += "<p class=\"figure-title\" id=\"\(id)-title\">\(escapeHTML(attributes["title"]!))</p>\n"
        html += "<div class=\"scorer-fields\">\n"
        for feature in features {
            guard let name = feature["name"] as? String else { continue }
            let field = "\(id)-\(name)"
            html += "<label for=\"\(escapeHTML(field))\">\(escapeHTML(name.replacingOccurrences(of: "_", with: " ")))"
            if feature["kind"] as? String == "categorical" {
                // A code past Int (a model.json edited by hand) matches no option instead of trapping.
                let categories = feature["categories"] as? [Double] ?? []
                let codes = Set(categories.compactMap { Int(exactly: $0.rounded(.towardZero)) })
                html += "<select id=\"\(escapeHTML(field))\" name=\"\(escapeHTML(name))\">"
                html += "<option value=\"\">(not given)</option>"
                for (code, label) in (encodings[name] ?? []).enumerated() where codes.isEmpty || codes.contains(code) {
                    html += "<option value=\"\(code)\">\(escapeHTML(label))</option>"
                }
                html += "</select>"
            } else {
                html += "<input id=\"\(escapeHTML(field))\" name=\"\(escapeHTML(name))\" type=\"number\" step=\"any\">"
            }
            html += "</label>\n"
        }
        html += "</div>\n"
        html += "<p><output class=\"scorer-result\" for=\"\(id)-title\" aria-live=\"polite\">"
        html += "Scoring needs JavaScript: with it off, the form cannot compute a probability.</output></p>\n"
        html += "<p class=\"scorer-note\">Empty fields count as missing, as they do in training. The model calls a "
        html += "crash a hit-and-run when its probability reaches the threshold chosen on the validation rows ("
        html += escapeHTML(String(format: "%.3f", threshold)) + ").</p>\n</form>\n"
        // The model as data (not script): `<` escaped so no text can close the element.
        html += "<script type=\"application/json\" id=\"\(id)-model\">"
        html += json.replacingOccurrences(of: "<", with: "\\u003c") + "</script>\n"
        html += "<script src=\"\(scriptPath)\" defer></script>"
        return html
    }
}
