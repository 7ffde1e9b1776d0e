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
        let simulator = PortalSimulator(datasets: [nyc])
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
