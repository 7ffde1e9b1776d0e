import CurbsideIngest
import CurbsideModel
import Foundation

/// The real rows bundled under `samples/`, served by the portal simulator for `--sample`.
public struct SampleBundle: Sendable {
    public var root: String
    public var nycRows: [UInt8]

    /// - Throws: `CommandError` naming the folder when the bundle is missing or unreadable.
    public init(projectRoot: String) throws {
        root = (projectRoot as NSString).appendingPathComponent("samples")
        let path = (root as NSString).appendingPathComponent("nyc/nc67-uf89.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError(
                .failed("\(path): the bundled NYC sample is missing; run from the project folder (where samples/ is)"))
        }
        nycRows = Array(data)
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
