import CurbsideAggregate
import CurbsideIngest
import CurbsideModel
import CurbsideRender
import CurbsideWarehouse

/// Chicago's part of the lineage graph: three endpoints → bronze → silver and quarantine → gold → CSVs.
extension Pipeline {
    func addChicagoLineage(to graph: inout LineageGraph, gold: ChicagoGold, window: ChicagoWindow) throws {
        let hashes = try chicagoDataHashes()
        let silverTables: [DatasetID: String] = [
            .chicagoCrashes: "silver_chicago_crashes", .chicagoVehicles: "silver_chicago_vehicles",
            .chicagoPeople: "silver_chicago_people",
        ]
        let endpoints: [(DatasetID, String, String, String)] = [
            (
                .chicagoCrashes, config.chicago.crashesID, "crashes",
                "?$where=crash_date >= '…' AND crash_date < '…'   one request set per month, "
                    + "\(window.first.iso) to \(window.end.adding(days: -1).iso); later runs: ?$where=:updated_at > 'watermark'\n"
                    + "    &$order=crash_date,crash_record_id"
            ),
            (
                .chicagoVehicles, config.chicago.vehiclesID, "vehicles",
                "?$where=crash_record_id in ('…', …)   batches of the fetched crashes' ids\n    &$order=:id"
            ),
            (
                .chicagoPeople, config.chicago.peopleID, "people",
                "?$where=crash_record_id in ('…', …)   batches of the fetched crashes' ids\n    &$order=:id"
            ),
        ]
        for (dataset, id, noun, query) in endpoints {
            let name = dataset.rawValue
            let current = """
                JOIN partitions t ON t.dataset = b.dataset AND t.key = b.partition_key AND t.generation = b.generation
                WHERE b.dataset = '\(name)'
                """
            let bronzeRows = try count("SELECT coalesce(sum(b.rows), 0) FROM bronze_pages b \(current)")
            let pages = try warehouse.run("SELECT b.sha256 FROM bronze_pages b \(current) ORDER BY b.id")
            var pageHasher = SHA256Hasher()
            for row in pages.rows { pageHasher.updateField(row.first?.description ?? "") }
            let madeUp = options.sample && dataset != .chicagoCrashes
            graph.add(
                LineageNode(
                    id: "endpoint:\(name)", kind: .endpoint, label: "\(id) (Chicago \(noun))", rows: bronzeRows,
                    hash: pageHasher.hex(),
                    query:
                        "GET \(config.chicago.portalURL)/resource/\(id).json\n    \(query)\n    &$limit=\(config.ingest.pageSize)&$offset=…",
                    detail:
                        "\(pages.rows.count) response page(s); the hash covers the SHA-256 of every response body kept"
                        + (madeUp
                            ? "; MADE UP by the bundled portal simulator for the sample crashes (no real rows could be had)"
                            : options.sample ? "; served by the bundled portal simulator" : "")))
            graph.add(
                LineageNode(
                    id: "bronze:\(name)", kind: .bronze, label: "bronze_rows (\(name))", rows: bronzeRows,
                    hash: hashes["\(name).rows"], detail: "the rows exactly as received"))
            let silver = silverTables[dataset]!
            graph.add(
                LineageNode(
                    id: "silver:\(silver)", kind: .silver, label: silver,
                    rows: try count("SELECT count(*) FROM \(silver)"),
                    detail: dataset == .chicagoCrashes
                        ? "one row per crash_record_id (latest copy), with its vehicles and people rolled up" : nil))
            graph.add(
                LineageNode(
                    id: "quarantine:\(name)", kind: .quarantine, label: "quarantine (\(name))",
                    rows: try count("SELECT count(*) FROM quarantine WHERE dataset = '\(name)'"),
                    detail: "rows set aside with the rule they broke"))
            graph.connect("endpoint:\(name)", to: "bronze:\(name)")
            graph.connect("bronze:\(name)", to: "silver:\(silver)")
            graph.connect("bronze:\(name)", to: "quarantine:\(name)")
            if dataset != .chicagoCrashes { graph.connect("silver:\(silver)", to: "silver:silver_chicago_crashes") }
        }
        let csvHashes = Dictionary(uniqueKeysWithValues: gold.csvFiles.map { ($0.name, SHA256Hex.of($0.text)) })
        let tables: [(table: String, file: String?, rows: Int)] = [
            ("gold_chicago_daily", "chicago_crashes_daily.csv", gold.daily.count),
            ("gold_chicago_weekly", "chicago_crashes_weekly.csv", gold.weekly.count),
            ("gold_chicago_hour_weekday", "chicago_hour_weekday.csv", 7 * 24),
            ("gold_chicago_conditions", "chicago_conditions.csv", gold.conditions.count),
            ("gold_chicago_grid", "chicago_grid.csv", gold.grid.count),
            ("gold_chicago_injuries", nil, gold.injuries.count),
        ]
        for table in tables {
            graph.add(
                LineageNode(
                    id: "gold:\(table.table)", kind: .gold, label: table.table, rows: table.rows,
                    hash: table.file.flatMap { csvHashes[$0] }))
            graph.connect("silver:silver_chicago_crashes", to: "gold:\(table.table)")
            guard let file = table.file else { continue }
            graph.add(
                LineageNode(
                    id: "file:data/\(file)", kind: .file, label: "data/\(file)", rows: table.rows, hash: csvHashes[file]
                ))
            graph.connect("gold:\(table.table)", to: "file:data/\(file)")
        }
    }

    /// The model: trained from silver crashes, published as `model/model.json` and `model/metrics.json`.
    func addModelLineage(to graph: inout LineageGraph, model: (modelID: String, model: String, metrics: String)) {
        let trainRows = (try? count("SELECT coalesce(sum(rows), 0) FROM model_splits")) ?? 0
        graph.add(
            LineageNode(
                id: "model:hit_and_run", kind: .model, label: "hit-and-run model \(model.modelID)", rows: trainRows,
                hash: SHA256Hex.of(model.model),
                detail: "gradient-boosted trees trained on the oldest crashes, validated and tested on newer ones"))
        graph.connect("silver:silver_chicago_crashes", to: "model:hit_and_run")
        for (path, text) in [("model/model.json", model.model), ("model/metrics.json", model.metrics)] {
            graph.add(LineageNode(id: "file:\(path)", kind: .file, label: path, hash: SHA256Hex.of(text)))
            graph.connect("model:hit_and_run", to: "file:\(path)")
        }
    }
}
