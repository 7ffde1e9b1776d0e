import CurbsideAggregate
import CurbsideClean
import CurbsideIngest
import CurbsideModel
import CurbsideWarehouse
import Logging

extension Pipeline {
    /// Ingest: fetches the window's missing and stale days into bronze.
    public func ingest() async throws -> IngestReport? {
        guard options.includes(.nyc), config.nyc.enabled else { return nil }
        let asOf = try nycAsOf()
        let portal = try await nycPortalURL()
        let token = options.sample ? nil : Secrets.appToken(environment: environment, projectRoot: options.projectRoot)
        if !options.sample, options.portalURL == nil, token == nil {
            logger.warning(
                "no SOCRATA_APP_TOKEN: requests share the portal's throttled anonymous pool; set it in the environment or .env"
            )
        }
        let ingestor = NYCIngestor(
            warehouse: warehouse, config: config, portalURL: portal,
            client: CurlHTTPClient(
                connectTimeout: Double(config.ingest.connectTimeoutSeconds),
                timeout: Double(config.ingest.timeoutSeconds)),
            appToken: token, runID: runID, clock: clock, sleeper: TaskSleeper(), logger: logger)
        let report = try await stage("ingest") {
            do {
                return try await ingestor.run(asOf: asOf, maxDays: options.sample ? 0 : config.nyc.maxDaysPerRun)
            } catch let error as IngestError {
                throw CommandError(.failed("\(error)"))
            }
        }
        counters["nyc.partitions_fetched"] = report.partitions.count
        counters["nyc.rows_fetched"] = report.rows
        counters["nyc.requests"] = report.requests
        counters["nyc.retries"] = report.retries
        counters["nyc.bytes"] = report.bytes
        return report
    }

    /// Clean: bronze → silver and quarantine for every partition whose bronze changed.
    public func clean() async throws -> CleanReport? {
        guard options.includes(.nyc), config.nyc.enabled else { return nil }
        let report = try await stage("clean") { try NYCCleanStage(warehouse: warehouse).run() }
        counters["nyc.rows_cleaned"] = report.bronzeRows
        counters["nyc.quarantined"] = report.quarantined
        counters["nyc.superseded"] = report.superseded
        logger.info(
            """
            nyc: cleaned \(report.partitions) partition(s): \(report.silverRows) to silver, \
            \(report.quarantined) to quarantine, \(report.superseded) superseded
            """)
        return report
    }

    /// Aggregate: silver → gold over the as-of's window.
    public func aggregate() async throws -> NYCGold? {
        guard options.includes(.nyc), config.nyc.enabled else { return nil }
        let window = NYCWindow(asOf: try nycAsOf(), config: config.nyc)
        let gold = try await stage("aggregate") {
            try NYCAggregateStage(warehouse: warehouse).run(first: window.first, last: window.last)
        }
        logger.info("nyc: gold over \(gold.daily.count) fetched day(s), \(gold.silverRows) silver rows")
        return gold
    }
}
