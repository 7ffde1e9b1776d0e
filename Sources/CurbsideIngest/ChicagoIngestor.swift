import CurbsideModel
import CurbsideWarehouse
import Logging

/// Chicago Traffic Crashes: crashes by `crash_date` month over the backfill window on the first run,
/// then increments by an `:updated_at` watermark; each partition's vehicles and people are fetched
/// by `crash_record_id in (…)` batches, up to `ingest.concurrency` batches at once. A partition's crashes,
/// vehicles and people are committed in one transaction, only once all of them have arrived.
public struct ChicagoIngestor: Sendable {
    public var warehouse: Warehouse
    public var config: CurbsideConfig
    public var portalURL: String
    var fetcher: PageFetcher
    var logger: Logger
    /// The live progress line; nil draws nothing.
    public var progress: IngestProgress?

    /// Re-reads crashes changed up to an hour before the last watermark: a crash changed twice is
    /// simply fetched twice, and the later copy wins in silver.
    static let watermarkOverlapSeconds = 3_600

    public init(
        warehouse: Warehouse, config: CurbsideConfig, portalURL: String, client: any HTTPClient,
        appToken: String?, runID: Int64?, clock: any WallClock, sleeper: any Sleeper, limiter: RequestLimiter?,
        logger: Logger
    ) {
        self.warehouse = warehouse
        self.config = config
        self.portalURL = portalURL
        self.logger = logger
        fetcher = PageFetcher(
            client: client, warehouse: warehouse, policy: RetryPolicy(maxAttempts: config.ingest.maxAttempts),
            sleeper: sleeper, clock: clock, runID: runID, appToken: appToken, limiter: limiter)
    }

    /// Fetches what the window lacks: missing months on a first run (or when the window reaches
    /// earlier than before), else the crashes changed since the watermark. A dataset whose
    /// `rowsUpdatedAt` has not moved since the last run is skipped.
    public func run(asOf: Day) async throws -> IngestReport {
        let window = ChicagoWindow(asOf: asOf, backfillDays: config.chicago.backfillDays)
        var state = try warehouse.state(of: .chicagoCrashes)
        let known = try warehouse.partitions(of: .chicagoCrashes)
        let updatedAt = await fetcher.rowsUpdatedAt(portal: portalURL, datasetID: config.chicago.crashesID)
        var report = IngestReport(dataset: .chicagoCrashes)
        var drift: [DatasetID: SchemaDrift] = [
            .chicagoCrashes: SchemaDrift(expected: .chicagoCrashes), .chicagoVehicles: SchemaDrift(expected: nil),
            .chicagoPeople: SchemaDrift(expected: nil),
        ]
        let missing = window.months.filter { known[$0.key]?.state != .complete }
        if !missing.isEmpty {
            logger.info(
                "chicago: backfill \(window.first.iso)…\(window.end.adding(days: -1).iso), \(missing.count) month(s)")
            progress?.plan("chicago", partitions: missing.count, unit: "months")
            for month in missing {
                defer { progress?.partitionDone("chicago") }
                try await fetchPartition(key: month.key, where: month.whereClause, report: &report, drift: &drift)
            }
            state.backfillFirst = min(state.backfillFirst ?? window.first, window.first)
            state.backfillLast = max(state.backfillLast ?? window.end, window.end)
        }
        if let watermark = state.watermark {
            if let updatedAt, updatedAt == state.rowsUpdatedAt {
                logger.info("chicago: crashes unchanged since the last run (rowsUpdatedAt \(updatedAt)); no increment")
                for (dataset, found) in drift.sorted(by: { $0.key < $1.key }) where found.rows > 0 {
                    try record(
                        found, of: dataset, in: &report, runID: fetcher.runID, warehouse: warehouse, logger: logger)
                }
                try warehouse.save(state)
                return report
            }
            logger.info("chicago: crashes updated since \(watermark)")
            try await fetchPartition(
                key: PartitionKey("updated-since-\(watermark)"), where: ":updated_at > '\(watermark)'",
                report: &report, drift: &drift)
        }
        for (dataset, found) in drift.sorted(by: { $0.key < $1.key }) where found.rows > 0 {
            try record(found, of: dataset, in: &report, runID: fetcher.runID, warehouse: warehouse, logger: logger)
        }
        let mark = updatedAt ?? Int(fetcher.clock.now())
        state.watermark = Self.floatingTimestamp(unixSeconds: mark - Self.watermarkOverlapSeconds)
        state.rowsUpdatedAt = updatedAt
        try warehouse.save(state)
        return report
    }

    private func fetchPartition(
        key: PartitionKey, where clause: String, report: inout IngestReport, drift: inout [DatasetID: SchemaDrift]
    ) async throws {
        let crashes = try await pages(
            dataset: .chicagoCrashes, datasetID: config.chicago.crashesID, key: key, idField: "crash_record_id",
            parameters: [("$where", clause), ("$order", "crash_date,crash_record_id")], report: &report,
            drift: &drift[.chicagoCrashes]!)
        let ids = crashes.flatMap { $0.rows.compactMap(\.recordID) }
        var vehicles: [BronzePage] = []
        var people: [BronzePage] = []
        // Up to `ingest.concurrency` batches at once (a month of 85,000 crashes is 4,000 batches, each a round trip
        // to the portal), taken in batch order: the same pages in the same order as one batch after another. Each
        // batch counts its own drift, merged in that order: a row's findings depend on the expected schema only.
        let batches = IDBatches.whereClauses(ids: ids, field: "crash_record_id")
        let fresh = drift.mapValues { SchemaDrift(expected: $0.expected) }
        try await withThrowingTaskGroup(of: (Int, IDBatch).self) { group in
            var started = 0
            var waiting: [Int: IDBatch] = [:]
            var taken = 0
            while taken < batches.count {
                while started < batches.count, started - taken < max(1, config.ingest.concurrency) {
                    let (index, clause) = (started, batches[started])
                    group.addTask { (index, try await fetchBatch(clause, key: key, drift: fresh)) }
                    started += 1
                }
                guard let (index, batch) = try await group.next() else { break }
                waiting[index] = batch
                while let batch = waiting.removeValue(forKey: taken) {
                    vehicles += batch.vehicles
                    people += batch.people
                    for (dataset, found) in batch.drift { drift[dataset]!.merge(found) }
                    report.requests += batch.report.requests
                    report.retries += batch.report.retries
                    report.bytes += batch.report.bytes
                    taken += 1
                }
            }
        }
        try warehouse.commitPartitions(
            [(.chicagoCrashes, key, crashes), (.chicagoVehicles, key, vehicles), (.chicagoPeople, key, people)],
            fetchedAt: fetcher.clock.now())
        let counts = [crashes, vehicles, people].map { $0.reduce(0) { $0 + $1.rows.count } }
        report.partitions.append(key)
        report.rows += counts.reduce(0, +)
        logger.info("chicago: \(key): \(counts[0]) crashes, \(counts[1]) vehicles, \(counts[2]) people")
    }

    /// One id batch's vehicles and people, with what their fetching counted.
    struct IDBatch: Sendable {
        var vehicles: [BronzePage] = []
        var people: [BronzePage] = []
        var drift: [DatasetID: SchemaDrift]
        var report = IngestReport(dataset: .chicagoCrashes)
    }

    /// Fetches one id batch's vehicles and people, counting their drift from `drift` (empty, for merging).
    private func fetchBatch(
        _ clause: String, key: PartitionKey, drift: [DatasetID: SchemaDrift]
    ) async throws -> IDBatch {
        var batch = IDBatch(drift: drift)
        batch.vehicles = try await pages(
            dataset: .chicagoVehicles, datasetID: config.chicago.vehiclesID, key: key, idField: "crash_unit_id",
            parameters: [("$where", clause), ("$order", ":id")], report: &batch.report,
            drift: &batch.drift[.chicagoVehicles]!)
        batch.people = try await pages(
            dataset: .chicagoPeople, datasetID: config.chicago.peopleID, key: key, idField: "person_id",
            parameters: [("$where", clause), ("$order", ":id")], report: &batch.report,
            drift: &batch.drift[.chicagoPeople]!)
        return batch
    }

    /// Every page of one query, `$limit`/`$offset` paged.
    private func pages(
        dataset: DatasetID, datasetID: String, key: PartitionKey, idField: String,
        parameters: [(name: String, value: String)], report: inout IngestReport, drift: inout SchemaDrift
    ) async throws -> [BronzePage] {
        let pageSize = config.ingest.pageSize
        let idBytes = Array(idField.utf8)
        var pages: [BronzePage] = []
        var offset = 0
        while true {
            let query = SoQLQuery(
                portal: portalURL, datasetID: datasetID,
                parameters: parameters + [("$limit", String(pageSize)), ("$offset", String(offset))])
            let page = try await fetcher.fetch(
                query, dataset: dataset, partition: key, idField: idBytes, drift: &drift)
            report.requests += page.attempts
            report.retries += page.attempts - 1
            report.bytes += page.body.count
            progress?.page("chicago", rows: page.rows.count, retries: page.attempts - 1)
            pages.append(BronzePage(fetchID: page.fetchID, body: page.body, sha256: page.sha256, rows: page.rows))
            if page.rows.count < pageSize { return pages }
            offset += pageSize
        }
    }

    /// A Socrata floating timestamp, `2024-05-01T13:45:00.000`, in UTC.
    static func floatingTimestamp(unixSeconds: Int) -> String {
        let day = Day(unixSeconds: Double(unixSeconds))
        let seconds = unixSeconds - day.ordinal * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.iso)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)).000"
    }
}
