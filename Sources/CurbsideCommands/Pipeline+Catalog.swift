import CurbsideIngest
import CurbsideModel
import CurbsidePublish
import CurbsideRender
import CurbsideWarehouse
import Foundation

/// The data catalog of a version: `catalog.html` and the CSVs it offers (every silver table, and the gold tables
/// the pages' CSVs do not already hold).
///
/// warehouse schema + the version's windows → ``CatalogSource`` per table → ``CatalogReader`` → ``CatalogPage``.
/// Only the version's rows count: NYC's within its window, the latest fetch of each partition in bronze. Nothing
/// here reads the clock.
extension Pipeline {
    /// The most rows a silver CSV holds, so a version stays a size a static host takes (a day of NYC tickets is
    /// about 30,000 rows, its silver row about 250 bytes).
    static let silverCSVLimit = 50_000

    /// Columns the load fills in: their values follow the order pages arrived and the number of fetches, or (a
    /// bronze row's place in its page) how many rows a page holds, which is `ingest.page_size`, not the data.
    static let loadColumns: Set<String> = [
        "id", "page_id", "fetch_id", "generation", "bronze_row_id", "by_bronze_row_id", "row_index", "byte_start",
    ]
    /// Whole response bodies, row texts and a page's row offsets.
    static let opaqueColumns: Set<String> = ["body", "json", "row_offsets"]

    /// The catalog page and its CSVs.
    /// - Parameters:
    ///   - lineage: the version's lineage, whose nodes each table links to and whose files are the gold CSVs.
    ///   - nyc: the NYC window (ignored when the version has no NYC data); `chicago`: Chicago's, or nil.
    /// - Throws: `CommandError` exit 2 for a `catalog` key of the config naming no table or column, exit 1 when
    ///   the warehouse or the layout fails.
    func catalogFiles(
        lineage: LineageGraph, renderer: PageRenderer, context: SiteContext, notes: VersionNotes, nyc: NYCWindow,
        chicago: ChicagoWindow?
    ) throws -> [SiteFile] {
        let reader = CatalogReader(runner: warehouse, cache: WarehouseCatalogCache(warehouse: warehouse))
        let all = try reader.tables()
        try checkDescriptions(tables: all.map(\.name), reader: reader)
        var scope = CatalogScope(nyc: options.includes(.nyc) && config.nyc.enabled ? nyc : nil, chicago: chicago)
        scope.nycAsOf = scope.nyc == nil ? nil : try nycAsOf()
        scope.known = try CatalogScope.partitions(in: warehouse)
        let sources = try all.compactMap { name, layer in
            try scope.source(
                for: name, layer: layer, columns: reader.columns(of: name).map(\.name),
                unique: reader.uniqueColumns(of: name))
        }
        func lineageFile(_ source: CatalogSource) -> LineageNode? {
            guard source.layer == .silver || source.layer == .gold else { return nil }
            let edge = lineage.edges.first {
                $0.source == "\(source.layer.rawValue):\(source.table)" && $0.target.hasPrefix("file:")
            }
            return edge.flatMap { lineage.node($0.target) }
        }
        // Silver and gold tables whose CSV the pages do not already offer get one of their own.
        let downloads = sources.filter { ($0.layer == .silver || $0.layer == .gold) && lineageFile($0) == nil }
        let (tables, csvs) = try reader.tables(
            sources, csvs: downloads, limit: Self.silverCSVLimit, runners: try catalogRunners())
        var entries: [CatalogPage.Entry] = []
        var files: [SiteFile] = []
        var quarantine: (rules: QueryTable, examples: QueryTable)?
        for (source, table) in zip(sources, tables) {
            let (name, layer) = (source.table, source.layer)
            var download: CatalogPage.Download?
            if let node = lineageFile(source) {
                download = .init(path: node.label, rows: node.rows ?? table.rows, total: table.rows)
            } else if let k = downloads.firstIndex(of: source) {
                download = .init(path: "data/\(name).csv", rows: csvs[k].rows, total: table.rows)
                files.append(SiteFile(path: "data/\(name).csv", text: csvs[k].text))
            }
            if name == "quarantine" { quarantine = try reader.quarantine(source) }
            let prefix = name + "."
            entries.append(
                CatalogPage.Entry(
                    table: table, description: config.catalog.descriptions[name],
                    columnDescriptions: Dictionary(
                        uniqueKeysWithValues: config.catalog.descriptions.filter { $0.key.hasPrefix(prefix) }.map {
                            (String($0.key.dropFirst(prefix.count)), $0.value)
                        }),
                    asOf: scope.asOf(of: name) ?? context.asOf,
                    partitions: layer == .gold ? try scope.partitions(of: name, in: warehouse) : table.parts,
                    lineage: scope.lineageIDs(of: name, parts: table.parts).compactMap { lineage.node($0) },
                    download: download))
        }
        let page = CatalogPage(
            entries: entries, quarantine: quarantine, scope: scope.sentence, silverLimit: Self.silverCSVLimit,
            asOf: context.asOf, asOfByDataset: scope.asOfByDataset)
        let generated = PageContent(
            slug: "catalog", title: CatalogPage.title, description: CatalogPage.description, body: page.html())
        do {
            files.append(
                SiteFile(path: "catalog.html", text: try renderer.html(for: generated, context: context, notes: notes)))
        } catch {
            throw CommandError(.failed("\(error)"))
        }
        return files
    }

    /// Connections of their own for the catalog, so the pages' queries on the warehouse's connection never wait for
    /// them: one per core to count partitions and merge tables side by side (the machines this runs on have two),
    /// and one that writes the CSVs meanwhile. Each reads a partition once, so 8 MiB of page cache does (with 64,
    /// as the warehouse's own, a first 1M-row render peaked 80 MB higher). An in-memory warehouse has only its own.
    func catalogRunners() throws -> [any QueryRunner] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard warehouse.path != ":memory:", cores > 1 else { return [warehouse] }
        return try (0...cores).map { _ in try Warehouse(path: warehouse.path, pageCacheMiB: 8) }
    }

    /// Every `catalog` key of the config must name a table the catalog lists, and a column of it.
    /// - Throws: `CommandError` exit 2 naming the file, line and key, and what there is instead.
    func checkDescriptions(tables: [String], reader: CatalogReader) throws {
        for key in config.catalog.descriptions.keys.sorted() {
            let parts = key.split(separator: ".").map(String.init)
            let problem: String?
            if !tables.contains(parts[0]) {
                problem = "names no table of the data catalog; its tables: \(tables.joined(separator: ", "))"
            } else if parts.count == 2 {
                let columns = try reader.columns(of: parts[0]).map(\.name)
                problem =
                    columns.contains(parts[1])
                    ? nil : "names no column of \(parts[0]); its columns: \(columns.joined(separator: ", "))"
            } else {
                problem = nil
            }
            guard let problem else { continue }
            let error = ConfigError(
                file: options.configPath, line: config.catalog.lines[key], key: "catalog.\(key)",
                reason: .notInWarehouse(problem))
            throw CommandError(.badConfig("\(error)"))
        }
    }
}

/// The catalog's per-partition statistics, kept in the warehouse (`catalog_partition_statistics`).
struct WarehouseCatalogCache: CatalogStatisticsCache {
    var warehouse: Warehouse
    /// Where entries are read: the warehouse's own connection, or one of the catalog's (entries are stored through
    /// the warehouse's, the one that writes).
    var reader: Warehouse

    init(warehouse: Warehouse) {
        self.warehouse = warehouse
        reader = warehouse
    }

    func reading(through runner: any QueryRunner) -> any CatalogStatisticsCache {
        guard let connection = runner as? Warehouse, connection.path == warehouse.path else { return self }
        var cache = self
        cache.reader = connection
        return cache
    }

    func statistics<T>(
        table: String, partition: CatalogPartition, signature: String, _ decode: (UnsafeRawBufferPointer) -> T?
    ) throws -> T? {
        try reader.catalogStatistics(
            table: table, dataset: partition.dataset, partition: partition.key, rows: partition.rows,
            signature: signature, decode)
    }

    func store(
        _ encoded: [UInt8], slices: [CatalogHashSlice], table: String, partition: CatalogPartition, signature: String
    ) throws {
        try warehouse.storeCatalogStatistics(
            encoded, slices: slices.map { ($0.column, $0.slice, $0.bytes) }, table: table,
            dataset: partition.dataset, partition: partition.key, rows: partition.rows, signature: signature)
    }

    func keptApart(table: String, partition: CatalogPartition) throws -> [Int: Int] {
        try reader.catalogHashesKeptApart(table: table, dataset: partition.dataset, partition: partition.key)
    }

    func slice<T>(
        table: String, parts: [(partition: CatalogPartition, column: Int)], slice: Int,
        _ decode: (UnsafeRawBufferPointer) -> T
    ) throws -> [T] {
        try reader.catalogHashes(
            table: table, parts: parts.map { ($0.partition.dataset, $0.partition.key, $0.column) }, slice: slice, decode
        )
    }

    func contains(table: String, partition: CatalogPartition, signature: String) throws -> Bool {
        try reader.hasCatalogStatistics(
            table: table, dataset: partition.dataset, partition: partition.key, rows: partition.rows,
            signature: signature)
    }
}
