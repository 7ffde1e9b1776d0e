import NIOCore

/// Answers one request the way a Socrata portal would, without any I/O: the simulator's pure core.
///
/// Routes: `GET /resource/<id>.json` (rows, with SoQL parameters) and `GET /api/views/<id>.json`
/// (metadata). `HEAD` is answered like `GET` by the server, minus the body. Public so that a caller can drive it
/// without a socket (the fuzz targets do).
public struct PortalRouter: Sendable {
    let datasets: [String: SimulatedDataset]

    public init(datasets: [SimulatedDataset]) {
        self.datasets = Dictionary(datasets.map { ($0.id, $0) }) { first, _ in first }
    }

    /// Builds what every paged query needs before the first request arrives: each dataset's ranks by
    /// `:id`, the order SODA paging is told to use. A real portal has its indexes ready too; without
    /// this the first pages of a run wait for a sort of every row's id.
    func warm() {
        for dataset in datasets.values { _ = dataset.cache.ranks(of: ":id", in: dataset) }
    }

    /// The response to `method` on `target` (path and query, still percent-encoded).
    public func response(method: String, target: String) -> SimulatedResponse {
        guard method == "GET" || method == "HEAD" else {
            return .error(405, code: "method_not_allowed", message: "The portal simulator only answers GET and HEAD")
        }
        let request = RequestTarget(target)
        if let id = Self.datasetID(in: request.path, under: "/resource/") {
            guard let dataset = datasets[id] else { return Self.notFound(id) }
            return rows(of: dataset, parameters: request.parameters)
        }
        if let id = Self.datasetID(in: request.path, under: "/api/views/") {
            guard let dataset = datasets[id] else { return Self.notFound(id) }
            return metadata(of: dataset)
        }
        return .error(404, code: "not_found", message: "No route for \(request.path)")
    }

    private func rows(of dataset: SimulatedDataset, parameters: [(name: String, value: String)]) -> SimulatedResponse {
        let rows: [Int]
        let selection: [String]?
        do {
            let query = try SoQLQuery(parameters: parameters)
            rows = try SoQLEvaluator(query: query, dataset: dataset).rowIndices()
            selection = query.selection?.map(\.name)
        } catch {
            return .error(400, code: error.code, message: error.message)
        }
        let fields = selection ?? dataset.columns.map(\.fieldName)
        let lastModified = CivilTime(unixSeconds: dataset.rowsUpdatedAt).httpDate
        let body = RowsBody(dataset: dataset, selection: selection).bytes(of: rows)
        return SimulatedResponse(
            status: 200,
            headers: [
                ("Content-Type", "application/json;charset=utf-8"),
                ("X-SODA2-Fields", JSONText.array(fields)),
                ("X-SODA2-Types", JSONText.array(fields.map { (dataset.type(of: $0) ?? .text).rawValue })),
                ("X-SODA2-Truth-Last-Modified", lastModified),
                ("Last-Modified", lastModified),
            ],
            body: body)
    }

    private func metadata(of dataset: SimulatedDataset) -> SimulatedResponse {
        let columns = dataset.columns.map { column in
            JSONText.object([
                ("fieldName", JSONText.quoted(column.fieldName)),
                ("dataTypeName", JSONText.quoted(column.type.rawValue)),
            ])
        }
        let text = JSONText.object([
            ("id", JSONText.quoted(dataset.id)),
            ("name", JSONText.quoted(dataset.name)),
            ("rowsUpdatedAt", String(dataset.rowsUpdatedAt)),
            ("columns", "[" + columns.joined(separator: ",") + "]"),
        ])
        return .json(200, text, headers: [("Last-Modified", CivilTime(unixSeconds: dataset.rowsUpdatedAt).httpDate)])
    }

    /// `nc67-uf89` from `/resource/nc67-uf89.json` (the `.json` is optional).
    private static func datasetID(in path: String, under prefix: String) -> String? {
        guard path.hasPrefix(prefix) else { return nil }
        var id = path.dropFirst(prefix.count)
        if id.hasSuffix(".json") { id = id.dropLast(5) }
        return id.isEmpty || id.contains("/") ? nil : String(id)
    }

    private static func notFound(_ id: String) -> SimulatedResponse {
        .error(404, code: "not_found", message: "Dataset \(id) not found")
    }
}
