import CurbsideAggregate
import CurbsideIngest
import CurbsideModel
import CurbsidePublish
import CurbsideRender
import CurbsideWarehouse
import Foundation

extension Pipeline {
    var contentFolder: String { (options.projectRoot as NSString).appendingPathComponent("content") }
    var templatesFolder: String { (options.projectRoot as NSString).appendingPathComponent("templates") }

    /// The files of a folder, recursively, by relative path, sorted (for hashing into the version id).
    static func files(in folder: String) throws -> [(path: String, bytes: [UInt8])] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [(path: String, bytes: [UInt8])] = []
        for case let relative as String in enumerator {
            let full = (folder as NSString).appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            guard let data = FileManager.default.contents(atPath: full) else { continue }
            result.append((relative, Array(data)))
        }
        return result.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    func renderVersion() throws -> RenderedVersion {
        let asOf = try nycAsOf()
        let window = NYCWindow(asOf: asOf, config: config.nyc)
        let gold = try NYCAggregateStage(warehouse: warehouse).current(first: window.first, last: window.last)
        let contentFiles = try Self.files(in: contentFolder)
        let templateFiles = try Self.files(in: templatesFolder)
        let pages: [ContentPage]
        let renderer: PageRenderer
        do {
            pages = try ContentParser.pages(
                from: contentFiles.map { ("content/\($0.path)", String(decoding: $0.bytes, as: UTF8.self)) })
            renderer = try PageRenderer(templatesDirectory: templatesFolder)
        } catch {
            throw CommandError(.failed("\(error)"))
        }
        let inputs = VersionInputs(
            asOf: asOf, kind: options.sample ? .sample : .live,
            dataHashes: try dataHashes(window: window),
            contentFiles: Dictionary(uniqueKeysWithValues: contentFiles.map { ($0.path, SHA256Hex.of($0.bytes)) }),
            templateFiles: Dictionary(uniqueKeysWithValues: templateFiles.map { ($0.path, SHA256Hex.of($0.bytes)) }),
            configHash: SHA256Hex.of(configText), programVersion: ProgramVersion.current)
        let context = SiteContext(
            siteTitle: config.site.title, asOf: asOf, versionID: inputs.versionID, isSample: options.sample,
            pages: NavItem.items(for: pages),
            dataSources: ["NYC Open Parking and Camera Violations (\(config.nyc.datasetID))"])
        var files: [SiteFile] = []
        do {
            for (path, html) in try renderer.site(pages: pages, queries: warehouse, context: context) {
                files.append(SiteFile(path: path, text: html))
            }
        } catch {
            throw CommandError(.failed("\(error)"))
        }
        for asset in renderer.assets() { files.append(SiteFile(path: asset.path, bytes: asset.bytes)) }
        for csv in gold.csvFiles { files.append(SiteFile(path: "data/\(csv.name)", text: csv.text)) }
        files.append(SiteFile(path: "lineage.json", text: try lineageJSON(gold: gold, window: window, pages: pages)))
        let record = VersionRecord(
            id: inputs.versionID, asOf: asOf, kind: inputs.kind, headline: Self.headline(gold))
        return RenderedVersion(record: record, files: files.sorted { $0.path < $1.path }, inputs: inputs)
    }

    /// The content hashes of the window's rows: each fetched day's bronze hash, in day order.
    func dataHashes(window: NYCWindow) throws -> [String: String] {
        let partitions = try warehouse.partitions(of: .nycViolations)
        var hasher = SHA256Hasher()
        for day in window.days {
            guard let p = partitions[PartitionKey(day.iso)], p.state == .complete else { continue }
            hasher.updateField(day.iso)
            hasher.updateField(p.hash ?? "")
        }
        return ["nyc.window_rows": hasher.hex()]
    }

    static func headline(_ gold: NYCGold) -> [HeadlineFigure] {
        let fines = gold.daily.reduce(Int64(0)) { $0 + $1.finesCents }
        let paid = gold.daily.reduce(Int64(0)) { $0 + $1.paidCents }
        let violations = gold.daily.reduce(0) { $0 + $1.violations }
        return [
            HeadlineFigure(label: "NYC fines issued", value: "$" + Hundredths.text(fines)),
            HeadlineFigure(label: "NYC paid", value: Hundredths.text(Hundredths.percentage(paid, of: fines)) + "%"),
            HeadlineFigure(label: "NYC violations", value: String(violations)),
            HeadlineFigure(label: "NYC days", value: String(gold.daily.count)),
        ]
    }
}
