import CurbsideModel
import CurbsideWarehouse

/// Fetches one SODA page with retries, records every attempt in `fetches`, and hands back the page
/// only when it is a complete JSON array: a truncated or malformed body is retried, never stored.
struct PageFetcher: Sendable {
    var client: any HTTPClient
    var warehouse: Warehouse
    var policy: RetryPolicy
    var sleeper: any Sleeper
    var clock: any WallClock
    var runID: Int64?
    /// Sent as `X-App-Token`; never logged, never stored.
    var appToken: String?
    /// Bounds the requests in flight across datasets.
    var limiter: RequestLimiter?

    struct Page {
        var fetchID: Int64
        var body: [UInt8]
        var sha256: String
        /// Each row's range in `body` and its id.
        var rows: [(recordID: String?, range: Range<Int>)]
        var attempts: Int
    }

    private func get(_ url: String, headers: [String: String]) async throws -> HTTPResponse {
        guard let limiter else { return try await client.get(url, headers: headers) }
        let client = self.client
        return try await limiter.withSlot { try await client.get(url, headers: headers) }
    }

    /// `rowsUpdatedAt` from `/api/views/ID.json`, or nil when the portal does not say (it is only a hint).
    func rowsUpdatedAt(portal: String, datasetID: String) async -> Int? {
        var headers = ["Accept": "application/json"]
        if let appToken, !appToken.isEmpty { headers["X-App-Token"] = appToken }
        guard let response = try? await get("\(portal)/api/views/\(datasetID).json", headers: headers),
            response.status == 200, let fields = try? FlatJSON.fields(of: response.body),
            let value = fields.first(where: { $0.key == "rowsUpdatedAt" })?.value.text
        else { return nil }
        return Int(value)
    }

    /// Fetches one page and reads its rows in one pass: each row's range and `idField`, and the fields for
    /// `drift` (counted only for the page that is kept).
    func fetch(
        _ query: SoQLQuery, dataset: DatasetID, partition: PartitionKey?, idField: [UInt8], drift: inout SchemaDrift
    ) async throws -> Page {
        var headers = ["Accept": "application/json"]
        if let appToken, !appToken.isEmpty { headers["X-App-Token"] = appToken }
        var attempt = 0
        while true {
            attempt += 1
            let startedAt = clock.now()
            var record = FetchRecord(
                runID: runID, dataset: dataset, partition: partition, url: query.url,
                params: query.readableParameters, status: nil, bytes: 0, sha256: nil, startedAt: startedAt,
                seconds: 0, attempt: attempt, error: nil)
            var failure: IngestError.Reason = .network("no response", attempts: attempt)
            var retryAfter: Double?
            do {
                let response = try await get(query.url, headers: headers)
                record.status = response.status
                record.bytes = response.body.count
                record.seconds = response.seconds
                record.sha256 = SHA256Hex.of(response.body)
                if response.status == 200 {
                    do {
                        let rows = try drift.inspect(page: response.body, idField: idField)
                        let id = try await warehouse.recordSuspending(record)
                        return Page(
                            fetchID: id, body: response.body, sha256: record.sha256!, rows: rows, attempts: attempt)
                    } catch let error as JSONSyntaxError {
                        record.error = "\(error)"
                        failure = .malformedPage("\(error)", attempts: attempt)
                    }
                } else {
                    let said = IngestError.portalMessage(in: response.body)
                    record.error = [said.code, said.message].compactMap { $0 }.joined(separator: ": ")
                    failure = .http(status: response.status, code: said.code, message: said.message)
                    retryAfter = RetryPolicy.retryAfterSeconds(response.headers["retry-after"], now: clock.now())
                    if !RetryPolicy.isRetryable(status: response.status) {
                        try await warehouse.recordSuspending(record)
                        throw IngestError(dataset: dataset, partition: partition, url: query.url, reason: failure)
                    }
                }
            } catch let error as HTTPError {
                record.seconds = clock.now() - startedAt
                record.error = "\(error.reason)"
                failure = .network("\(error.reason)", attempts: attempt)
            }
            try await warehouse.recordSuspending(record)
            guard attempt < policy.maxAttempts else {
                if case .http(let status, let code, let message) = failure {
                    failure = .gaveUp(status: status, code: code, message: message, attempts: attempt)
                }
                throw IngestError(dataset: dataset, partition: partition, url: query.url, reason: failure)
            }
            try await sleeper.sleep(seconds: policy.delay(afterAttempt: attempt, retryAfter: retryAfter))
        }
    }
}
