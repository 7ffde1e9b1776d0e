import CurbsideIngest
import CurbsideModel
import Foundation

/// The real rows bundled under `samples/`, served by the portal simulator for `--sample`.
public struct SampleBundle: Sendable {
    public var root: String
    public var nycRows: [UInt8]
    public var chicagoCrashRows: [UInt8]

    /// - Throws: `CommandError` naming the folder when the bundle is missing or unreadable.
    public init(projectRoot: String) throws {
        root = (projectRoot as NSString).appendingPathComponent("samples")
        let path = (root as NSString).appendingPathComponent("nyc/nc67-uf89.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError(
                .failed("\(path): the bundled NYC sample is missing; run from the project folder (where samples/ is)"))
        }
        nycRows = Array(data)
        let chicagoPath = (root as NSString).appendingPathComponent("chicago/85ca-t3if.json")
        guard let chicago = FileManager.default.contents(atPath: chicagoPath) else {
            throw CommandError(.failed("\(chicagoPath): the bundled Chicago sample is missing"))
        }
        chicagoCrashRows = Array(chicago)
    }

    /// The as-of whose Chicago window holds the most sample crashes.
    public func chicagoAsOf(backfillDays: Int) throws -> (asOf: Day, rows: Int) {
        let days = try FlatJSON.elementRanges(of: chicagoCrashRows).compactMap { range -> Day? in
            guard let fields = try? FlatJSON.fields(of: chicagoCrashRows[range]),
                let raw = fields.first(where: { $0.key == "crash_date" })?.value.text
            else { return nil }
            return Day(iso: raw.prefix(10))
        }
        guard let best = ChicagoWindow.bestAsOf(for: days, backfillDays: backfillDays) else {
            throw CommandError(.failed("\(root)/chicago/85ca-t3if.json: no row has a parseable crash_date"))
        }
        return best
    }

    /// The issue dates of the NYC sample rows that have a parseable one.
    public func nycIssueDates() throws -> [Day] {
        let ranges = try FlatJSON.elementRanges(of: nycRows)
        return ranges.compactMap { range in
            guard let fields = try? FlatJSON.fields(of: nycRows[range]),
                let raw = fields.first(where: { $0.key == "issue_date" })?.value.text
            else { return nil }
            return Day(usSlashed: raw)
        }
    }

    /// The as-of whose NYC window holds the most sample rows.
    public func nycAsOf(config: CurbsideConfig.NYC) throws -> (asOf: Day, rows: Int) {
        guard let best = NYCWindow.bestAsOf(for: try nycIssueDates(), config: config) else {
            throw CommandError(.failed("\(root)/nyc/nc67-uf89.json: no row has a parseable issue_date"))
        }
        return best
    }
}
