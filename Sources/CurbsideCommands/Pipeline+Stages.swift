import CurbsideAggregate
import CurbsideClean
import CurbsideIngest
import CurbsideModel
import CurbsideWarehouse
import Logging

extension Pipeline {
    /// Ingest: fetches the windows' missing and stale partitions into bronze, every dataset at once,
    /// with at most `ingest.concurrency` requests in flight across them.
    public func ingest() async throws -> [IngestReport] {
        let wantNYC = options.includes(.nyc) && config.nyc.enabled
        let wantChicago = options.includes(.chicago) && config.chicago.enabled
        let token = options.sample ? nil : Secrets.appToken(environment: environment, projectRoot: options.projectRoot)
        if !options.sample, options.portalURL == nil, token == nil {
            logger.warning(
                "no SOCRATA_APP_TOKEN: requests share the portal's throttled anonymous pool; set it in the environment or .env"
            )
        }
        let client = CurlHTTPClient(
            connectTimeout: Double(config.ingest.connectTimeoutSeconds), timeout: Double(config.ingest.timeoutSeconds))
        let limiter = RequestLimiter(limit: config.ingest.concurrency)
        let progress = IngestProgress(clock: clock, draw: IngestProgress.terminal)
        defer { progress.finish() }
        var nyc: (NYCIngestor, Day, Int)? =
            wantNYC
            ? (
                NYCIngestor(
                    warehouse: warehouse, config: config, portalURL: try await portalURL(for: .nyc), client: client,
                    appToken: token, runID: runID, clock: clock, sleeper: TaskSleeper(), limiter: limiter,
                    logger: logger),
                try nycAsOf(), options.sample ? 0 : config.nyc.maxDaysPerRun
            ) : nil
        var chicago: (ChicagoIngestor, Day)? =
            wantChicago
            ? (
                ChicagoIngestor(
                    warehouse: warehouse, config: config, portalURL: try await portalURL(for: .chicago), client: client,
                    appToken: token, runID: runID, clock: clock, sleeper: TaskSleeper(), limiter: limiter,
                    logger: logger),
                try chicagoAsOf()
            ) : nil
        nyc?.0.progress = progress
        chicago?.0.progress = progress
        let (nycJob, chicagoJob) = (nyc, chicago)
        let reports = try await stage("ingest") { () async throws -> [IngestReport] in
            do {
                async let nycReport: IngestReport? = {
                    guard let nycJob else { return nil }
                    return try await nycJob.0.run(asOf: nycJob.1, maxDays: nycJob.2)
                }()
                async let chicagoReport: IngestReport? = {
                    guard let chicagoJob else { return nil }
                    return try await chicagoJob.0.run(asOf: chicagoJob.1)
                }()
                return try await [nycReport, chicagoReport].compactMap { $0 }
            } catch let error as IngestError {
                throw CommandError(.failed("\(error)"))
            }
        }
        for report in reports {
            let name = report.dataset == DatasetID.nycViolations ? "nyc" : "chicago"
            counters["\(name).partitions_fetched"] = report.partitions.count
            counters["\(name).rows_fetched"] = report.rows
            counters["\(name).requests"] = report.requests
            counters["\(name).retries"] = report.retries
            counters["\(name).bytes"] = report.bytes
        }
        return reports
    }

    /// Clean: bronze → silver and quarantine for every partition whose bronze changed (NYC), and Chicago's
    /// crashes, vehicles and people rebuilt when any of theirs changed.
    public func clean() async throws -> CleanReport? {
        if let chicago = try chicagoWindowIfEnabled() {
            let report = try await stage("clean") {
                try ChicagoCleanStage(
                    warehouse: warehouse, asOf: try chicagoAsOf(), window: chicago.first..<chicago.end,
                    maxTextBytes: config.clean.maxTextBytes
                )
                .run()
            }
            if report.rebuilt {
                for dataset in [DatasetID.chicagoCrashes, .chicagoVehicles, .chicagoPeople] {
                    let name = dataset.rawValue
                    counters["\(name).rows_cleaned"] = report.bronzeRows[dataset] ?? 0
                    counters["\(name).quarantined"] = report.quarantined[dataset] ?? 0
                    counters["\(name).superseded"] = report.superseded[dataset] ?? 0
                }
                logger.info(
                    """
                    chicago: cleaned \(report.bronzeRows.values.reduce(0, +)) bronze row(s): \
                    \(report.silverRows[.chicagoCrashes] ?? 0) crashes, \(report.silverRows[.chicagoVehicles] ?? 0) \
                    vehicles, \(report.silverRows[.chicagoPeople] ?? 0) people to silver, \
                    \(report.quarantined.values.reduce(0, +)) to quarantine, \(report.superseded.values.reduce(0, +)) \
                    superseded, \(report.imputed) coordinates filled with the median
                    """)
            }
        }
        guard options.includes(.nyc), config.nyc.enabled else { return nil }
        let report = try await stage("clean") {
            try NYCCleanStage(warehouse: warehouse, maxTextBytes: config.clean.maxTextBytes).run()
        }
        counters["nyc.rows_cleaned"] = report.bronzeRows
        counters["nyc.quarantined"] = report.quarantined
        counters["nyc.superseded"] = report.superseded
        logger.info(
            """
            nyc: cleaned \(report.partitions) partition(s): \(report.silverRows) to silver, \
            \(report.quarantined) to quarantine, \(report.superseded) superseded\
            \(report.loadedWhole ? " (silver loaded whole, its summons index built after)" : "")
            """)
        return report
    }

    /// Aggregate: silver → gold over the as-of's windows, then the data-quality checks.
    @discardableResult
    public func aggregate() async throws -> [QualityResult] {
        if let chicago = try chicagoWindowIfEnabled() {
            let gold = try await stage("aggregate") {
                try ChicagoAggregateStage(warehouse: warehouse).run(
                    window: chicago.first..<chicago.end, unitsMadeUp: options.sample)
            }
            aggregatedChicago = (chicago.first..<chicago.end, gold)
            logger.info(
                "chicago: gold over \(gold.daily.count) day(s), \(gold.totals.crashes) crashes, \(gold.grid.count) grid cells"
            )
        }
        if options.includes(.nyc), config.nyc.enabled {
            let window = NYCWindow(asOf: try nycAsOf(), config: config.nyc)
            let gold = try await stage("aggregate") {
                try NYCAggregateStage(warehouse: warehouse).run(first: window.first, last: window.last)
            }
            logger.info("nyc: gold over \(gold.daily.count) fetched day(s), \(gold.silverRows) silver rows")
        }
        let results = try await checkQuality()
        for result in results where !result.passed { logger.error("quality gate: \(result.refusal)") }
        return results
    }

    /// The data-quality checks on the warehouse as it stands, stored for pages and the health page.
    public func checkQuality() async throws -> [QualityResult] {
        try await stage("quality") {
            let nyc =
                options.includes(.nyc) && config.nyc.enabled
                ? NYCWindow(asOf: try nycAsOf(), config: config.nyc) : nil
            return try QualityStage(
                warehouse: warehouse, gates: config.quality.gates, nycWindow: nyc.map { $0.first...$0.last }
            ).run(runID: runID)
        }
    }

    /// Throws exit 3, naming every failing check with its value and gate, when a gate refuses to publish.
    func enforceGates(_ results: [QualityResult]) throws {
        let failed = results.filter { !$0.passed }
        guard !failed.isEmpty else { return }
        throw CommandError(
            .gateRefused(
                "a data-quality gate refused to publish; the last published version stays live:\n"
                    + failed.map { "  \($0.refusal)" }.joined(separator: "\n")))
    }

    /// Chicago's window when Chicago is part of this run.
    func chicagoWindowIfEnabled() throws -> ChicagoWindow? {
        guard options.includes(.chicago), config.chicago.enabled else { return nil }
        return ChicagoWindow(asOf: try chicagoAsOf(), backfillDays: config.chicago.backfillDays)
    }
}
