import CurbsideModel

/// Reads what the data catalog says about a table from the warehouse, with plain SQL through a ``QueryRunner``:
/// its columns and their statistics, its rows by dataset and partition, a sample, and a CSV copy.
///
/// Every query orders what it returns by the data itself, so the same rows give the same catalog on any machine,
/// whatever order they were loaded in.
public struct CatalogReader: Sendable {
    let runner: any QueryRunner
    let cache: (any CatalogStatisticsCache)?
    /// How many hashes of a column a partition's entry holds; more are kept apart from it, in slices.
    let keptInEntry: Int

    /// - Parameters:
    ///   - runner: the warehouse.
    ///   - cache: where statistics of partitioned tables are kept between builds; without one they are counted
    ///     over the whole table each time.
    ///   - keptInEntry: a column with more distinct values in a partition has their hashes kept apart from its
    ///     entry, in ``CatalogPartitionStatistics/slices`` slices of the hash space, merged a slice at a time.
    public init(runner: any QueryRunner, cache: (any CatalogStatisticsCache)? = nil, keptInEntry: Int = 4_096) {
        self.runner = runner
        self.cache = cache
        self.keptInEntry = keptInEntry
    }

    /// Rows a sample shows.
    public static let sampleRows = 20

    /// The table with its statistics and sample, every column counted here (``CatalogSource/sameRows`` aside).
    /// - Parameter source: the table and which rows and columns belong to the version.
    /// - Throws: the warehouse's error when a query fails.
    public func table(_ source: CatalogSource) throws -> CatalogTable {
        try table(source, plan: plan(source))
    }

    /// The table as `plan` reads it: columns it does not count are left without figures.
    private func table(_ source: CatalogSource, plan: Plan) throws -> CatalogTable {
        let declared = plan.declared
        if let partitions = source.partitions, cache != nil {
            return try merged(source, plan: plan, partitions: partitions)
        }
        // One pass over the whole table, as over a partition: a `count(DISTINCT …)` per column made SQLite build a
        // B-tree of each column's values (Chicago's silver tables, a million crashes: most of render's 250 s).
        let whole = CatalogPartition(dataset: "", key: "", rows: source.rows)
        let stats = try count(whole, source, plan, with: runner)
        var counted = stats.columns.makeIterator()
        let columns = declared.indices.map { k in
            let figures = plan.counted[k] ? counted.next() : nil
            return Self.column(declared[k], plan.summaries[k], rows: stats.rows, figures) { figures?.hashes?.count }
        }
        let first = mergedFirstRows(declared, source, [(whole, stats.sample)])
        let names = declared.map(\.name)
        let dataset = names.contains("dataset") ? "dataset" : "NULL"
        let partition = names.contains("partition_key")
        let parts = try runner.run(
            "SELECT \(dataset), count(*), \(partition ? "max(partition_key), count(DISTINCT partition_key)" : "NULL, 0")"
                + " FROM \(source.rows) GROUP BY 1 ORDER BY 1"
        ).rows.map { row in
            CatalogTable.Part(
                dataset: row[0].isNull ? nil : row[0].description, rows: Self.int(row[1]),
                newestPartition: row[2].isNull ? nil : row[2].description, partitions: Self.int(row[3]))
        }
        return CatalogTable(
            source: source, rows: stats.rows, columns: columns, parts: parts,
            sample: try sample(declared, source, first: first.rows, bodiesFrom: first.from))
    }

    /// How a table's columns are read: each column's declared type and summary, and whether it is counted here.
    private struct Plan {
        var declared: [(name: String, type: String, key: Int)]
        var summaries: [CatalogColumn.Summary]
        /// Whether each column is counted here: neither a whole body nor one the same-rows table counts.
        var counted: [Bool]
        /// Where among the sources read together the same-rows table is that counts the others (but whole bodies).
        var figuresFrom: Int?

        /// Whether column `k` is counted in the same-rows table.
        func elsewhere(_ k: Int) -> Bool { !counted[k] && summaries[k] != .opaque }

        /// What a cache entry is tied to: the table's columns, how each is summarised, and those counted elsewhere.
        var signature: String {
            declared.indices.map { k in "\(declared[k].name):\(summaries[k])" + (elsewhere(k) ? ":elsewhere" : "") }
                .joined(separator: ",")
        }

        var countedSummaries: [CatalogColumn.Summary] { summaries.indices.filter { counted[$0] }.map { summaries[$0] } }
    }

    /// The plan of a table that counts all its columns but whole bodies.
    private func plan(_ source: CatalogSource) throws -> Plan {
        let declared = try columns(of: source.table)
        let summaries = declared.map { summary(of: $0.name, in: source) }
        return Plan(declared: declared, summaries: summaries, counted: summaries.map { $0 != .opaque })
    }

    /// The plan of each of `sources`: a table whose same-rows table (``CatalogSource/sameRows``) is among them leaves
    /// the columns both count, summarised alike, to that table, when both are kept per partition in the cache.
    private func plans(_ sources: [CatalogSource]) throws -> [Plan] {
        var plans = try sources.map { try plan($0) }
        for (k, source) in sources.enumerated() {
            guard cache != nil, source.partitions != nil, let name = source.sameRows,
                let other = sources.firstIndex(where: {
                    $0.table == name && $0.table != source.table && $0.partitions != nil && $0.sameRows == nil
                })
            else { continue }
            let theirs = plans[other]
            let counted = Dictionary(
                uniqueKeysWithValues: theirs.declared.indices.filter { theirs.counted[$0] }.map {
                    (theirs.declared[$0].name, theirs.summaries[$0])
                })
            for i in plans[k].declared.indices
            where plans[k].counted[i] && counted[plans[k].declared[i].name] == plans[k].summaries[i] {
                plans[k].counted[i] = false
                plans[k].figuresFrom = other
            }
        }
        return plans
    }

    /// `table` with the figures of the columns it does not count (but whole bodies) taken from `other`'s columns of
    /// the same names: its same-rows table, read over the same partitions.
    private static func figures(from other: CatalogTable, into table: CatalogTable, _ plan: Plan) -> CatalogTable {
        var table = table
        for k in plan.declared.indices where plan.elsewhere(k) {
            guard let theirs = other.columns.first(where: { $0.name == plan.declared[k].name }) else { continue }
            table.columns[k].nulls = theirs.nulls
            table.columns[k].distinct = theirs.distinct
            table.columns[k].minimum = theirs.minimum
            table.columns[k].maximum = theirs.maximum
        }
        return table
    }

    /// Counts the statistics of every partition of `sources` the cache lacks and stores them, `runners.count`
    /// partitions at a time (each runner its own connection to the same warehouse), so ``table(_:)`` then finds
    /// them all. Each is stored when counted (through the cache's own connection), in whatever order they finish.
    /// - Throws: the first error a count or the cache threw; entries counted before it are kept.
    public func countMissingStatistics(of sources: [CatalogSource], runners: [any QueryRunner]) throws {
        try countMissingStatistics(of: sources, plans: plans(sources), runners: runners)
    }

    private func countMissingStatistics(
        of sources: [CatalogSource], plans: [Plan], runners: [any QueryRunner]
    ) throws {
        guard let cache, !runners.isEmpty else { return }
        typealias Job = (source: CatalogSource, plan: Plan, partition: CatalogPartition)
        var jobs: [Job] = []
        for (source, plan) in zip(sources, plans) {
            guard let partitions = source.partitions else { continue }
            for partition in partitions
            where try !cache.contains(table: source.table, partition: partition, signature: plan.signature) {
                jobs.append((source, plan, partition))
            }
        }
        // The partitions with the most columns to count first (one day's silver takes three times a day of bronze),
        // so the longest count does not start last, while the other workers sit idle.
        let pending = jobs.enumerated().sorted { a, b in
            let (x, y) = (a.element.plan.counted.count { $0 }, b.element.plan.counted.count { $0 })
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
        // Each entry is stored as soon as it is counted: holding them all until the last (their distinct hashes)
        // grew a first 5M-row render to 511 MB.
        _ = try ParallelJobs.run(pending.count, workers: runners.count) { job, worker in
            let job = pending[job]
            let stats = try count(job.partition, job.source, job.plan, with: runners[worker])
            let (entry, slices) = stats.encoded(keepingApart: keptInEntry)
            try cache.store(
                entry, slices: slices, table: job.source.table, partition: job.partition,
                signature: job.plan.signature)
        }
    }

    /// Every table of `sources` with its statistics, and the CSVs of `downloads`, side by side on `runners`
    /// (connections to the same warehouse, one per core and one more): the last writes the CSVs from the start,
    /// while the others count the partitions the cache lacks (``countMissingStatistics(of:runners:)``) and then
    /// merge the tables, a table at a time each. With one runner, one after the other on it. A table whose same-rows
    /// table is among `sources` takes the figures of the columns they share from it.
    /// - Returns: the tables in the order of `sources`, the CSVs in the order of `downloads`.
    /// - Throws: the warehouse's error when a query fails, after the CSVs' writing has stopped.
    public func tables(
        _ sources: [CatalogSource], csvs downloads: [CatalogSource], limit: Int, runners: [any QueryRunner]
    ) throws -> (tables: [CatalogTable], csvs: [(text: String, rows: Int)]) {
        let counting = runners.count > 1 ? Array(runners.dropLast()) : [runners.first ?? runner]
        let writer = CatalogReader(runner: runners.last ?? runner)
        let written =
            runners.count > 1 ? Background { try downloads.map { try writer.csv($0, limit: limit) } } : nil
        do {
            let plans = try plans(sources)
            try countMissingStatistics(of: sources, plans: plans, runners: counting)
            let (cache, keptInEntry) = (cache, keptInEntry)
            var tables = try ParallelJobs.run(sources.count, workers: counting.count) { job, worker in
                let runner = counting[worker]
                return try CatalogReader(
                    runner: runner, cache: cache?.reading(through: runner), keptInEntry: keptInEntry
                ).table(sources[job], plan: plans[job])
            }
            for (k, plan) in plans.enumerated() {
                guard let other = plan.figuresFrom else { continue }
                tables[k] = Self.figures(from: tables[other], into: tables[k], plan)
            }
            let csvs = try written?.wait() ?? downloads.map { try writer.csv($0, limit: limit) }
            return (tables, csvs)
        } catch {
            _ = try? written?.wait()
            throw error
        }
    }

    /// The table from its partitions' statistics, each read from the cache or counted and stored there.
    private func merged(_ source: CatalogSource, plan: Plan, partitions: [CatalogPartition]) throws -> CatalogTable {
        let (declared, summaries) = (plan.declared, plan.summaries)
        var rows = 0
        var merged = [CatalogPartitionStatistics.Column](
            repeating: .init(nonNull: 0, minimum: nil, maximum: nil, hashes: nil), count: declared.count)
        var distinct = [[[UInt64]]](repeating: [], count: declared.count)
        // Partitions whose hashes of a column are kept apart, with the column's place in their entry.
        var apart = [[(partition: CatalogPartition, column: Int)]](repeating: [], count: declared.count)
        var parts: [String: CatalogTable.Part] = [:]
        var samples: [(partition: CatalogPartition, rows: [[SQLValue]])] = []
        let byDataset = declared.contains { $0.name == "dataset" }
        for partition in partitions {
            let stats = try statistics(of: partition, source, plan)
            guard stats.rows > 0 else { continue }
            samples.append((partition, stats.sample))
            rows += stats.rows
            let name = byDataset ? partition.dataset : ""
            var part =
                parts[name]
                ?? CatalogTable.Part(
                    dataset: byDataset ? partition.dataset : nil, rows: 0, newestPartition: nil, partitions: 0)
            part.rows += stats.rows
            part.partitions += 1
            if part.newestPartition.map({ $0.utf8.lexicographicallyPrecedes(partition.key.utf8) }) ?? true {
                part.newestPartition = partition.key
            }
            parts[name] = part
            var index = 0
            for k in declared.indices where plan.counted[k] {
                let column = stats.columns[index]
                merged[k].nonNull += column.nonNull
                merged[k].include(low: column.minimum, high: column.maximum)
                if let hashes = column.hashes { distinct[k].append(hashes) }
                if column.keptApart != nil { apart[k].append((partition, index)) }
                index += 1
            }
        }
        let first = mergedFirstRows(declared, source, samples)
        var counts = [Int](repeating: 0, count: declared.count)
        for k in declared.indices where plan.counted[k] && summaries[k] == .full {
            counts[k] =
                apart[k].isEmpty
                ? HashLists.distinctCount(distinct[k]) : try distinctCount(source.table, distinct[k], apart[k])
        }
        let columns = declared.enumerated().map { k, column in
            Self.column(column, summaries[k], rows: rows, plan.counted[k] ? merged[k] : nil) { counts[k] }
        }
        return CatalogTable(
            source: source, rows: rows, columns: columns,
            parts: parts.keys.sorted().map { parts[$0]! },
            sample: try sample(declared, source, first: first.rows, bodiesFrom: first.from))
    }

    /// Distinct hashes among lists in memory and lists kept apart, a slice of the hash space at a time: each
    /// partition's slice read from the cache when its turn comes, so a sixteenth of the hashes are held at once.
    private func distinctCount(
        _ table: String, _ lists: [[UInt64]], _ apart: [(partition: CatalogPartition, column: Int)]
    ) throws -> Int {
        let bits = CatalogPartitionStatistics.sliceBits
        var count = 0
        for slice in 0..<CatalogPartitionStatistics.slices {
            let sliced =
                try lists.map { Array(HashLists.slice($0, slice, bits: bits)) }
                + (cache?.slice(table: table, parts: apart, slice: slice, CatalogPartitionStatistics.hashes) ?? [])
            count += HashLists.distinctCount(sliced, sharedBits: bits)
        }
        return count
    }

    /// A column as its summary shows it, from its figures (nil for whole bodies, which are not read, and for columns
    /// counted elsewhere): distinct values from `hashedDistinct` for a `.full` column (asked only then), its non-null
    /// ones for a `.unique` one.
    private static func column(
        _ declared: (name: String, type: String, key: Int), _ summary: CatalogColumn.Summary, rows: Int,
        _ figures: CatalogPartitionStatistics.Column?, hashedDistinct: () -> Int?
    ) -> CatalogColumn {
        CatalogColumn(
            name: declared.name, type: declared.type, nulls: figures.map { rows - $0.nonNull },
            distinct: figures == nil
                ? nil : summary == .full ? hashedDistinct() : summary == .unique ? figures?.nonNull : nil,
            minimum: summary.isFull ? figures?.minimum : nil, maximum: summary.isFull ? figures?.maximum : nil,
            summary: summary)
    }

    /// One partition's statistics, from the cache when it has them (and every hash they keep apart).
    private func statistics(
        of partition: CatalogPartition, _ source: CatalogSource, _ plan: Plan
    ) throws -> CatalogPartitionStatistics {
        if let cache,
            let stats = try cache.statistics(
                table: source.table, partition: partition, signature: plan.signature,
                CatalogPartitionStatistics.init(encoded:)),
            stats.columns.count == plan.counted.count(where: { $0 })
        {
            let apart = stats.columns.enumerated().compactMap { k, column in column.keptApart.map { (k, $0) } }
            if apart.isEmpty { return stats }
            let kept = try cache.keptApart(table: source.table, partition: partition)
            if apart.allSatisfy({ kept[$0.0] == $0.1 }) { return stats }
        }
        let stats = try count(partition, source, plan, with: runner)
        let (entry, slices) = stats.encoded(keepingApart: keptInEntry)
        try cache?.store(entry, slices: slices, table: source.table, partition: partition, signature: plan.signature)
        return stats
    }

    /// Counts one partition's statistics in one pass over its rows, keeping the first sample rows.
    private func count(
        _ partition: CatalogPartition, _ source: CatalogSource, _ plan: Plan, with runner: any QueryRunner
    ) throws -> CatalogPartitionStatistics {
        let declared = plan.declared
        let shown = sampleColumns(declared, source)
        let counted = declared.indices.filter { plan.counted[$0] }.map { declared[$0].name }
        let selected = shown + counted.filter { !shown.contains($0) }
        let position = Dictionary(uniqueKeysWithValues: selected.enumerated().map { ($1, $0) })
        let countedAt = counted.map { position[$0]! }
        let kept = plan.countedSummaries
        let orderAt = orderNames(declared, source).compactMap { position[$0] }
        func precedes(_ a: [SQLValue], _ b: [SQLValue]) -> Bool {
            CatalogPartitionStatistics.precedes(a, b, order: orderAt, tieBreak: shown.indices)
        }
        // Held through a pointer: a captured array is checked for exclusive access at every cell (5% of a count).
        let counters = UnsafeMutableBufferPointer<CatalogColumnCounter>.allocate(capacity: kept.count)
        _ = counters.initialize(from: kept.map { CatalogColumnCounter($0) })
        defer { counters.deinitialize().deallocate() }
        var first: [[SQLValue]] = []
        var rows = 0
        let visit = { (row: ScannedRow) in
            rows += 1
            for (k, at) in countedAt.enumerated() { counters[k].count(row[at]) }
            if first.count < Self.sampleRows || Self.precedes(row, first[first.count - 1], order: orderAt, shown.count)
            {
                let values = (0..<row.count).map { row[$0].value }
                first.insert(values, at: first.firstIndex { precedes(values, $0) } ?? first.count)
                if first.count > Self.sampleRows { first.removeLast() }
            }
        }
        if let pages = partition.bronzePages, BronzePartition.columns.isSuperset(of: selected) {
            try runner.scanBronzeRows(of: pages, columns: selected, visit)
        } else {
            try runner.scan(
                "SELECT \(selected.map(CatalogSource.quoted).joined(separator: ", ")) FROM \(partition.rows)", visit)
        }
        let columns = counters.map { $0.column() }
        let sample = first.map { row in row.prefix(shown.count).map(\.asSorted) }
        return CatalogPartitionStatistics(rows: rows, columns: columns, sample: sample)
    }

    /// Whether the row being scanned comes before a kept one in the table's order
    /// (``CatalogPartitionStatistics/precedes(_:_:order:tieBreak:)``), making values of its cells only up to the
    /// first that differs: one, for most rows.
    private static func precedes(_ row: ScannedRow, _ kept: [SQLValue], order: [Int], _ shown: Int) -> Bool {
        func differs(_ k: Int) -> Bool? {
            // Integers, and ASCII texts (a String's equality is its bytes' only for them), compared in place.
            switch (row[k], kept[k]) {
            case (.integer(let x), .integer(let y)): return x == y ? nil : x < y
            case (.text(let bytes), .text(var text)):
                let compared = text.withUTF8 { kept -> Bool?? in
                    let order = CatalogPartitionStatistics.order(.text(bytes), .text(UnsafeRawBufferPointer(kept)))
                    if order == 0 { return .some(nil) }
                    guard bytes.allSatisfy({ $0 < 0x80 }), kept.allSatisfy({ $0 < 0x80 }) else { return nil }
                    return order < 0
                }
                if let compared { return compared }
            default: break
            }
            let value = row[k].value
            return value == kept[k] ? nil : CatalogPartitionStatistics.precedes(value, kept[k])
        }
        for k in order { if let before = differs(k) { return before } }
        for k in 0..<shown { if let before = differs(k) { return before } }
        return false
    }

    /// The first rows in key order. Whole bodies are read for those rows only, by the row's `id` (the start of a
    /// text, the size of a blob); a table with whole bodies but no `id` shows the other columns.
    /// - Parameters:
    ///   - first: the first rows, as counting found them (merged from partitions, or the whole table's pass).
    ///   - bodiesFrom: where those rows' bodies are read: the rows SQL of the partitions they came from.
    func sample(
        _ declared: [(name: String, type: String, key: Int)], _ source: CatalogSource, first: [[SQLValue]],
        bodiesFrom: [String]
    ) throws -> QueryTable {
        let names = declared.map(\.name).filter { !source.loadColumns.contains($0) }
        let opaque = names.filter { source.opaqueColumns.contains($0) }
        let byID = !opaque.isEmpty && declared.contains { $0.name == "id" }
        let plain = names.filter { !source.opaqueColumns.contains($0) }
        let first = QueryTable(columns: sampleColumns(declared, source), rows: first)
        guard byID, !first.rows.isEmpty else { return QueryTable(columns: plain, rows: first.rows) }
        let ids = first.rows.map { $0[0].description }
        let bodies = opaque.map { name in
            let column = CatalogSource.quoted(name)
            return "CASE WHEN typeof(\(column)) = 'blob' THEN '<' || length(\(column)) || ' bytes>' "
                + "ELSE substr(\(column), 1, 200) END"
        }
        var byRow: [String: [SQLValue]] = [:]
        for rows in bodiesFrom {
            let fetched = try runner.run(
                "SELECT id, \(bodies.joined(separator: ", ")) FROM \(rows) WHERE id IN (\(ids.joined(separator: ", ")))"
            )
            for row in fetched.rows { byRow[row[0].description] = Array(row.dropFirst()) }
        }
        let rows = first.rows.map { row -> [SQLValue] in
            let values = byRow[row[0].description] ?? opaque.map { _ in SQLValue.null }
            return names.map { name in
                if let k = opaque.firstIndex(of: name) { return values[k] }
                return row[1 + plain.firstIndex(of: name)!]
            }
        }
        return QueryTable(columns: names, rows: rows)
    }

    /// The columns a sample selects: what it shows but whole bodies, after the `id` its bodies are found by.
    private func sampleColumns(_ declared: [(name: String, type: String, key: Int)], _ source: CatalogSource)
        -> [String]
    {
        let names = declared.map(\.name).filter { !source.loadColumns.contains($0) }
        let byID = names.contains { source.opaqueColumns.contains($0) } && declared.contains { $0.name == "id" }
        return (byID ? ["id"] : []) + names.filter { !source.opaqueColumns.contains($0) }
    }

    /// Partitions' first rows merged into the table's, in SQLite's order of the order columns.
    /// - Returns: the rows, and the partitions (their rows SQL) they came from.
    private func mergedFirstRows(
        _ declared: [(name: String, type: String, key: Int)], _ source: CatalogSource,
        _ partitions: [(partition: CatalogPartition, rows: [[SQLValue]])]
    ) -> (rows: [[SQLValue]], from: [String]) {
        let columns = sampleColumns(declared, source)
        let positions = orderNames(declared, source).compactMap { columns.firstIndex(of: $0) }
        let all = partitions.flatMap { p in p.rows.map { (p.partition.rows, $0) } }.sorted { a, b in
            CatalogPartitionStatistics.precedes(a.1, b.1, order: positions, tieBreak: columns.indices)
        }.prefix(Self.sampleRows)
        var from: [String] = []
        for (rows, _) in all where !from.contains(rows) { from.append(rows) }
        return (all.map(\.1), from)
    }

    /// The table as CSV: every column but the load's, in key order, at most `limit` rows.
    /// - Returns: the text and the number of rows written.
    /// - Throws: the warehouse's error when the query fails.
    public func csv(_ source: CatalogSource, limit: Int) throws -> (text: String, rows: Int) {
        let declared = try columns(of: source.table)
        let names = declared.map(\.name).filter { !source.loadColumns.contains($0) }
        var csv = CSVText(header: names)
        var rows = 0
        try runner.scan(
            "SELECT \(shown(declared, source)) FROM \(source.rows) ORDER BY \(order(declared, source)) LIMIT \(limit)"
        ) { row in
            rows += 1
            csv.append(row)
        }
        return (csv.text, rows)
    }

    /// The quarantined rows of the version by dataset, rule and column, and up to `examples` rows of each with
    /// the start of the row's JSON as it arrived.
    /// - Parameter source: the `quarantine` table's source.
    /// - Throws: the warehouse's error when a query fails.
    public func quarantine(_ source: CatalogSource, examples: Int = 3) throws -> (
        rules: QueryTable, examples: QueryTable
    ) {
        let rules = try runner.run(
            """
            SELECT dataset, rule, coalesce(column_name, '') AS column_name, count(*) AS quarantined
            FROM \(source.rows) GROUP BY dataset, rule, column_name ORDER BY dataset, rule, column_name
            """)
        let rows = try runner.run(
            """
            SELECT dataset, rule, column_name, partition_key, record_id, value,
                substr(json, 1, 160) || CASE WHEN length(json) > 160 THEN '…' ELSE '' END AS row_json
            FROM (
            SELECT q.dataset, q.rule, q.column_name, q.partition_key, q.record_id, q.value, q.n,
                bronze_row(p.body, p.body_encoding, json_extract(p.row_offsets, q.at || '[0]'),
                    json_extract(p.row_offsets, q.at || '[1]')) AS json
            FROM (
                SELECT dataset, rule, coalesce(column_name, '') AS column_name, partition_key, record_id, value,
                    bronze_row_id, '$[' || (bronze_row_id & 65535) || ']' AS at,
                    row_number() OVER (
                        PARTITION BY dataset, rule, column_name ORDER BY partition_key, record_id, value) AS n
                FROM \(source.rows)
            ) q LEFT JOIN bronze_pages p ON p.id = q.bronze_row_id >> 16
            WHERE q.n <= \(examples))
            ORDER BY dataset, rule, column_name, n
            """)
        return (
            QueryTable(columns: rules.columns, rows: rules.rows), QueryTable(columns: rows.columns, rows: rows.rows)
        )
    }

    /// The tables and views the catalog lists, with their layer: bronze, silver, gold, quarantine, each by name.
    /// - Throws: the warehouse's error when the schema cannot be read.
    public func tables() throws -> [(name: String, layer: CatalogLayer)] {
        let tables = try runner.run("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
            .rows.compactMap { row in
                CatalogLayer.of(table: row[0].description).map { (name: row[0].description, layer: $0) }
            }
        return CatalogLayer.allCases.flatMap { layer in tables.filter { $0.layer == layer } }
    }

    /// A table's columns with their declared types, generated columns included.
    /// - Throws: the warehouse's error when the table does not exist.
    public func columns(of table: String) throws -> [(name: String, type: String, key: Int)] {
        let info = try runner.run(
            "SELECT name, type, pk FROM pragma_table_xinfo(\(CatalogSource.literal(table))) WHERE hidden IN (0, 2, 3) "
                + "ORDER BY cid")
        return info.rows.map { ($0[0].description, $0[1].description, Self.int($0[2])) }
    }

    func summary(of column: String, in source: CatalogSource) -> CatalogColumn.Summary {
        if source.loadColumns.contains(column) { return .loadOrder }
        if source.opaqueColumns.contains(column) { return .opaque }
        return source.uniqueColumns.contains(column) ? .unique : .full
    }

    /// The columns of a table that a unique index (or its primary key) covers alone, partial indexes aside: no two
    /// rows hold the same non-null value in them. Views have none.
    /// - Throws: the warehouse's error when a query fails.
    public func uniqueColumns(of table: String) throws -> Set<String> {
        let literal = CatalogSource.literal(table)
        let indexed = try runner.run(
            """
            SELECT min(i.name) FROM pragma_index_list(\(literal)) l, pragma_index_info(l.name) i
            WHERE l."unique" = 1 AND l.partial = 0 GROUP BY l.name HAVING count(*) = 1 AND min(i.name) IS NOT NULL
            """)
        // A primary key of one column is unique too; as the rowid (INTEGER PRIMARY KEY) it has no index of its own.
        let key = try runner.run(
            """
            SELECT name FROM pragma_table_info(\(literal)) WHERE pk = 1
                AND (SELECT count(*) FROM pragma_table_info(\(literal)) WHERE pk > 0) = 1
            """)
        return Set((indexed.rows + key.rows).map { $0[0].description })
    }

    /// The columns samples and downloads show: all but the load's.
    private func shown(_ declared: [(name: String, type: String, key: Int)], _ source: CatalogSource) -> String {
        declared.filter { !source.loadColumns.contains($0.name) }.map { CatalogSource.quoted($0.name) }
            .joined(separator: ", ")
    }

    /// The table's own key when the load does not set it; otherwise every value shown but whole bodies, so rows
    /// that tie are identical in what is shown.
    private func order(_ declared: [(name: String, type: String, key: Int)], _ source: CatalogSource) -> String {
        let names = orderNames(declared, source)
        return names.isEmpty ? "1" : names.map(CatalogSource.quoted).joined(separator: ", ")
    }

    private func orderNames(_ declared: [(name: String, type: String, key: Int)], _ source: CatalogSource) -> [String] {
        let key = declared.filter { $0.key > 0 }.sorted { $0.key < $1.key }.map(\.name)
        let usable = !key.isEmpty && key.allSatisfy { !source.loadColumns.contains($0) }
        return usable
            ? key
            : declared.map(\.name).filter { !source.loadColumns.contains($0) && !source.opaqueColumns.contains($0) }
    }

    /// An integer the warehouse returned, 0 for anything else (NULL).
    public static func int(_ value: SQLValue?) -> Int {
        if case .integer(let number) = value { return Int(number) }
        return 0
    }
}
