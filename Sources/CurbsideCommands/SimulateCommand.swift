import ArgumentParser
import CurbsideIngest
import CurbsideModel
import CurbsideSimulator
import Foundation

/// `curbside simulate`: the built-in portal simulator on loopback, for rehearsals and benchmarks.
/// Serves the bundled sample (NYC, Chicago crashes and made-up vehicles and people), and optionally
/// N synthetic NYC rows or N synthetic Chicago crashes (with their made-up vehicles and people) spread
/// over the as-of's window instead of the sample's: for speed, never for judging results.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Serve a Socrata-like portal on 127.0.0.1 from the bundled sample or synthetic rows.")

    @Option(help: "The port on 127.0.0.1 (0 picks a free one).")
    var port = 0

    @Option(
        name: .customLong("synthetic-nyc"),
        help: "Serve this many synthetic NYC rows (resampled from the real sample) over the window of --as-of.")
    var syntheticNYC: Int?

    @Option(
        name: .customLong("synthetic-chicago"),
        help: """
            Serve this many synthetic Chicago crashes, with made-up vehicles and people, over the window of \
            --as-of instead of the sample's: resampled from the real sample, for speed tests only, never for \
            judging the model.
            """)
    var syntheticChicago: Int?

    @Option(
        name: .customLong("as-of"),
        help: "With --synthetic-nyc or --synthetic-chicago: the as-of whose window the rows fill.")
    var asOf: String?

    @Option(
        name: .customLong("write-json"),
        help:
            "With --synthetic-nyc: also write the rows to this file, the JSON array the portal serves (for benchmarks)."
    )
    var writeJSON: String?

    @Option(
        name: .customLong("config"),
        help: """
            With --synthetic-nyc or --synthetic-chicago: the config whose windows the rows fill (default: the \
            default windows, not curbside.yml).
            """)
    var config: String?

    @Option(help: "Seed of the synthetic rows.")
    var seed: UInt64 = 1

    @Option(help: "A YAML list of faults to inject (see docs/ingestion.md, 'Rehearsing failures').")
    var faults: String?

    /// Writes `bytes` to a new or emptied file at `path`, `chunk` bytes a call. Foundation's
    /// `FileManager.createFile(atPath:contents:)` wrote the part of a 2.9 GB file past 2 GiB (Linux writes at most
    /// 2,147,479,552 bytes a call) from the buffer's start again, so pandas and DuckDB failed on the 5M-row file at
    /// that byte, and the failures were put down to the tools.
    static func write(_ bytes: [UInt8], to path: String, chunk: Int = 1 << 26) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            try handle.write(contentsOf: bytes[start..<end])
            start = end
        }
    }

    /// Unbuffered, so a script reading the output sees each line at once.
    private func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    func run() async throws {
        let sample = try SampleBundle(projectRoot: ".")
        let config = try loadedConfig()
        let nycRows = try nycRows(sample: sample, config: config)
        var plan = FaultPlan.none
        if let faults {
            guard let text = try? String(contentsOfFile: faults, encoding: .utf8) else {
                throw CommandError(.badConfig("\(faults): cannot read the faults file"))
            }
            plan = try FaultPlanFile.plan(yaml: text, file: faults)
        }
        let chicago = try chicagoRows(sample: sample, config: config)
        let simulator = PortalSimulator(
            datasets: [
                try SimulatedDataset(
                    id: config.nyc.datasetID, name: "NYC violations", rowsJSON: nycRows, rowsUpdatedAt: 1),
                try SimulatedDataset(
                    id: config.chicago.crashesID,
                    name: syntheticChicago == nil ? "Chicago crashes" : "Chicago crashes (synthetic, for speed tests)",
                    rowsJSON: chicago.crashes, rowsUpdatedAt: 1),
                try SimulatedDataset(
                    id: config.chicago.vehiclesID, name: "Chicago vehicles (made up)", rowsJSON: chicago.vehicles,
                    rowsUpdatedAt: 1),
                try SimulatedDataset(
                    id: config.chicago.peopleID, name: "Chicago people (made up)", rowsJSON: chicago.people,
                    rowsUpdatedAt: 1),
            ], faults: plan, port: port)
        let url = try await simulator.start()
        say("portal simulator at \(url) (Ctrl-C to stop)")
        while true { try await Task.sleep(for: .seconds(3600)) }
    }

    /// `--config`'s settings (its windows), or the defaults.
    func loadedConfig() throws -> CurbsideConfig {
        try config.map { try Pipeline.loadConfig(RunOptions(configPath: $0, configExplicit: true)).0 }
            ?? CurbsideConfig()
    }

    /// The sample's NYC rows, or with `--synthetic-nyc` that many synthetic rows over the NYC window of `--as-of`
    /// (written to `--write-json` too when given).
    func nycRows(sample: SampleBundle, config: CurbsideConfig) throws -> [UInt8] {
        guard let count = syntheticNYC else { return sample.nycRows }
        guard let asOf = asOf.flatMap({ Day(iso: $0) }) else {
            throw ValidationError("--synthetic-nyc needs --as-of YYYY-MM-DD")
        }
        let window = NYCWindow(asOf: asOf, config: config.nyc)
        let rows = try SyntheticNYC.rows(templates: sample.nycRows, count: count, days: window.days, seed: seed)
        say("synthetic: \(count) NYC rows (\(rows.count) bytes) over \(window.first.iso)…\(window.last.iso)")
        if let writeJSON {
            do {
                try Self.write(rows, to: writeJSON)
            } catch {
                throw CommandError(.badConfig("\(writeJSON): cannot write the synthetic rows there (\(error))"))
            }
            say("synthetic rows written to \(writeJSON)")
        }
        return rows
    }

    /// The sample's crashes with their made-up vehicles and people, or with `--synthetic-chicago` that many
    /// synthetic crashes over the window of `--as-of`.
    private func chicagoRows(sample: SampleBundle, config: CurbsideConfig) throws -> SyntheticChicago.Rows {
        guard let count = syntheticChicago else {
            let units = try SyntheticCrashUnits.rows(forCrashes: sample.chicagoCrashRows)
            return SyntheticChicago.Rows(
                crashes: sample.chicagoCrashRows, vehicles: units.vehicles, people: units.people)
        }
        guard count >= 0 else { throw ValidationError("--synthetic-chicago needs a count of 0 or more") }
        guard let asOf = asOf.flatMap({ Day(iso: $0) }) else {
            throw ValidationError("--synthetic-chicago needs --as-of YYYY-MM-DD")
        }
        let window = ChicagoWindow(asOf: asOf, backfillDays: config.chicago.backfillDays)
        let started = ContinuousClock.now
        let rows = try SyntheticChicago.rows(
            templates: sample.chicagoCrashRows, count: count, days: window.days, seed: seed)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        say(
            "synthetic: \(count) Chicago crashes (\(rows.crashes.count) bytes) with made-up vehicles and people "
                + "over \(window.first.iso)…\(window.end.adding(days: -1).iso), for speed tests only; "
                + "made in \(String(format: "%.2f", seconds)) s")
        return rows
    }
}
