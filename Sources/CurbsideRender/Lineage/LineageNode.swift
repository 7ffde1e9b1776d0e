/// One node of a ``LineageGraph``: an endpoint, a table, a file or a page.
public struct LineageNode: Sendable, Hashable, Codable {
    /// What the node is; each kind sits in one layer of the drawing, left to right.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case endpoint, bronze, silver, quarantine, gold, model, file, page
        /// Another warehouse table a page reads.
        case table

        /// The column of the drawing: endpoints 0, bronze 1, silver and quarantine 2, gold and models 3, files
        /// and pages 4.
        public var layer: Int {
            switch self {
            case .endpoint: return 0
            case .bronze: return 1
            case .silver, .quarantine: return 2
            case .gold, .model, .table: return 3
            case .file, .page: return 4
            }
        }

        /// The layer's heading in the drawing and the table.
        public static let layerNames = [
            "Portal endpoints", "Bronze", "Silver and quarantine", "Gold", "Files and pages",
        ]

        /// How the kind reads in a sentence: `portal endpoint`, `gold table`.
        public var noun: String {
            switch self {
            case .endpoint: return "portal endpoint"
            case .bronze: return "bronze table"
            case .silver: return "silver table"
            case .quarantine: return "quarantine"
            case .gold: return "gold table"
            case .model: return "model"
            case .file: return "file"
            case .page: return "page"
            case .table: return "warehouse table"
            }
        }
    }

    /// Unique in the graph: `endpoint:nyc_violations`, `gold:gold_nyc_daily`, `file:data/nyc_daily.csv`.
    public var id: String
    public var kind: Kind
    /// The name shown: a table name, a file path, a page title.
    public var label: String
    /// Rows held or shown, when the node has rows.
    public var rows: Int?
    /// SHA-256 (hex) of the node's content: an endpoint's response bodies, a table's rows, a file's bytes.
    public var hash: String?
    /// Endpoints: the request made, with the parameters that select and order the rows.
    public var query: String?
    /// One sentence more, where the label is not enough.
    public var detail: String?
    /// Pages: each chart and table on the page, with its sources.
    public var figures: [LineageFigure]?

    /// - Parameters:
    ///   - id: unique in the graph.
    ///   - kind: what the node is.
    ///   - label: the name shown.
    ///   - rows: rows held or shown.
    ///   - hash: SHA-256 (hex) of the content.
    ///   - query: for endpoints, the request.
    ///   - detail: one sentence more.
    ///   - figures: for pages, their charts and tables.
    public init(
        id: String, kind: Kind, label: String, rows: Int? = nil, hash: String? = nil, query: String? = nil,
        detail: String? = nil, figures: [LineageFigure]? = nil
    ) {
        self.id = id
        self.kind = kind
        self.label = label
        self.rows = rows
        self.hash = hash
        self.query = query
        self.detail = detail
        self.figures = figures
    }

    /// The first 8 hex digits of ``hash``, as the drawing shows it.
    public var shortHash: String? { hash.map { String($0.prefix(8)) } }
}

/// A chart or table on a page, with the query it draws and the tables that query read.
public struct LineageFigure: Sendable, Hashable, Codable {
    /// `chart` or `table`.
    public var kind: String
    /// The figure's title (a table without one is named by its query).
    public var title: String
    /// The page query's name.
    public var query: String
    /// The warehouse tables the query read, sorted.
    public var sources: [String]
    /// Rows the query returned.
    public var rows: Int

    public init(kind: String, title: String, query: String, sources: [String], rows: Int) {
        self.kind = kind
        self.title = title
        self.query = query
        self.sources = sources
        self.rows = rows
    }
}
