import CurbsideAggregate
import CurbsideCharts
import CurbsideIngest
import CurbsideModel
import CurbsidePublish
import CurbsideRender
import CurbsideTrain
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

    /// Every file of the version: pages, `report.html`, `lineage.html` and `lineage.json`, `changes.json`, the gold
    /// CSVs and the assets.
    ///
    /// warehouse + `content/` + `templates/` + config + the previous version's id → ``VersionInputs`` → id →
    /// pages and files. Nothing here reads the clock.
    func renderVersion() throws -> RenderedVersion {
        let asOf = try nycAsOf()
        let window = NYCWindow(asOf: asOf, config: config.nyc)
        let gold = try NYCAggregateStage(warehouse: warehouse).current(first: window.first, last: window.last)
        let chicagoWindow = try chicagoWindowIfEnabled()
        let chicago = try chicagoWindow.map { window in
            let days = window.first..<window.end
            let stored = aggregatedChicago.flatMap { $0.window == days ? $0.gold : nil }
            return (try stored ?? ChicagoAggregateStage(warehouse: warehouse).current(window: days), window)
        }
        let model =
            try chicago != nil && config.model.enabled
            ? HitAndRunStage(warehouse: warehouse, training: hitAndRunTraining).artifacts() : nil
        let contentFiles = try Self.files(in: contentFolder)
        let templateFiles = try Self.files(in: templatesFolder)
        let pages: [ContentPage]
        let renderer: PageRenderer
        let reporter: ReportRenderer
        do {
            let built = Set(
                (options.includes(.nyc) && config.nyc.enabled ? ["nyc"] : [])
                    + (chicago != nil ? ["chicago"] : []) + (model != nil ? ["model"] : []))
            pages = try ContentParser.pages(
                from: contentFiles.map { ("content/\($0.path)", String(decoding: $0.bytes, as: UTF8.self)) }
            ).filter { $0.datasets.allSatisfy(built.contains) }.map { page in
                var page = page.keeping(datasets: built)
                if page.datasets.contains("chicago"), let chicago { page.asOf = chicago.1.end }
                return page
            }
            renderer = try PageRenderer(templatesDirectory: templatesFolder)
            reporter = try ReportRenderer(templatesDirectory: templatesFolder)
        } catch {
            throw CommandError(.failed("\(error)"))
        }
        let (inputs, previous) = try versionInputs(contentFiles: contentFiles, templateFiles: templateFiles)
        let headline = Self.headline(gold) + (chicago.map { Self.headline($0.0) } ?? [])
        let notes = VersionNotes(
            headline: headline.map { ($0.label, $0.value) },
            previous: previous.flatMap { previous in
                Day(iso: previous.asOf).map {
                    (VersionID(previous.id), $0, previous.headline.map { ($0.label, $0.value) })
                }
            })
        let context = SiteContext(
            siteTitle: config.site.title, asOf: asOf, versionID: inputs.versionID, isSample: options.sample,
            pages: NavItem.items(for: pages) + [NavItem(slug: "catalog", title: CatalogPage.title)],
            dataSources: ["NYC Open Parking and Camera Violations (\(config.nyc.datasetID))"]
                + (chicago == nil
                    ? []
                    : [
                        "Chicago Traffic Crashes (\(config.chicago.crashesID); vehicles \(config.chicago.vehiclesID), "
                            + "people \(config.chicago.peopleID))"
                    ]))
        var lineage = try nycLineage(gold: gold, window: window, asOf: asOf)
        if let (chicagoGold, chicagoWindow) = chicago {
            try addChicagoLineage(to: &lineage, gold: chicagoGold, window: chicagoWindow)
        }
        if let model { addModelLineage(to: &lineage, model: model) }
        // The pages' queries, run once for the lineage and the pages both.
        // On a connection that can only read the warehouse, each query within its time budget.
        let queries: RememberingQueryRunner
        do {
            queries = RememberingQueryRunner(
                try PageQueries(path: warehouse.path, budget: config.site.queryTimeoutSeconds))
        } catch {
            throw CommandError(.failed("\(error)"))
        }
        try addPages(pages, queries: queries, to: &lineage)
        // The pages and the report are laid out on another thread while the catalog counts and merges on this one
        // (and its own connections): both only read what is above, and each gives the same bytes on its own.
        let documents = Background { [lineage] in
            try Self.documents(
                pages: pages, renderer: renderer, reporter: reporter, queries: queries, lineage: lineage,
                context: context, notes: notes)
        }
        let catalog: [SiteFile]
        do {
            catalog = try catalogFiles(
                lineage: lineage, renderer: renderer, context: context, notes: notes, nyc: window,
                chicago: chicago?.1)
        } catch {
            _ = try documents.wait()  // a page's error first, as when the pages were rendered before the catalog
            throw error
        }
        var files = try documents.wait()
        for asset in renderer.assets() { files.append(SiteFile(path: asset.path, bytes: asset.bytes)) }
        for csv in chicago?.0.csvFiles ?? [] { files.append(SiteFile(path: "data/\(csv.name)", text: csv.text)) }
        for csv in gold.csvFiles { files.append(SiteFile(path: "data/\(csv.name)", text: csv.text)) }
        if let model {
            files.append(SiteFile(path: "model/model.json", text: model.model))
            files.append(SiteFile(path: "model/metrics.json", text: model.metrics))
            files.append(SiteFile(path: "assets/model-scorer.js", text: ModelScorerJS.formScript))
        }
        files += catalog
        files.append(SiteFile(path: "lineage.json", text: lineage.json))
        files.append(
            SiteFile(
                path: ChangesFile.name,
                text: ChangesFile(version: inputs.versionID, asOf: asOf, notes: notes, previous: previous).text))
        let record = VersionRecord(id: inputs.versionID, asOf: asOf, kind: inputs.kind, headline: headline)
        return RenderedVersion(record: record, files: files.sorted { $0.path < $1.path }, inputs: inputs)
    }

    /// The content pages, `lineage.html` and `report.html`; the report lays out the pages' bodies as rendered for
    /// the site (in the navigation's order) and then the lineage.
    /// - Throws: `CommandError` for a page, tag or template that cannot be rendered.
    static func documents(
        pages: [ContentPage], renderer: PageRenderer, reporter: ReportRenderer, queries: any QueryRunner,
        lineage: LineageGraph, context: SiteContext, notes: VersionNotes
    ) throws -> [SiteFile] {
        do {
            let site = try renderer.site(pages: pages, queries: queries, context: context, notes: notes)
            var files = site.map { SiteFile(path: $0.path, text: $0.html) }
            let lineagePage = PageContent(
                slug: "lineage", title: "Lineage",
                description: "Where every number of this version comes from: portal requests, tables, files and pages, "
                    + "with row counts and hashes.",
                body: LineageText.html(for: lineage))
            files.append(
                SiteFile(
                    path: "lineage.html", text: try renderer.html(for: lineagePage, context: context, notes: notes)))
            let bodies = Dictionary(uniqueKeysWithValues: site.map { ($0.path, $0.body) })
            var sections: [PageContent] = []
            for page in NavItem.items(for: pages).compactMap({ item in pages.first { $0.slug == item.slug } }) {
                guard let body = bodies[page.outputPath] else { continue }
                sections.append(
                    PageContent(slug: page.slug, title: page.title, description: page.description, body: body))
            }
            sections.append(
                PageContent(
                    slug: lineagePage.slug, title: lineagePage.title, description: lineagePage.description,
                    body: LineageText.html(for: lineage, figureLast: true)))
            files.append(
                SiteFile(
                    path: "report.html", text: try reporter.html(sections: sections, context: context, notes: notes)))
            return files
        } catch {
            throw CommandError(.failed("\(error)"))
        }
    }

    /// What the version is made of, without rendering it: its inputs (and so its id) and the version before it.
    func versionInputs(
        contentFiles: [(path: String, bytes: [UInt8])]? = nil, templateFiles: [(path: String, bytes: [UInt8])]? = nil
    ) throws -> (inputs: VersionInputs, previous: ChangesFile.Previous?) {
        let asOf = try nycAsOf()
        let content = try contentFiles ?? Self.files(in: contentFolder)
        let templates = try templateFiles ?? Self.files(in: templatesFolder)
        var inputs = VersionInputs(
            asOf: asOf, kind: options.sample ? .sample : .live,
            dataHashes: try dataHashes(window: NYCWindow(asOf: asOf, config: config.nyc))
                .merging(try chicagoDataHashes()) { a, _ in a },
            contentFiles: Dictionary(uniqueKeysWithValues: content.map { ($0.path, SHA256Hex.of($0.bytes)) }),
            templateFiles: Dictionary(uniqueKeysWithValues: templates.map { ($0.path, SHA256Hex.of($0.bytes)) }),
            configHash: SHA256Hex.of(configText), programVersion: ProgramVersion.current)
        let previous = try previousVersion(for: inputs)
        inputs.previousVersion = previous.map { VersionID($0.id) }
        return (inputs, previous)
    }

    /// The id of the version these inputs make when it is already published, listed and whole (its manifest
    /// and `latest/` present): the same inputs give the same bytes, so there is nothing to render.
    func alreadyPublished() throws -> VersionID? {
        let id = try versionInputs().inputs.versionID
        let listed: [PublishedVersion]
        do {
            listed = try Publisher(siteRoot: options.siteRoot, retention: config.site.retention).versions()
        } catch {
            return nil
        }
        let root = options.siteRoot
        guard listed.contains(where: { $0.id == id }),
            FileManager.default.fileExists(atPath: "\(root)/v/\(id)/manifest.json"),
            FileManager.default.fileExists(atPath: "\(root)/latest/manifest.json")
        else { return nil }
        return id
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

    /// The content hashes of Chicago's rows: each complete partition's bronze hash, by dataset and key.
    func chicagoDataHashes() throws -> [String: String] {
        guard try chicagoWindowIfEnabled() != nil else { return [:] }
        var hashes: [String: String] = [:]
        for dataset in [DatasetID.chicagoCrashes, .chicagoVehicles, .chicagoPeople] {
            var hasher = SHA256Hasher()
            for (key, p) in try warehouse.partitions(of: dataset).sorted(by: { $0.key < $1.key })
            where p.state == .complete {
                hasher.updateField(key.rawValue)
                hasher.updateField(p.hash ?? "")
            }
            hashes["\(dataset.rawValue).rows"] = hasher.hex()
        }
        return hashes
    }

    static func headline(_ gold: ChicagoGold) -> [HeadlineFigure] {
        let totals = gold.totals
        return [
            HeadlineFigure(label: "Chicago crashes", value: ValueFormat.integer.format(Double(totals.crashes))),
            HeadlineFigure(
                label: "Chicago hit-and-run rate",
                value: totals.crashes > 0
                    ? Hundredths.text(Hundredths.percentage(Int64(totals.hitAndRun), of: Int64(totals.crashes))) + "%"
                    : "n/a"),
        ]
    }

    /// The figures `versions.json` lists and each version compares with the previous one.
    static func headline(_ gold: NYCGold) -> [HeadlineFigure] {
        let fines = gold.daily.reduce(Int64(0)) { $0 + $1.finesCents }
        let paid = gold.daily.reduce(Int64(0)) { $0 + $1.paidCents }
        let violations = gold.daily.reduce(0) { $0 + $1.violations }
        return [
            HeadlineFigure(label: "NYC fines issued", value: ValueFormat.money.format(Double(fines) / 100)),
            HeadlineFigure(label: "NYC paid", value: Hundredths.text(Hundredths.percentage(paid, of: fines)) + "%"),
            HeadlineFigure(label: "NYC violations", value: ValueFormat.integer.format(Double(violations))),
            HeadlineFigure(label: "NYC days", value: ValueFormat.integer.format(Double(gold.daily.count))),
        ]
    }
}
