import CurbsideModel

/// The charts and tables a content page draws, with the tables their queries read: the last step of lineage.
public enum PageFigures {
    /// - Parameters:
    ///   - page: the parsed page.
    ///   - queries: the warehouse.
    /// - Returns: one figure per chart and table tag, in reading order.
    /// - Throws: `RenderError` for a malformed tag or a query the warehouse refuses, as rendering would.
    public static func figures(of page: ContentPage, queries: any QueryRunner) throws(RenderError) -> [LineageFigure] {
        let lines = page.body.split(separator: "\n", omittingEmptySubsequences: false)
        let tags = try TagScanner.tags(in: Array(lines), startLine: page.bodyStartLine, file: page.file)
        var tables: [String: QueryTable] = [:]
        var figures: [LineageFigure] = []
        for tag in tags where tag.kind.isBlock {
            let attribute = { (name: String) in tag.attributes.first { $0.name == name }?.value }
            guard let name = attribute("query")?.trimmed, let query = page.query(named: name) else { continue }
            let table: QueryTable
            if let known = tables[name] {
                table = known
            } else {
                do {
                    table = try queries.run(query.sql)
                } catch {
                    throw RenderError(
                        file: page.file, line: query.line,
                        reason: .queryFailed(name: name, message: String(describing: error), usedAt: tag.line))
                }
                tables[name] = table
            }
            let title = attribute("title").flatMap { $0.isEmpty ? nil : $0 } ?? "Query \(name)"
            figures.append(
                LineageFigure(
                    kind: tag.kind.rawValue, title: title, query: name, sources: table.sources.sorted(),
                    rows: table.rows.count))
        }
        return figures
    }
}

extension ContentPage {
    /// The queries of the front matter that no tag of the body names: rendering does not run them.
    /// - Throws: `RenderError` for a malformed tag, as rendering would.
    public func unusedQueries() throws(RenderError) -> [NamedQuery] {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let tags = try TagScanner.tags(in: Array(lines), startLine: bodyStartLine, file: file)
        let used = Set(tags.compactMap { tag in tag.attributes.first { $0.name == "query" }?.value.trimmed })
        return queries.filter { !used.contains($0.name) }
    }
}
