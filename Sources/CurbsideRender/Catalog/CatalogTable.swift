import CurbsideModel

/// The layers of the warehouse the data catalog lists, in its order.
public enum CatalogLayer: String, CaseIterable, Sendable, Hashable {
    case bronze
    case silver
    case gold
    case quarantine

    /// `Bronze`.
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// The layer of a warehouse table, by its name; nil for the tables the catalog leaves out (runs, fetches,
    /// partitions, models, lineage, quality).
    public static func of(table: String) -> CatalogLayer? {
        if table.hasPrefix("bronze_") { return .bronze }
        if table.hasPrefix("silver_") { return .silver }
        if table.hasPrefix("gold_") { return .gold }
        if table == "quarantine" || table == "superseded" { return .quarantine }
        return nil
    }
}

/// A table of the catalog and which of its rows and columns belong to the version.
public struct CatalogSource: Sendable, Hashable {
    /// The warehouse table or view.
    public var table: String
    public var layer: CatalogLayer
    /// SQL naming the version's rows: the table's name, or a parenthesised `SELECT` that narrows it (to the NYC
    /// window, to the latest fetch of each partition).
    public var rows: String
    /// Columns the load fills in (row ids, page ids, fetch generations). Their values follow the order in which
    /// pages arrived and how often a partition was fetched, not the data, so they are listed and counted but not
    /// summarised, and left out of samples and downloads: the catalog stays the same for the same data.
    public var loadColumns: Set<String>
    /// Columns holding whole response bodies or row texts: not summarised, shown for sample rows only.
    public var opaqueColumns: Set<String>
    /// Columns whose values a unique index (or the primary key) on the column alone keeps apart, so their distinct
    /// values are their non-null ones, counted without a hash of each (`silver_nyc_violations.summons_number`).
    public var uniqueColumns: Set<String>
    /// The partitions whose rows together are `rows`, when the table's statistics can be kept per partition.
    public var partitions: [CatalogPartition]?
    /// Another table whose partitions hold this one's rows, partition for partition, its columns of the same names
    /// the same values: `bronze_row_json` and `bronze_rows` are two views of the pages' rows. When both are
    /// read together (``CatalogReader/tables(_:csvs:limit:runners:)``), the columns they share are counted in that
    /// table only and their figures taken from it; alone, this table counts them itself.
    public var sameRows: String?

    public init(
        table: String, layer: CatalogLayer, rows: String? = nil, loadColumns: Set<String> = [],
        opaqueColumns: Set<String> = [], uniqueColumns: Set<String> = [], partitions: [CatalogPartition]? = nil,
        sameRows: String? = nil
    ) {
        self.table = table
        self.layer = layer
        self.rows = rows ?? CatalogSource.quoted(table)
        self.loadColumns = loadColumns
        self.opaqueColumns = opaqueColumns
        self.uniqueColumns = uniqueColumns
        self.partitions = partitions
        self.sameRows = sameRows
    }

    /// `'text'`: a string literal for SQLite.
    public static func literal(_ text: String) -> String { SQLText.literal(text) }

    /// `"name"`: an identifier quoted for SQLite.
    public static func quoted(_ name: String) -> String { SQLText.quoted(name) }
}

/// One column of a catalog table and what its values look like.
public struct CatalogColumn: Sendable, Hashable {
    /// How far a column is summarised.
    public enum Summary: Sendable, Hashable {
        /// Nulls, distinct values, least and greatest.
        case full
        /// As ``full``, for a column whose values a unique index keeps apart: its distinct values are its non-null
        /// ones (see ``CatalogSource/uniqueColumns``).
        case unique

        /// Least and greatest are shown.
        var isFull: Bool { self == .full || self == .unique }
        /// Set by the load: nulls only (see ``CatalogSource/loadColumns``).
        case loadOrder
        /// Whole bodies or texts: not read at all.
        case opaque
    }

    public var name: String
    /// The declared type (`TEXT`, `INTEGER`), empty when there is none (some view columns).
    public var type: String
    /// Rows without a value; nil for whole bodies, which are not read.
    public var nulls: Int?
    /// Distinct non-null values; nil when the column is not summarised.
    public var distinct: Int?
    /// The least and greatest non-null values in SQLite's order (numbers before text); nil when there are none
    /// or the column is not summarised.
    public var minimum: SQLValue?
    public var maximum: SQLValue?
    public var summary: Summary
}

/// A table of the version as the catalog shows it: rows, columns with their statistics, the partitions it
/// covers and a sample of rows.
public struct CatalogTable: Sendable, Hashable {
    /// The rows of one dataset (tables with a `dataset` column), or of the whole table.
    public struct Part: Sendable, Hashable {
        /// nil for a table without a `dataset` column.
        public var dataset: String?
        public var rows: Int
        /// The greatest `partition_key` and how many there are, for tables with that column.
        public var newestPartition: String?
        public var partitions: Int

        public init(dataset: String?, rows: Int, newestPartition: String?, partitions: Int) {
            self.dataset = dataset
            self.rows = rows
            self.newestPartition = newestPartition
            self.partitions = partitions
        }
    }

    public var source: CatalogSource
    public var rows: Int
    public var columns: [CatalogColumn]
    /// By dataset, in dataset order (one part for a table without a `dataset` column).
    public var parts: [Part]
    /// The first rows in the order of the table's key (or of all its values when the key is set by the load),
    /// load columns left out.
    public var sample: QueryTable

    /// The name, `silver_nyc_violations`.
    public var name: String { source.table }
}
