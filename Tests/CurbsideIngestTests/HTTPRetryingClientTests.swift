import CurbsideIngest
import CurbsideModel
import Testing

@Suite("Retrying client")
struct HTTPRetryingClientTests {
    private let url = "http://portal.test/resource/nc67-uf89.json?$limit=2"

    private func client(
        _ inner: ScriptedClient, _ sleeper: any Sleeper, maxAttempts: Int = 5, now: Double = 0,
        attempts: Collected<HTTPAttempt> = Collected()
    ) -> RetryingClient {
        RetryingClient(
            wrapping: inner, policy: RetryPolicy(maxAttempts: maxAttempts, seed: 7), sleeper: sleeper,
            clock: FixedClock(seconds: now), observer: { attempts.append($0) })
    }

    @Test("waits as long as a 429's Retry-After in seconds says, then succeeds")
    func retryAfterSeconds() async throws {
        let inner = ScriptedClient([.respond(429, headers: ["retry-after": "7"]), .respond(200, body: "[{}]")])
        let sleeper = RecordingSleeper()
        let attempts = Collected<HTTPAttempt>()
        let result = try await client(inner, sleeper, attempts: attempts).send(url)
        #expect(result.response.status == 200)
        #expect(result.attempts == 2)
        #expect(await sleeper.waits == [7])
        #expect(
            attempts.values == [
                HTTPAttempt(url: url, attempt: 1, outcome: .status(429), bytes: 2, seconds: 0.25, retryingAfter: 7),
                HTTPAttempt(url: url, attempt: 2, outcome: .status(200), bytes: 4, seconds: 0.25, retryingAfter: nil),
            ])
    }

    @Test("waits until a 429's Retry-After HTTP-date")
    func retryAfterDate() async throws {
        let inner = ScriptedClient([
            .respond(429, headers: ["retry-after": "Sun, 06 Nov 1994 08:50:07 GMT"]), .respond(200),
        ])
        let sleeper = RecordingSleeper()
        let result = try await client(inner, sleeper, now: 784_111_777).send(url)
        #expect(result.attempts == 2)
        #expect(await sleeper.waits == [30])
    }

    @Test("retries 503 with jittered backoff, then succeeds", arguments: [503, 500, 502, 202])
    func retriesServerErrors(status: Int) async throws {
        let inner = ScriptedClient([.respond(status), .respond(status), .respond(200)])
        let sleeper = RecordingSleeper()
        let result = try await client(inner, sleeper).send(url)
        #expect(result.response.status == 200)
        #expect(result.attempts == 3)
        let twin = RetryPolicy(maxAttempts: 5, seed: 7)
        let expected = [twin.delay(afterAttempt: 1, retryAfter: nil), twin.delay(afterAttempt: 2, retryAfter: nil)]
        #expect(await sleeper.waits == expected)
        #expect(expected[0] < 0.5 && expected[1] < 1)
    }

    @Test("does not retry other 4xx", arguments: [400, 401, 403, 404, 410])
    func doesNotRetryClientErrors(status: Int) async throws {
        let inner = ScriptedClient([.respond(status), .respond(200)])
        let sleeper = RecordingSleeper()
        let attempts = Collected<HTTPAttempt>()
        let result = try await client(inner, sleeper, attempts: attempts).send(url)
        #expect(result.response.status == status)
        #expect(result.attempts == 1)
        #expect(await sleeper.waits.isEmpty)
        #expect(await inner.requested.count == 1)
        #expect(attempts.values.map(\.retryingAfter) == [nil])
    }

    @Test("retries network failures")
    func retriesNetworkFailures() async throws {
        let inner = ScriptedClient([
            .fail(.connectFailed("refused")), .fail(.truncated(received: 10, detail: "cut")), .respond(200),
        ])
        let attempts = Collected<HTTPAttempt>()
        let result = try await client(inner, RecordingSleeper(), attempts: attempts).send(url)
        #expect(result.attempts == 3)
        #expect(
            attempts.values.map(\.outcome) == [
                .failed(HTTPError(url: url, reason: .connectFailed("refused"))),
                .failed(HTTPError(url: url, reason: .truncated(received: 10, detail: "cut"))),
                .status(200),
            ])
    }

    @Test("stops after maxAttempts and returns the last response")
    func maxAttemptsWithResponses() async throws {
        let inner = ScriptedClient(Array(repeating: .respond(503), count: 5))
        let sleeper = RecordingSleeper()
        let attempts = Collected<HTTPAttempt>()
        let result = try await client(inner, sleeper, maxAttempts: 3, attempts: attempts).send(url)
        #expect(result.response.status == 503)
        #expect(result.attempts == 3)
        #expect(await inner.requested.count == 3)
        #expect(await sleeper.waits.count == 2)
        #expect(attempts.values.map(\.attempt) == [1, 2, 3])
        #expect(attempts.values.last?.retryingAfter == nil)
    }

    @Test("stops after maxAttempts and throws the last network error")
    func maxAttemptsWithFailures() async throws {
        let inner = ScriptedClient([
            .fail(.connectFailed("a")), .fail(.connectFailed("b")), .fail(.timedOut(seconds: 5)),
        ])
        let sleeper = RecordingSleeper()
        await #expect(throws: HTTPError(url: url, reason: .timedOut(seconds: 5))) {
            try await client(inner, sleeper, maxAttempts: 3).send(url)
        }
        #expect(await sleeper.waits.count == 2)
    }

    @Test("stops waiting when the task is cancelled")
    func cancellation() async throws {
        let inner = ScriptedClient([.respond(503), .respond(200)])
        await #expect(throws: CancellationError.self) {
            try await client(inner, CancelledSleeper()).send(url)
        }
        #expect(await inner.requested.count == 1)
    }

    @Test("passes through as a plain HTTPClient")
    func plainClient() async throws {
        let inner = ScriptedClient([.respond(500), .respond(200, body: "[1]")])
        let plain: any HTTPClient = client(inner, RecordingSleeper())
        let response = try await plain.get(url, headers: ["X-App-Token": "secret"])
        #expect(response.body == Array("[1]".utf8))
    }
}
