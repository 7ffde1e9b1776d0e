import CurbsideAggregate
import CurbsideClean
import CurbsideIngest
import CurbsideModel
import CurbsidePublish
import CurbsideSimulator
import CurbsideWarehouse
import Foundation
import Logging

/// The whole run: portal → ingest → bronze → clean → silver → aggregate → gold → render → publish.
///
/// Each stage is a method; `build` runs those that exist, in order. Run facts (times, counters) go to
/// the warehouse's `runs` table, never into a version.
public final class Pipeline {
    public let options: RunOptions
    public let config: CurbsideConfig
    /// The canonical text of the config, hashed into the version id.
    let configText: String
    public let warehouse: Warehouse
    /// Held for the pipeline's life: no other command writes the warehouse meanwhile.
    let lock: WarehouseLock?
    let logger: Logger
    let clock: any WallClock
    let environment: [String: String]
    /// Prints what a person should read (the picked as-of, where the site is).
    let say: @Sendable (String) -> Void
    var simulator: PortalSimulator?
    var runID: Int64?
    var cachedNYCAsOf: Day?
    var cachedChicagoAsOf: Day?
    /// Chicago's gold as this run's aggregate stage computed and stored it, for render to lay out without counting
    /// silver again (nothing between the two writes silver).
    var aggregatedChicago: (window: Range<Day>, gold: ChicagoGold)?
    var stageSeconds: [String: Double] = [:]
    var counters: [String: Int] = [:]

    /// - Throws: `CommandError` (exit 2) for a config that cannot be used.
    public init(
        options: RunOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
        clock: any WallClock = SystemClock(), logger: Logger, say: @escaping @Sendable (String) -> Void
    ) throws {
        self.options = options
        self.environment = environment
        self.clock = clock
        self.logger = logger
        self.say = say
        (config, configText) = try Self.loadConfig(options)
        do {
            lock = try WarehouseLock.acquire(warehouse: options.resolvedWarehousePath, wait: options.lockWait)
            warehouse = try Warehouse(path: options.resolvedWarehousePath)
        } catch {
            throw CommandError(.failed("\(error)"))
        }
        if lock?.isFirstHolder == true, let abandoned = try? warehouse.markAbandonedRuns(), !abandoned.isEmpty {
            logger.warning(
                "\(options.resolvedWarehousePath): run(s) \(abandoned.map(String.init).joined(separator: ", ")) ended without an outcome (the process was killed or the machine stopped); marked abandoned"
            )
        }
    }

    static func loadConfig(_ options: RunOptions) throws -> (CurbsideConfig, String) {
        let path = options.configPath
        guard FileManager.default.fileExists(atPath: path) else {
            if options.configExplicit {
                throw CommandError(.badConfig("\(path): no such config file (given with --config)"))
            }
            return (CurbsideConfig(), "")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw CommandError(.badConfig("\(path): cannot read the config (not UTF-8 text?)"))
        }
        do {
            return (try CurbsideConfig(yaml: text, file: path), text)
        } catch let error as ConfigError {
            throw CommandError(.badConfig("\(error)"))
        }
    }

    /// Times one stage into the run's record.
    func stage<T>(_ name: String, _ body: () async throws -> T) async rethrows -> T {
        let start = clock.now()
        defer { stageSeconds[name, default: 0] += clock.now() - start }
        return try await body()
    }
}
