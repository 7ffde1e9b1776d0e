/// The keys between a page's `---` lines: a small, strict subset of YAML.
///
/// `key: value` lines at the left margin (plain, `"double"` or `'single'` quoted, or a `|` / `>` block), and
/// `queries:` followed by indented `name: |` entries whose indented block is SQL. `#` starts a comment line.
struct FrontMatter {
    static let keys = ["title", "description", "order", "datasets", "queries"]
    /// The datasets a page may name in `datasets:` (`model`: the hit-and-run model); a page is left out of a
    /// version built without them.
    static let knownDatasets = ["nyc", "chicago", "model"]

    var title = ""
    var description = ""
    var order = 100
    var datasets: [String] = []
    var queries: [NamedQuery] = []

    /// - Parameters:
    ///   - lines: the lines between the `---` lines.
    ///   - firstLine: the file line of `lines[0]` (1-based).
    ///   - file: the file, for errors.
    ///   - openingLine: the line of the opening `---`, where a missing title is reported.
    static func parse(_ lines: [Substring], firstLine: Int, file: String, openingLine: Int) throws(RenderError)
        -> FrontMatter
    {
        var reader = YAMLSubsetReader(lines: lines, firstLine: firstLine, file: file)
        var result = FrontMatter()
        var seen: [String] = []
        while let line = reader.nextContentLine() {
            guard line.indentation == 0 else {
                throw reader.error(
                    at: reader.index, "unexpected indentation; only the entries under 'queries:' are indented")
            }
            let (key, rest) = try reader.keyAndValue(line, at: reader.index)
            guard keys.contains(key) else {
                throw reader.error(
                    at: reader.index, "unknown key '\(key)'; expected one of: \(keys.joined(separator: ", "))")
            }
            guard !seen.contains(key) else { throw reader.error(at: reader.index, "'\(key)' is given twice") }
            seen.append(key)
            if key == "queries" {
                guard rest.isEmpty else {
                    throw reader.error(
                        at: reader.index, "'queries:' must be followed by indented 'name: |' entries holding SQL")
                }
                reader.index += 1
                result.queries = try readQueries(&reader)
                continue
            }
            let keyIndex = reader.index
            let value = try reader.scalar(rest, parentIndentation: 0)
            switch key {
            case "title": result.title = value
            case "description": result.description = value
            case "datasets":
                result.datasets = value.split(separator: ",").map { $0.trimmed }
                for name in result.datasets where !knownDatasets.contains(name) {
                    throw reader.error(
                        at: keyIndex,
                        "unknown dataset '\(name)'; expected one of: \(knownDatasets.joined(separator: ", "))")
                }
            default:
                guard let order = Int(value) else {
                    throw reader.error(at: keyIndex, "order must be a whole number, found '\(value)'")
                }
                result.order = order
            }
        }
        guard !result.title.isEmpty else {
            throw RenderError(file: file, line: openingLine, reason: .frontMatter("'title' is required"))
        }
        return result
    }

    private static func readQueries(_ reader: inout YAMLSubsetReader) throws(RenderError) -> [NamedQuery] {
        var queries: [NamedQuery] = []
        while let line = reader.nextContentLine(), line.indentation > 0 {
            let entryIndex = reader.index
            let (name, rest) = try reader.keyAndValue(line, at: entryIndex)
            guard name.first.map({ $0.isLetter || $0 == "_" }) == true,
                name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            else {
                throw reader.error(
                    at: entryIndex, "query name '\(name)' must be letters, digits and '_', starting with a letter")
            }
            if let first = queries.first(where: { $0.name == name }) {
                throw reader.error(at: entryIndex, "query '\(name)' is defined twice (first on line \(first.line))")
            }
            let sql = try reader.scalar(rest, parentIndentation: line.indentation)
            guard !sql.trimmed.isEmpty else {
                throw reader.error(
                    at: entryIndex, "query '\(name)' has no SQL; write it as an indented block after '\(name): |'")
            }
            queries.append(NamedQuery(name: name, sql: sql, line: reader.line(of: entryIndex)))
        }
        return queries
    }
}
