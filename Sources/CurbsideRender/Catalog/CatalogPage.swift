import CurbsideCharts
import CurbsideModel

/// The body of `catalog.html`: every bronze, silver, gold and quarantine table of a version with its columns
/// (type, description, nulls, distinct values, least and greatest), rows, freshness, lineage node, a sample and
/// its CSV download; then the quarantine by rule with example rows.
///
/// Tables are `data-sortable` for `assets/explore.js`; without scripts the page is plain HTML. Every value is
/// escaped.
public struct CatalogPage: Sendable {
    /// One table and what the page says around it.
    public struct Entry: Sendable {
        public var table: CatalogTable
        /// The table's description (`catalog.<table>` in `curbside.yml`).
        public var description: String?
        /// Column → its description (`catalog.<table>.<column>`).
        public var columnDescriptions: [String: String]
        /// The as-of date of the table's data and the partitions it comes from, by dataset.
        public var asOf: Day
        public var partitions: [CatalogTable.Part]
        /// The lineage nodes the table stands for.
        public var lineage: [LineageNode]
        /// The CSV of the table, when the version has one.
        public var download: Download?

        public init(
            table: CatalogTable, description: String?, columnDescriptions: [String: String], asOf: Day,
            partitions: [CatalogTable.Part], lineage: [LineageNode], download: Download?
        ) {
            self.table = table
            self.description = description
            self.columnDescriptions = columnDescriptions
            self.asOf = asOf
            self.partitions = partitions
            self.lineage = lineage
            self.download = download
        }
    }

    /// A CSV file of the version holding a table's rows.
    public struct Download: Sendable, Hashable {
        /// Relative to the version: `data/silver_chicago_crashes.csv`.
        public var path: String
        /// Rows in the file, and in the table (more when the file is capped).
        public var rows: Int
        public var total: Int

        public init(path: String, rows: Int, total: Int) {
            self.path = path
            self.rows = rows
            self.total = total
        }
    }

    public var entries: [Entry]
    /// Quarantined rows by dataset, rule and column, and examples of each.
    public var quarantine: (rules: QueryTable, examples: QueryTable)?
    /// One or more sentences saying which rows belong to this version.
    public var scope: String
    /// The most rows a silver CSV holds.
    public var silverLimit: Int
    /// The version's as-of date, and each dataset's (Chicago's window can end on another day than NYC's).
    public var asOf: Day
    public var asOfByDataset: [String: Day]

    public init(
        entries: [Entry], quarantine: (rules: QueryTable, examples: QueryTable)?, scope: String, silverLimit: Int,
        asOf: Day, asOfByDataset: [String: Day]
    ) {
        self.entries = entries
        self.quarantine = quarantine
        self.scope = scope
        self.silverLimit = silverLimit
        self.asOf = asOf
        self.asOfByDataset = asOfByDataset
    }

    /// The page's title and description, for its `PageContent`.
    public static let title = "Data catalog"
    public static let description =
        "Every table behind this version, column by column: types, nulls, distinct values, ranges, samples and "
        + "downloads."

    /// The body's HTML.
    public func html() -> String {
        var html = "<p>" + escapeHTML(scope) + "</p>\n"
        html += "<p>For each column: its declared type, what it holds, the share of rows without a value, the number "
        html += "of distinct values and the least and greatest value as stored (numbers before text, text by its "
        html += "characters). Columns the load fills in (row, page and fetch ids, fetch generations) follow the "
        html += "order in which pages arrived, not the data: they are counted but not summarised, and left out of "
        html += "samples and downloads, so this page is the same for the same data. Fetch times are on the "
        html += "health page. Gold tables download as the CSVs the pages cite; each silver table as "
        html += "<code>data/&lt;table&gt;.csv</code>, at most "
        html += ValueFormat.integer.format(Double(silverLimit))
        html += " rows in key order (on live data silver tables can hold millions of rows: a capped file says "
        html += "so below).</p>\n"
        html += overview()
        for layer in CatalogLayer.allCases {
            let entries = entries.filter { $0.table.source.layer == layer }
            guard !entries.isEmpty || (layer == .quarantine && quarantine != nil) else { continue }
            html += "<h2 id=\"catalog-\(layer.rawValue)\">\(layer.title)</h2>\n"
            html += "<p>" + escapeHTML(Self.about(layer)) + "</p>\n"
            for entry in entries { html += section(entry) }
            if layer == .quarantine, let quarantine { html += rules(quarantine) }
        }
        return html
    }

    static func about(_ layer: CatalogLayer) -> String {
        switch layer {
        case .bronze:
            return "The portals' answers exactly as received: each response page, and each row as a range of its page."
        case .silver: return "Cleaned rows, one per record: typed, checked and rolled up."
        case .gold: return "Aggregates the pages draw from."
        case .quarantine:
            return "Rows set aside with the rule they broke, and rows replaced by a later copy of the same record."
        }
    }

    /// Every table in one sortable table, linking to its section.
    func overview() -> String {
        var rows: [[Cell]] = []
        for entry in entries {
            let table = entry.table
            rows.append([
                Cell(html: table.source.layer.title),
                Cell(html: "<a href=\"#table-\(escapeHTML(table.name))\"><code>\(escapeHTML(table.name))</code></a>"),
                .number(table.rows), .number(table.columns.count),
                Cell(html: Self.newest(entry.partitions)),
                Cell(
                    html: entry.download.map {
                        "<a href=\"\(escapeHTML($0.path))\">\(escapeHTML(String($0.path.split(separator: "/").last!)))</a>"
                    } ?? "—"),
            ])
        }
        return Self.table(
            title: "Every table of this version", caption: provenance("the warehouse's schema", rows.count),
            headers: ["Layer", "Table", "Rows", "Columns", "Newest partition", "Download"], numeric: [2, 3],
            rows: rows, cssClass: "catalog-overview")
    }

    /// One table: what it holds, its facts, its columns and a sample.
    func section(_ entry: Entry) -> String {
        let table = entry.table
        let name = escapeHTML(table.name)
        var html = "<section class=\"catalog-entry\" aria-labelledby=\"table-\(name)\">\n"
        html += "<h3 id=\"table-\(name)\"><code>\(name)</code></h3>\n"
        if let description = entry.description { html += "<p>" + escapeHTML(description) + "</p>\n" }
        html += "<dl class=\"catalog-facts\">\n"
        var rows = Self.count(table.rows, "row")
        let datasets = table.parts.filter { $0.dataset != nil }
        if datasets.count > 1 {
            rows +=
                " ("
                + datasets.map { "\(escapeHTML($0.dataset!)) \(Self.integer($0.rows))" }
                .joined(separator: " · ") + ")"
        } else if let only = datasets.first {
            rows += " (" + escapeHTML(only.dataset!) + ")"
        }
        html += Self.fact("Rows", rows)
        html += Self.fact("Freshness", escapeHTML(freshness(asOf: entry.asOf, entry.partitions)))
        if !entry.lineage.isEmpty {
            html += Self.fact(
                "Lineage",
                entry.lineage.map { node in
                    var text = "<a href=\"lineage.html#lineage-nodes\">\(escapeHTML(node.kind.noun)) "
                    text += "<code>\(escapeHTML(node.label))</code></a>"
                    var facts: [String] = []
                    if let rows = node.rows { facts.append(Self.count(rows, "row")) }
                    if let hash = node.hash {
                        facts.append("sha256 <code>\(escapeHTML(String(hash.prefix(8))))</code>")
                    }
                    return text + (facts.isEmpty ? "" : " (" + facts.joined(separator: ", ") + ")")
                }.joined(separator: "; "))
        }
        if let download = entry.download {
            var text = "<a href=\"\(escapeHTML(download.path))\" download>\(escapeHTML(download.path))</a>, "
            if download.rows < download.total {
                text += "the first \(Self.integer(download.rows)) of \(Self.count(download.total, "row")) in key order"
            } else {
                text += Self.count(download.rows, "row")
            }
            html += Self.fact("Download", text)
        }
        html += "</dl>\n" + columns(entry) + sample(table, asOf: entry.asOf)
        return html + "</section>\n"
    }

    func columns(_ entry: Entry) -> String {
        let table = entry.table
        var rows: [[Cell]] = []
        for column in table.columns {
            var about = entry.columnDescriptions[column.name].map(escapeHTML) ?? "—"
            switch column.summary {
            case .full, .unique: break
            case .loadOrder: about += " <span class=\"catalog-note\">(set by the load: not summarised)</span>"
            case .opaque: about += " <span class=\"catalog-note\">(whole texts or bodies: shown in samples only)</span>"
            }
            let share = column.nulls.flatMap { table.rows == 0 ? nil : 100 * Double($0) / Double(table.rows) }
            rows.append([
                Cell(html: "<code>\(escapeHTML(column.name))</code>"),
                Cell(html: column.type.isEmpty ? "—" : escapeHTML(column.type)), Cell(html: about),
                share.map { Cell(html: ValueFormat.percent.format($0), sort: String($0)) } ?? Cell(html: "—"),
                column.distinct.map { Cell.number($0) } ?? Cell(html: "—"),
                Self.valueCell(column.minimum, limit: 40), Self.valueCell(column.maximum, limit: 40),
            ])
        }
        return Self.table(
            title: "Columns of \(table.name)",
            caption: provenance("<code>\(escapeHTML(table.name))</code>", table.rows, asOf: entry.asOf),
            headers: ["Column", "Type", "What it holds", "Null %", "Distinct", "Least", "Greatest"], numeric: [3, 4],
            rows: rows, cssClass: "catalog-columns", pageSize: 100)
    }

    func sample(_ table: CatalogTable, asOf: Day) -> String {
        let sample = table.sample
        guard !sample.rows.isEmpty else { return "<p class=\"catalog-note\">No rows in this version.</p>\n" }
        let numeric = Set(
            sample.columns.indices.filter { column in
                let present = sample.rows.map { $0[column] }.filter { !$0.isNull }
                return !present.isEmpty && present.allSatisfy { $0.isNumber }
            })
        let rows = sample.rows.map { row in row.map { Self.valueCell($0, limit: 80) } }
        var html = "<details class=\"catalog-sample\">\n<summary>"
        html +=
            sample.rows.count == table.rows
            ? "All \(Self.count(table.rows, "row"))" : "\(sample.rows.count) sample rows"
        html += " of <code>\(escapeHTML(table.name))</code></summary>\n"
        html += Self.table(
            title: "Sample of \(table.name)",
            caption: "The first \(Self.count(sample.rows.count, "row")) in key order, values as stored · data as of "
                + asOf.iso,
            headers: sample.columns, numeric: numeric, rows: rows, cssClass: "catalog-sample-table")
        return html + "</details>\n"
    }

    /// Quarantined rows by rule, then examples of each rule.
    func rules(_ quarantine: (rules: QueryTable, examples: QueryTable)) -> String {
        var html = "<h3 id=\"catalog-quarantine-rules\">Rows set aside, by rule</h3>\n"
        let total = quarantine.rules.rows.reduce(0) { $0 + CatalogReader.int($1.last) }
        html += Self.table(
            title: "Quarantined rows by dataset, rule and column",
            caption: provenance("<code>quarantine</code>", total),
            headers: ["Dataset", "Rule", "Column", "Rows"], numeric: [3],
            rows: quarantine.rules.rows.map { row in
                [Self.valueCell(row[0]), Self.valueCell(row[1]), Self.valueCell(row[2]), Self.valueCell(row[3])]
            }, cssClass: "catalog-rules")
        guard !quarantine.examples.rows.isEmpty else { return html }
        html += Self.table(
            title: "Examples of each rule",
            caption: "Source: <code>quarantine</code>, <code>bronze_row_json</code> · up to 3 rows per rule, the "
                + "start of each row as it arrived · data as of \(asOf.iso)",
            headers: ["Dataset", "Rule", "Column", "Partition", "Record", "Value", "Row as received"], numeric: [],
            rows: quarantine.examples.rows.map { row in
                row.enumerated().map { index, value in
                    index == 6 && !value.isNull
                        ? Cell(html: "<code>\(escapeHTML(value.description))</code>") : Self.valueCell(value, limit: 60)
                }
            }, cssClass: "catalog-examples")
        return html
    }

    func provenance(_ source: String, _ rows: Int, asOf: Day? = nil) -> String {
        "Source: \(source) · \(Self.count(rows, "row")) · data as of \((asOf ?? self.asOf).iso)"
    }
}
