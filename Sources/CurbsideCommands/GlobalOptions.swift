import ArgumentParser
import CurbsideModel

/// The options every command takes (a contract: users' scripts depend on them).
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "The config file.")
    var config: String?

    @Option(help: "The SQLite warehouse (default data/warehouse.sqlite, or data/sample.sqlite with --sample).")
    var warehouse: String?

    @Option(help: "The site folder.")
    var site: String = "site"

    @Option(
        name: .customLong("portal-url"),
        help: "Send every dataset's requests to this base URL instead of the real portal.")
    var portalURL: String?

    @Option(name: .customLong("as-of"), help: "The date the windows are measured from, YYYY-MM-DD (default today).")
    var asOf: String?

    @Option(help: "Run one dataset family only: nyc or chicago.")
    var only: String?

    @Option(
        help:
            "When another command is using the warehouse, wait up to this many seconds for it (default: stop at once)."
    )
    var wait: Double = 0

    @Flag(help: "Use the real sample rows bundled in samples/, served by the built-in portal simulator.")
    var sample = false

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date like 2025-06-30, found '\(asOf)'")
        }
        if let only, DatasetFamily(rawValue: only) == nil {
            throw ValidationError("--only must be nyc or chicago, found '\(only)'")
        }
        if !(wait >= 0 && wait <= 86_400) {
            throw ValidationError("--wait must be a number of seconds from 0 to 86400, found '\(wait)'")
        }
        if let portalURL, !(portalURL.hasPrefix("http://") || portalURL.hasPrefix("https://")) {
            throw ValidationError("--portal-url must start with http:// or https://, found '\(portalURL)'")
        }
    }

    var runOptions: RunOptions {
        RunOptions(
            configPath: config ?? "curbside.yml", configExplicit: config != nil, warehousePath: warehouse,
            siteRoot: site, portalURL: portalURL, asOf: asOf.flatMap { Day(iso: $0) },
            only: only.flatMap(DatasetFamily.init(rawValue:)), sample: sample, lockWait: wait)
    }
}
