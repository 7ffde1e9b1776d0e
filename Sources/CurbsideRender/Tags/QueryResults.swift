import CurbsideModel

/// Runs a page's named queries on first use and keeps their tables, so a query used by three tags runs once.
struct QueryResults {
    let page: ContentPage
    let runner: any QueryRunner
    private var tables: [String: QueryTable] = [:]

    init(page: ContentPage, runner: any QueryRunner) {
        self.page = page
        self.runner = runner
    }

    /// The table of the query a tag names in `query="…"`.
    /// - Throws: `RenderError` when the page defines no such query (at the tag's line) or the warehouse refuses
    ///   it (at the query's line in the front matter, with SQLite's message).
    mutating func table(for attributes: TagAttributes) throws(RenderError) -> (name: String, table: QueryTable) {
        let name = attributes["query"]?.trimmed ?? ""
        guard let query = page.query(named: name) else {
            throw attributes.error(
                .unknownQuery(tag: attributes.tag.kind.rawValue, name: name, defined: page.queries.map(\.name)))
        }
        if let table = tables[name] { return (name, table) }
        let table: QueryTable
        do {
            table = try runner.run(query.sql)
        } catch {
            throw RenderError(
                file: page.file, line: query.line,
                reason: .queryFailed(name: name, message: String(describing: error), usedAt: attributes.tag.line))
        }
        tables[name] = table
        return (name, table)
    }

    /// The index of `column` in a query's table.
    /// - Throws: `RenderError` listing the table's columns when it has no such column.
    static func column(
        _ column: String, of query: (name: String, table: QueryTable), _ attributes: TagAttributes
    ) throws(RenderError) -> Int {
        guard let index = query.table.index(of: column) else {
            throw attributes.error(
                .unknownColumn(
                    tag: attributes.tag.kind.rawValue, query: query.name, column: column,
                    available: query.table.columns))
        }
        return index
    }
}
