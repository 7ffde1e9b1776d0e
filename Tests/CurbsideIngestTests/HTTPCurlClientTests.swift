import CurbsideIngest
import CurbsideSimulator
import Foundation
import Testing

/// CurlHTTPClient against the portal simulator on loopback: real sockets, real libcurl.
@Suite("Curl HTTP client")
struct HTTPCurlClientTests {
    private static func sampleBytes() throws -> [UInt8] {
        // Tests/CurbsideIngestTests/HTTPCurlClientTests.swift → the package root is two levels up.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return Array(try Data(contentsOf: root.appendingPathComponent("samples/nyc/nc67-uf89.json")))
    }

    /// Runs `body` against a started simulator serving the real NYC sample, and stops it after.
    private func withPortal(
        faults: FaultPlan = .none, gzip: Bool = false, _ body: (String, PortalSimulator) async throws -> Void
    ) async throws {
        let dataset = try SimulatedDataset(
            id: "nc67-uf89", name: "Open Parking and Camera Violations", rowsJSON: try Self.sampleBytes(),
            rowsUpdatedAt: 1_771_064_425)
        let portal = PortalSimulator(datasets: [dataset], faults: faults, gzip: gzip)
        let baseURL = try await portal.start()
        do {
            try await body(baseURL, portal)
        } catch {
            try await portal.stop()
            throw error
        }
        try await portal.stop()
    }

    private let client = CurlHTTPClient(connectTimeout: 5, timeout: 30)

    @Test("downloads a whole dataset byte for byte, with the portal's headers")
    func wholeDataset() async throws {
        try await withPortal { baseURL, portal in
            let response = try await client.get(
                baseURL + "/resource/nc67-uf89.json?$limit=5000", headers: ["X-App-Token": "not-a-real-token"])
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/json;charset=utf-8")
            #expect(response.headers["last-modified"] == "Sat, 14 Feb 2026 10:20:25 GMT")
            #expect(response.headers["x-soda2-fields"]?.hasPrefix(#"["plate","state","license_type""#) == true)
            #expect(response.headers["content-length"] == String(response.body.count))
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]])
            #expect(rows.count == 1000)
            // The sample separates rows with ", "; the portal with "\n,", and ends with "]\n".
            let original = String(decoding: try Self.sampleBytes(), as: UTF8.self)
            #expect(
                String(decoding: response.body, as: UTF8.self) == original.replacingOccurrences(
                    of: "}, {", with: "}\n,{") + "\n")
            #expect(response.seconds > 0)
            #expect(portal.requestLog == ["/resource/nc67-uf89.json?$limit=5000"])
        }
    }

    @Test("sends the SoQL query through and gets the matching rows")
    func query() async throws {
        try await withPortal { baseURL, _ in
            let response = try await client.get(
                baseURL + "/resource/nc67-uf89.json?$where=issue_date%3D%2710%2F21%2F2019%27&$order=:id", headers: [:])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [Any])
            #expect(rows.count == 34)
        }
    }

    @Test("returns 400 and 404 as responses, with the portal's error bodies")
    func errorStatuses() async throws {
        try await withPortal { baseURL, _ in
            let bad = try await client.get(baseURL + "/resource/nc67-uf89.json?$where=nope%3D1", headers: [:])
            #expect(bad.status == 400)
            #expect(String(decoding: bad.body, as: UTF8.self).hasPrefix(#"{"code":"query.soql.no-such-column""#))
            let missing = try await client.get(baseURL + "/resource/zzzz-zzzz.json", headers: [:])
            #expect(missing.status == 404)
            #expect(
                String(decoding: missing.body, as: UTF8.self)
                    == #"{"code":"not_found","error":true,"message":"Dataset zzzz-zzzz not found"}"#)
            let metadata = try await client.get(baseURL + "/api/views/nc67-uf89.json", headers: [:])
            #expect(metadata.status == 200)
            #expect(String(decoding: metadata.body, as: UTF8.self).hasPrefix(#"{"id":"nc67-uf89","name":"#))
        }
    }

    @Test("accepts gzip and hands back the decoded body")
    func gzip() async throws {
        var identity: HTTPResponse?
        try await withPortal { baseURL, _ in
            identity = try await client.get(baseURL + "/resource/nc67-uf89.json?$limit=5000", headers: [:])
        }
        let plain = try #require(identity)
        try await withPortal(gzip: true) { baseURL, _ in
            let response = try await client.get(baseURL + "/resource/nc67-uf89.json?$limit=5000", headers: [:])
            #expect(response.headers["content-encoding"] == "gzip")
            #expect(plain.headers["content-encoding"] == nil)
            #expect(Int(response.headers["content-length"] ?? "") ?? 0 > plain.body.count)
            #expect(response.body == plain.body)
        }
    }

    @Test("runs several transfers at once")
    func concurrent() async throws {
        try await withPortal { baseURL, portal in
            let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
                for page in 0..<8 {
                    group.addTask {
                        let url = baseURL + "/resource/nc67-uf89.json?$order=:id&$limit=125&$offset=\(page * 125)"
                        let response = try await client.get(url, headers: [:])
                        let rows = try JSONSerialization.jsonObject(with: Data(response.body)) as? [Any]
                        return rows?.count ?? -1
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(sizes == Array(repeating: 125, count: 8))
            #expect(portal.requestLog.count == 8)
        }
    }

    @Test("a refused connection is connectFailed, and the message names the URL")
    func refused() async throws {
        let portal = PortalSimulator(datasets: [])
        let baseURL = try await portal.start()
        try await portal.stop()
        let url = baseURL + "/resource/nc67-uf89.json?$limit=1"
        let error = try #require(await #expect(throws: HTTPError.self) { try await client.get(url, headers: [:]) })
        guard case .connectFailed = error.reason else {
            Issue.record("expected connectFailed, got \(error.reason)")
            return
        }
        #expect(error.url == url)
        #expect("\(error)".hasPrefix("GET \(url) failed: could not connect ("))
    }

    @Test("a body cut short of its Content-Length is truncated, with the bytes that came")
    func truncated() async throws {
        try await withPortal(faults: FaultPlan([.init(.truncatedBody(keepingBytes: 1000))])) { baseURL, _ in
            let url = baseURL + "/resource/nc67-uf89.json"
            let error = try #require(await #expect(throws: HTTPError.self) { try await client.get(url, headers: [:]) })
            guard case .truncated(let received, _) = error.reason else {
                Issue.record("expected truncated, got \(error.reason)")
                return
            }
            #expect(received == 1000)
            // The fault was for the first request only.
            #expect(try await client.get(url, headers: [:]).status == 200)
        }
    }

    @Test("a connection closed without an answer is connectionLost")
    func dropped() async throws {
        try await withPortal(faults: FaultPlan([.init(.dropConnection)])) { baseURL, _ in
            let error = try #require(
                await #expect(throws: HTTPError.self) {
                    try await client.get(baseURL + "/resource/nc67-uf89.json", headers: [:])
                })
            guard case .connectionLost = error.reason else {
                Issue.record("expected connectionLost, got \(error.reason)")
                return
            }
        }
    }

    @Test("a server slower than the timeout is timedOut")
    func timeout() async throws {
        try await withPortal(faults: FaultPlan([.init(.delay(seconds: 5))])) { baseURL, _ in
            let impatient = CurlHTTPClient(connectTimeout: 5, timeout: 0.2)
            let error = try #require(
                await #expect(throws: HTTPError.self) {
                    try await impatient.get(baseURL + "/api/views/nc67-uf89.json", headers: [:])
                })
            #expect(error.reason == .timedOut(seconds: 0.2))
        }
    }

    @Test("a 429 fault with Retry-After arrives as a response with the header")
    func rateLimited() async throws {
        try await withPortal(faults: FaultPlan([.init(.status(429, retryAfter: "3"))])) { baseURL, _ in
            let response = try await client.get(baseURL + "/resource/nc67-uf89.json", headers: [:])
            #expect(response.status == 429)
            #expect(response.headers["retry-after"] == "3")
        }
    }

    @Test("a retrying client rides out faults end to end")
    func retryingEndToEnd() async throws {
        let faults = FaultPlan([
            .init(.status(503), requests: 0..<1), .init(.truncatedBody(keepingBytes: 10), requests: 1..<2),
            .init(.status(429, retryAfter: "1"), requests: 2..<3),
        ])
        try await withPortal(faults: faults) { baseURL, portal in
            let sleeper = RecordingSleeper()
            let retrying = RetryingClient(wrapping: client, policy: RetryPolicy(seed: 1), sleeper: sleeper)
            let result = try await retrying.send(baseURL + "/resource/nc67-uf89.json?$limit=3")
            #expect(result.response.status == 200)
            #expect(result.attempts == 4)
            #expect(portal.requestLog.count == 4)
            #expect(await sleeper.waits.last == 1)
        }
    }

    @Test("a cancelled task aborts its transfer")
    func cancellation() async throws {
        try await withPortal(faults: FaultPlan([.init(.delay(seconds: 10))])) { baseURL, _ in
            let task = Task { try await client.get(baseURL + "/resource/nc67-uf89.json", headers: [:]) }
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
        }
    }

    @Test("error messages never carry a token, even one put in the URL by mistake")
    func redaction() {
        let error = HTTPError(
            url: "https://data.example/resource/x.json?$limit=5&$$app_token=s3cr3t", reason: .connectFailed("refused"))
        #expect(
            error.description
                == "GET https://data.example/resource/x.json?$limit=5&$$app_token=REDACTED failed: could not connect (refused). Check that the portal is reachable; the request can be retried."
        )
    }
}
