import Testing

@testable import CurbsideIngest

@Suite("Retry policy")
struct HTTPRetryPolicyTests {
    @Test(
        "retries 429, 202 and 5xx, nothing else",
        arguments: [
            (200, false), (202, true), (204, false), (301, false), (400, false), (403, false), (404, false),
            (408, false), (429, true), (500, true), (502, true), (503, true), (504, true), (599, true),
        ])
    func retryable(status: Int, expected: Bool) {
        #expect(RetryPolicy.isRetryable(status: status) == expected)
    }

    @Test(
        "reads Retry-After as seconds or as any of HTTP's three date forms",
        arguments: [
            ("120", 120.0),
            (" 5 ", 5),
            ("0", 0),
            ("1.5", 1.5),
            ("Sun, 06 Nov 1994 08:49:37 GMT", 10),
            ("Sunday, 06-Nov-94 08:49:37 GMT", 10),
            ("Sun Nov  6 08:49:37 1994", 10),
            ("Sun, 06 Nov 1994 08:49:00 GMT", 0),  // in the past: go now
        ] as [(String, Double)])
    func retryAfter(header: String, seconds: Double) {
        // 784111777 is Sun, 06 Nov 1994 08:49:37 GMT.
        #expect(RetryPolicy.retryAfterSeconds(header, now: 784_111_767) == seconds)
    }

    @Test(
        "ignores a missing or unreadable Retry-After",
        arguments: [nil, "", "-1", "soon", "Sun, 32 Nov 1994 08:49:37 GMT"])
    func unreadableRetryAfter(header: String?) {
        #expect(RetryPolicy.retryAfterSeconds(header, now: 0) == nil)
    }

    @Test("doubles the backoff ceiling each attempt, up to maxDelay")
    func ceilings() {
        let policy = RetryPolicy(baseDelay: 0.5, maxDelay: 30, seed: 1)
        #expect((1...8).map(policy.backoffCeiling(afterAttempt:)) == [0.5, 1, 2, 4, 8, 16, 30, 30])
    }

    @Test("draws full jitter below the ceiling, the same for the same seed")
    func jitter() {
        let a = RetryPolicy(baseDelay: 1, maxDelay: 8, seed: 42)
        let b = RetryPolicy(baseDelay: 1, maxDelay: 8, seed: 42)
        let c = RetryPolicy(baseDelay: 1, maxDelay: 8, seed: 43)
        let drawsA = (1...200).map { a.delay(afterAttempt: 1 + $0 % 5, retryAfter: nil) }
        let drawsB = (1...200).map { b.delay(afterAttempt: 1 + $0 % 5, retryAfter: nil) }
        let drawsC = (1...200).map { c.delay(afterAttempt: 1 + $0 % 5, retryAfter: nil) }
        #expect(drawsA == drawsB)
        #expect(drawsA != drawsC)
        #expect(zip(1...200, drawsA).allSatisfy { $1 >= 0 && $1 < a.backoffCeiling(afterAttempt: 1 + $0 % 5) })
        #expect(Set(drawsA).count > 150)  // spread, not a constant
    }

    @Test("honours Retry-After as given, up to maxRetryAfter")
    func honoursRetryAfter() {
        let policy = RetryPolicy(maxRetryAfter: 60, seed: 1)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 7) == 7)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 3600) == 60)
    }

    @Test("counts at least one attempt")
    func minimumAttempts() {
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }
}
