import ArgumentParser
import CurbsideIngest
import CurbsideModel
import CurbsideSimulator
import Foundation

/// `curbside simulate`: the built-in portal simulator on loopback, for rehearsals and benchmarks.
/// Serves the bundled sample (NYC, Chicago crashes and made-up vehicles and people), and optionally
/// N synthetic NYC rows spread over the as-of's window instead of the NYC sample.
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

    @Option(name: .customLong("as-of"), help: "With --synthetic-nyc: the as-of whose NYC window the rows fill.")
    var asOf: String?

    @Option(
        name: .customLong("write-json"),
        help:
            "With --synthetic-nyc: also write the rows to this file, the JSON array the portal serves (for benchmarks)."
    )
    var writeJSON: String?

    @Option(help: "Seed of the synthetic rows.")
    var seed: UInt64 = 1

    @Option(help: "A YAML list of faults to inject (see README, 'Rehearsing failures').")
    var faults: String?

    /// Unbuffered, so a script reading the output sees each line at once.
    private func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    func run() async throws {
        let sample = try SampleBundle(projectRoot: ".")
        let config = CurbsideConfig()
        var nycRows = sample.nycRows
        if let count = syntheticNYC {
            guard let asOf = asOf.flatMap({ Day(iso: $0) }) else {
                throw ValidationError("--synthetic-nyc needs --as-of YYYY-MM-DD")
            }
            let window = NYCWindow(asOf: asOf, config: config.nyc)
            nycRows = try SyntheticNYC.rows(templates: sample.nycRows, count: count, days: window.days, seed: seed)
            say("synthetic: \(count) NYC rows (\(nycRows.count) bytes) over \(window.first.iso)…\(window.last.iso)")
            if let writeJSON {
                guard FileManager.default.createFile(atPath: writeJSON, contents: Data(nycRows)) else {
                    throw CommandError(.badConfig("\(writeJSON): cannot write the synthetic rows there"))
                }
                say("synthetic rows written to \(writeJSON)")
            }
        }
        var plan = FaultPlan.none
        if let faults {
            guard let text = try? String(contentsOfFile: faults, encoding: .utf8) else {
                throw CommandError(.badConfig("\(faults): cannot read the faults file"))
            }
            plan = try FaultPlanFile.plan(yaml: text, file: faults)
        }
        let units = try SyntheticCrashUnits.rows(forCrashes: sample.chicagoCrashRows)
        let simulator = PortalSimulator(
            datasets: [
                try SimulatedDataset(
                    id: config.nyc.datasetID, name: "NYC violations", rowsJSON: nycRows, rowsUpdatedAt: 1),
                try SimulatedDataset(
                    id: config.chicago.crashesID, name: "Chicago crashes", rowsJSON: sample.chicagoCrashRows,
                    rowsUpdatedAt: 1),
                try SimulatedDataset(
                    id: config.chicago.vehiclesID, name: "Chicago vehicles (made up)", rowsJSON: units.vehicles,
                    rowsUpdatedAt: 1),
                try SimulatedDataset(
                    id: config.chicago.peopleID, name: "Chicago people (made up)", rowsJSON: units.people,
                    rowsUpdatedAt: 1),
            ], faults: plan, port: port)
        let url = try await simulator.start()
        say("portal simulator at \(url) (Ctrl-C to stop)")
        while true { try await Task.sleep(for: .seconds(3600)) }
    }
}
