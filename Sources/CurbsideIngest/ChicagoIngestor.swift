import CurbsideModel
import CurbsideWarehouse
import Logging

/// Chicago Traffic Crashes: crashes by `crash_date` month over the backfill window on the first run,
/// then increments by an `:updated_at` watermark; each partition's vehicles and people are fetched
/// by `crash_record_id in (…)` batches. A partition's crashes, vehicles and people are committed in
/// one transaction, only once all of them have arrived.
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
        for batch in IDBatches.whereClauses(ids: ids, field: "crash_record_id") {
            vehicles += try await pages(
                dataset: .chicagoVehicles, datasetID: config.chicago.vehiclesID, key: key, idField: "crash_unit_id",
                parameters: [("$where", batch), ("$order", ":id")], report: &report, drift: &drift[.chicagoVehicles]!)
            people += try await pages(
                dataset: .chicagoPeople, datasetID: config.chicago.peopleID, key: key, idField: "person_id",
                parameters: [("$where", batch), ("$order", ":id")], report: &report, drift: &drift[.chicagoPeople]!)
        }
        try warehouse.commitPartitions(
            [(.chicagoCrashes, key, crashes), (.chicagoVehicles, key, vehicles), (.chicagoPeople, key, people)],
            fetchedAt: fetcher.clock.now())
        let counts = [crashes, vehicles, people].map { $0.reduce(0) { $0 + $1.rows.count } }
        report.partitions.append(key)
        report.rows += counts.reduce(0, +)
        logger.info("chicago: \(key): \(counts[0]) crashes, \(counts[1]) vehicles, \(counts[2]) people")
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
