import CurbsideModel
import CurbsideWarehouse
import Logging

/// What one dataset's ingestion did in a run.
public struct IngestReport: Sendable, Equatable {
    public var dataset: DatasetID
    public var partitions: [PartitionKey] = []
    public var rows = 0
    public var requests = 0
    public var retries = 0
    public var bytes = 0
    /// Schema drift by dataset (`chicago_vehicles`, …), stored in the warehouse's `schema_drift` too.
    public var drift: [String: [SchemaDrift.Finding]] = [:]

    public init(dataset: DatasetID) { self.dataset = dataset }
}

/// NYC parking and camera violations: one partition per issue day of the window.
///
/// A day is selected with equality on the TEXT column `issue_date` (`MM/DD/YYYY`), paged with
/// `$limit`/`$offset` and always `$order=:id`, and committed to bronze in one transaction once every
/// page has arrived.
public struct NYCIngestor: Sendable {
    public var warehouse: Warehouse
    public var config: CurbsideConfig
    public var portalURL: String
    var fetcher: PageFetcher
    var logger: Logger
    /// The live progress line; nil draws nothing.
    public var progress: IngestProgress?

    /// - Parameters:
    ///   - portalURL: the portal's base URL (the simulator's for `--sample`, a mirror for `--portal-url`).
    ///   - appToken: sent as `X-App-Token`, never logged or stored.
    public init(
        warehouse: Warehouse, config: CurbsideConfig, portalURL: String, client: any HTTPClient,
        appToken: String?, runID: Int64?, clock: any WallClock, sleeper: any Sleeper, limiter: RequestLimiter? = nil,
        logger: Logger
    ) {
        self.warehouse = warehouse
        self.config = config
        self.portalURL = portalURL
        self.logger = logger
        let policy = RetryPolicy(maxAttempts: config.ingest.maxAttempts)
        fetcher = PageFetcher(
            client: client, warehouse: warehouse, policy: policy, sleeper: sleeper, clock: clock, runID: runID,
            appToken: appToken, limiter: limiter)
    }

    /// Fetches the days of the window that are missing or due for refresh.
    /// - Parameters:
    ///   - asOf: the date the window is measured from.
    ///   - maxDays: days fetched at most in this run; 0 means all (the sample fills its window at once).
    /// - Throws: `IngestError` when a day cannot be had; days committed before it stay committed.
    public func run(asOf: Day, maxDays: Int) async throws -> IngestReport {
        let dataset = DatasetID.nycViolations
        let window = NYCWindow(asOf: asOf, config: config.nyc)
        let known = try warehouse.partitions(of: dataset)
        let days = NYCPlanner.days(
            in: window, known: known, now: fetcher.clock.now(), maxDays: maxDays,
            refreshAfterDays: config.nyc.refreshAfterDays)
        var report = IngestReport(dataset: dataset)
        var drift = SchemaDrift(expected: .nycViolations)
        logger.info(
            "nyc: window \(window.first.iso)…\(window.last.iso), \(days.count) day(s) to fetch of \(window.days.count)")
        progress?.plan("nyc", partitions: days.count, unit: "days")
        // Several days at once (commits are serialized by the warehouse), so one day's network wait
        // overlaps another's parsing and commit.
        let inFlight = max(1, config.ingest.concurrency)
        try await withThrowingTaskGroup(of: DayResult.self) { group in
            var next = days.makeIterator()
            for _ in 0..<inFlight {
                guard let day = next.next() else { break }
                group.addTask { try await fetch(day: day) }
            }
            while let done = try await group.next() {
                report.partitions.append(done.key)
                report.rows += done.rows
                report.requests += done.requests
                report.retries += done.retries
                report.bytes += done.bytes
                drift.merge(done.drift)
                progress?.partitionDone("nyc")
                logger.info("nyc: \(done.key): \(done.rows) rows in \(done.pages) page(s)")
                if let day = next.next() { group.addTask { try await fetch(day: day) } }
            }
        }
        report.partitions.sort()
        try record(drift, of: dataset, in: &report, runID: fetcher.runID, warehouse: warehouse, logger: logger)
        return report
    }

    /// What fetching one day did.
    struct DayResult: Sendable {
        var key: PartitionKey
        var rows = 0
        var pages = 0
        var requests = 0
        var retries = 0
        var bytes = 0
        var drift = SchemaDrift(expected: .nycViolations)
    }

    private func fetch(day: Day) async throws -> DayResult {
        let key = PartitionKey(day.iso)
        var result = DayResult(key: key)
        let pageSize = config.ingest.pageSize
        var pages: [BronzePage] = []
        var offset = 0
        while true {
            let query = SoQLQuery(
                portal: portalURL, datasetID: config.nyc.datasetID,
                parameters: [
                    ("$where", "issue_date='\(day.usSlashed)'"), ("$order", ":id"), ("$limit", String(pageSize)),
                    ("$offset", String(offset)),
                ])
            let page = try await fetcher.fetch(
                query, dataset: .nycViolations, partition: key, idField: Self.summonsNumber, drift: &result.drift)
            result.requests += page.attempts
            result.retries += page.attempts - 1
            result.bytes += page.body.count
            progress?.page("nyc", rows: page.rows.count, retries: page.attempts - 1)
            pages.append(BronzePage(fetchID: page.fetchID, body: page.body, sha256: page.sha256, rows: page.rows))
            if page.rows.count < pageSize { break }
            offset += pageSize
        }
        try await warehouse.commitPartitionSuspending(
            dataset: .nycViolations, key: key, pages: pages, fetchedAt: fetcher.clock.now())
        result.rows = pages.reduce(0) { $0 + $1.rows.count }
        result.pages = pages.count
        return result
    }

    static let summonsNumber = Array("summons_number".utf8)
}

/// Stores and logs one dataset's drift findings of the run.
func record(
    _ drift: SchemaDrift, of dataset: DatasetID, in report: inout IngestReport, runID: Int64?, warehouse: Warehouse,
    logger: Logger
) throws {
    let findings = drift.findings
    report.drift[dataset.rawValue] = findings
    try warehouse.recordDrift(
        runID: runID, dataset: dataset,
        findings: findings.map { ($0.kind.rawValue, $0.field, $0.detail, $0.rows) })
    for finding in findings { logger.warning("\(dataset): schema drift: \(finding)") }
}
