import CurbsideIngest
import CurbsideModel
import CurbsideSimulator
import Logging

extension Pipeline {
    /// The as-of of the NYC window: `--as-of`, else for `--sample` the date whose window holds the most
    /// bundled rows (printed), else today (UTC).
    func nycAsOf() throws -> Day {
        if let cachedNYCAsOf { return cachedNYCAsOf }
        let asOf = try resolveNYCAsOf()
        cachedNYCAsOf = asOf
        return asOf
    }

    private func resolveNYCAsOf() throws -> Day {
        if let asOf = options.asOf { return asOf }
        if options.sample {
            let sample = try SampleBundle(projectRoot: options.projectRoot)
            let best = try sample.nycAsOf(config: config.nyc)
            let window = NYCWindow(asOf: best.asOf, config: config.nyc)
            say(
                "sample: NYC as-of \(best.asOf.iso) (window \(window.first.iso)…\(window.last.iso) holds "
                    + "\(best.rows) of the bundled rows)")
            return best.asOf
        }
        return Day(unixSeconds: clock.now())
    }

    /// The as-of of the Chicago window: `--as-of`, else for `--sample` the date whose window holds the
    /// most bundled crashes (printed), else today (UTC).
    func chicagoAsOf() throws -> Day {
        if let cachedChicagoAsOf { return cachedChicagoAsOf }
        var asOf = options.asOf ?? Day(unixSeconds: clock.now())
        if options.asOf == nil, options.sample {
            let best = try SampleBundle(projectRoot: options.projectRoot).chicagoAsOf(
                backfillDays: config.chicago.backfillDays)
            let window = ChicagoWindow(asOf: best.asOf, backfillDays: config.chicago.backfillDays)
            say(
                "sample: Chicago as-of \(best.asOf.iso) (window \(window.first.iso)…\(window.end.adding(days: -1).iso) "
                    + "holds \(best.rows) of the bundled crashes)")
            asOf = best.asOf
        }
        cachedChicagoAsOf = asOf
        return asOf
    }

    /// The base URL a dataset family's requests go to: `--portal-url`, the simulator for `--sample`, else the config's.
    func portalURL(for family: DatasetFamily) async throws -> String {
        if let url = options.portalURL { return url.hasSuffix("/") ? String(url.dropLast()) : url }
        if options.sample { return try await startSimulator() }
        return family == .nyc ? config.nyc.portalURL : config.chicago.portalURL
    }

    /// The base URL NYC requests go to: `--portal-url`, the simulator for `--sample`, else the config's.
    func nycPortalURL() async throws -> String {
        if let url = options.portalURL { return url.hasSuffix("/") ? String(url.dropLast()) : url }
        if options.sample { return try await startSimulator() }
        return config.nyc.portalURL
    }

    /// Starts the built-in portal simulator on loopback over the bundled rows.
    func startSimulator() async throws -> String {
        if let simulator { return try await simulator.start() }
        let sample = try SampleBundle(projectRoot: options.projectRoot)
        let nyc = try SimulatedDataset(
            id: config.nyc.datasetID, name: "Open Parking and Camera Violations (bundled sample)",
            rowsJSON: sample.nycRows, rowsUpdatedAt: 1_584_316_800)
        let crashes = try SimulatedDataset(
            id: config.chicago.crashesID, name: "Traffic Crashes - Crashes (bundled sample)",
            rowsJSON: sample.chicagoCrashRows, rowsUpdatedAt: 1_669_852_800)
        let madeUp = try SyntheticCrashUnits.rows(forCrashes: sample.chicagoCrashRows)
        let vehicles = try SimulatedDataset(
            id: config.chicago.vehiclesID, name: "Traffic Crashes - Vehicles (MADE UP for the sample crashes)",
            rowsJSON: madeUp.vehicles, rowsUpdatedAt: 1_669_852_800)
        let people = try SimulatedDataset(
            id: config.chicago.peopleID, name: "Traffic Crashes - People (MADE UP for the sample crashes)",
            rowsJSON: madeUp.people, rowsUpdatedAt: 1_669_852_800)
        let simulator = PortalSimulator(datasets: [nyc, crashes, vehicles, people])
        self.simulator = simulator
        let url = try await simulator.start()
        logger.info("sample: portal simulator serving the bundled rows at \(url)")
        return url
    }

    func stopSimulator() async {
        if let simulator { try? await simulator.stop() }
        simulator = nil
    }
}
