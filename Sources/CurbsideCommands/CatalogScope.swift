import CurbsideIngest
import CurbsideModel
import CurbsideRender

/// Which rows of the warehouse belong to a version: NYC's within its window, Chicago's all, bronze only the latest
/// fetch of each partition.
struct CatalogScope {
    var nyc: NYCWindow?
    var chicago: ChicagoWindow?
    var nycAsOf: Day?
    /// Every partition of the warehouse (`partitions`): dataset, key and latest generation.
    var known: [(dataset: String, key: String, generation: Int64)] = []

    static let chicagoDatasets = [DatasetID.chicagoCrashes, .chicagoVehicles, .chicagoPeople].map(\.rawValue)

    var asOfByDataset: [String: Day] {
        var days: [String: Day] = [:]
        if let nycAsOf { days[DatasetID.nycViolations.rawValue] = nycAsOf }
        if let chicago { for dataset in Self.chicagoDatasets { days[dataset] = chicago.end } }
        return days
    }

    /// The dataset family a table belongs to by its name (`silver_nyc_…`, `gold_chicago_…`), nil for shared ones.
    static func family(of table: String) -> DatasetFamily? {
        table.contains("_nyc_") ? .nyc : table.contains("_chicago_") ? .chicago : nil
    }

    func asOf(of table: String) -> Day? {
        switch Self.family(of: table) {
        case .nyc: return nycAsOf
        case .chicago: return chicago?.end
        case nil: return nil
        }
    }

    /// SQL true for the version's rows of a table with these dataset and partition key columns.
    func filter(dataset: String, key: String) -> String {
        var clauses: [String] = []
        if let nyc {
            clauses.append(
                "(\(dataset) = '\(DatasetID.nycViolations.rawValue)' AND \(key) BETWEEN '\(nyc.first.iso)' AND "
                    + "'\(nyc.last.iso)')")
        }
        if chicago != nil {
            clauses.append("\(dataset) IN (" + Self.chicagoDatasets.map { "'\($0)'" }.joined(separator: ", ") + ")")
        }
        return clauses.isEmpty ? "0" : "(" + clauses.joined(separator: " OR ") + ")"
    }

    /// Every partition of the warehouse, for ``known``.
    static func partitions(in runner: any QueryRunner) throws -> [(dataset: String, key: String, generation: Int64)] {
        try runner.run("SELECT dataset, key, generation FROM partitions ORDER BY dataset, key").rows.map {
            ($0[0].description, $0[1].description, Int64(CatalogReader.int($0[2])))
        }
    }

    /// Whether the version holds a dataset's partition: the Swift twin of ``filter(dataset:key:)``.
    func includes(dataset: String, key: String) -> Bool {
        if let nyc, dataset == DatasetID.nycViolations.rawValue {
            return nyc.first.iso <= key && key <= nyc.last.iso
        }
        return chicago != nil && Self.chicagoDatasets.contains(dataset)
    }

    /// The table's source for this version, or nil when it belongs to a dataset the version does not have.
    /// - Parameter unique: the columns a unique index keeps apart (``CatalogSource/uniqueColumns``); the version's
    ///   rows are always a subset of the table's, so they stay apart there too.
    func source(for table: String, layer: CatalogLayer, columns: [String], unique: Set<String> = []) -> CatalogSource? {
        let family = Self.family(of: table)
        if family == .nyc && nyc == nil || family == .chicago && chicago == nil { return nil }
        let has = Set(columns)
        let quoted = CatalogSource.quoted(table)
        var rows: String?
        var partitions: [CatalogPartition]?
        func partitioned(_ datasets: Set<String>?, _ where: (String, String, Int64) -> String) -> [CatalogPartition] {
            known.filter { (datasets?.contains($0.dataset) ?? true) && includes(dataset: $0.dataset, key: $0.key) }.map
            {
                CatalogPartition(
                    dataset: $0.dataset, key: $0.key,
                    rows: "(SELECT * FROM \(quoted) WHERE \(`where`($0.dataset, $0.key, $0.generation)))",
                    // The view's rows are made from the pages' offsets without SQLite's JSON functions.
                    bronzePages: table == "bronze_rows"
                        ? BronzePartition(dataset: $0.dataset, key: $0.key, generation: $0.generation) : nil)
            }
        }
        if has.isSuperset(of: ["dataset", "partition_key", "generation"]) {
            func latest(_ dataset: String, _ key: String, _ generation: Int64, of p: String = "") -> String {
                "\(p)dataset = \(CatalogSource.literal(dataset)) AND \(p)partition_key = \(CatalogSource.literal(key)) "
                    + "AND \(p)generation = \(generation)"
            }
            partitions = partitioned(nil) { latest($0, $1, $2) }
            if table == "bronze_row_json" {
                // The view decompresses every page before any filter applies (so that reading all rows
                // decompresses each page once); one partition's rows are cut from its own pages instead.
                partitions = known.filter { includes(dataset: $0.dataset, key: $0.key) }.map {
                    CatalogPartition(
                        dataset: $0.dataset, key: $0.key,
                        rows: """
                            (SELECT p.id * 65536 + r.key AS id, p.dataset, p.partition_key, p.generation, \
                            r.value ->> 2 AS record_id, \
                            bronze_row(p.body, p.body_encoding, r.value ->> 0, r.value ->> 1) AS json \
                            FROM bronze_pages p, json_each(p.row_offsets) r WHERE \
                            \(latest($0.dataset, $0.key, $0.generation, of: "p.")))
                            """,
                        bronzePages: BronzePartition(dataset: $0.dataset, key: $0.key, generation: $0.generation))
                }
            }
            rows = """
                (SELECT b.* FROM \(quoted) b JOIN partitions t ON t.dataset = b.dataset AND t.key = b.partition_key \
                AND t.generation = b.generation WHERE \(filter(dataset: "b.dataset", key: "b.partition_key")))
                """
        } else if has.isSuperset(of: ["dataset", "partition_key"]) {
            partitions = partitioned(nil) { dataset, key, _ in
                "dataset = \(CatalogSource.literal(dataset)) AND partition_key = \(CatalogSource.literal(key))"
            }
            rows = "(SELECT * FROM \(quoted) WHERE \(filter(dataset: "dataset", key: "partition_key")))"
        } else if family == .nyc, let nyc, has.contains("partition_key") {
            partitions = partitioned([DatasetID.nycViolations.rawValue]) { _, key, _ in
                "partition_key = \(CatalogSource.literal(key))"
            }
            // `+` keeps SQLite off the partition index: the CSV's first rows in key order then come from walking
            // the key's index and stopping at the limit, not from sorting every row of the window (a million
            // rows: 0.12 s instead of 0.75 s of CPU). Statistics are counted per partition, with the index.
            rows = "(SELECT * FROM \(quoted) WHERE +partition_key BETWEEN '\(nyc.first.iso)' AND '\(nyc.last.iso)')"
        } else if table == "gold_meta" {
            let prefixes = (nyc == nil ? [] : [DatasetFamily.nyc]) + (chicago == nil ? [] : [.chicago])
            rows =
                "(SELECT * FROM \(quoted) WHERE "
                + (prefixes.isEmpty ? "0" : prefixes.map { "name LIKE '\($0.rawValue).%'" }.joined(separator: " OR "))
                + ")"
        }
        return CatalogSource(
            table: table, layer: layer, rows: rows, loadColumns: has.intersection(Pipeline.loadColumns),
            opaqueColumns: has.intersection(Pipeline.opaqueColumns), uniqueColumns: unique.intersection(has),
            partitions: partitions,
            // Both views make their rows from the same pages' offsets, partition for partition.
            sameRows: table == "bronze_row_json" && partitions != nil ? "bronze_rows" : nil)
    }

    /// The partitions a gold table is built from: each of its datasets' complete partitions in the version.
    func partitions(of table: String, in runner: any QueryRunner) throws -> [CatalogTable.Part] {
        let datasets: [String]
        switch Self.family(of: table) {
        case .nyc: datasets = [DatasetID.nycViolations.rawValue]
        case .chicago: datasets = [DatasetID.chicagoCrashes.rawValue]
        case nil:
            datasets =
                (nyc == nil ? [] : [DatasetID.nycViolations.rawValue]) + (chicago == nil ? [] : Self.chicagoDatasets)
        }
        let list = datasets.map { "'\($0)'" }.joined(separator: ", ")
        return try runner.run(
            """
            SELECT dataset, sum(rows), max(key), count(*) FROM partitions
            WHERE state = 'complete' AND dataset IN (\(list)) AND \(filter(dataset: "dataset", key: "key"))
            GROUP BY dataset ORDER BY dataset
            """
        ).rows.map { row in
            CatalogTable.Part(
                dataset: row[0].description, rows: CatalogReader.int(row[1]), newestPartition: row[2].description,
                partitions: CatalogReader.int(row[3]))
        }
    }

    /// The lineage nodes a table stands for: a bronze table's endpoint or bronze node per dataset, a silver or
    /// gold table's own node, the quarantine node per dataset.
    func lineageIDs(of table: String, parts: [CatalogTable.Part]) -> [String] {
        let datasets = parts.compactMap(\.dataset)
        switch table {
        case "bronze_pages": return datasets.map { "endpoint:\($0)" }
        case "bronze_rows", "bronze_row_json": return datasets.map { "bronze:\($0)" }
        case "quarantine": return datasets.map { "quarantine:\($0)" }
        default:
            if table.hasPrefix("silver_") { return ["silver:\(table)"] }
            if table.hasPrefix("gold_") { return ["gold:\(table)"] }
            return []
        }
    }

    /// What the page says about the rows it counts.
    var sentence: String {
        var parts: [String] = []
        if let nyc {
            parts.append("NYC tables hold the issue days of the window, \(nyc.first.iso) to \(nyc.last.iso)")
        }
        if let chicago {
            parts.append(
                "Chicago tables every partition fetched (crash dates \(chicago.first.iso) to "
                    + "\(chicago.end.adding(days: -1).iso) and later updates)")
        }
        let datasets = parts.isEmpty ? "" : parts.joined(separator: "; ") + ". "
        return "Every table behind this version's pages, with the rows of this version only. \(datasets)"
            + "Bronze counts the latest fetch of each partition; earlier fetches stay in the warehouse but are not "
            + "part of this version."
    }
}
