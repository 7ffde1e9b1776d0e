import Testing

@testable import CurbsideSimulator

@Suite("Request target")
struct RequestTargetTests {
    @Test(
        "decodes paths and parameters",
        arguments: [
            ("/resource/a.json", "/resource/a.json", [String]()),
            ("/resource/a.json?", "/resource/a.json", [String]()),
            ("/r?%24where=a+%3D+%27x%20y%27&$limit=5", "/r", ["$where=a = 'x y'", "$limit=5"]),
            ("/r?a=%E2%82%AC&b=%zz&c", "/r", ["a=€", "b=%zz", "c="]),
            ("/r%20s?x=1+1%2B1", "/r s", ["x=1 1+1"]),
        ])
    func decodes(target: String, path: String, parameters: [String]) {
        let decoded = RequestTarget(target)
        #expect(decoded.path == path)
        #expect(decoded.parameters.map { "\($0.name)=\($0.value)" } == parameters)
    }

    /// Found by fuzzing: a combining mark right after `?` made one character of the two, so the query was read as
    /// part of the path and the dataset was not found.
    @Test(
        "splits at the bytes ?, & and =, whatever follows them",
        arguments: [
            ("/resource/a.json?\u{5BC}?", "/resource/a.json", ["\u{5BC}?="]),
            ("/r?a=\u{301}&\u{301}b=1", "/r", ["a=\u{301}", "\u{301}b=1"]),
            ("/r?x=\u{301}=y", "/r", ["x=\u{301}=y"]),
        ])
    func splitsAtBytes(target: String, path: String, parameters: [String]) {
        let decoded = RequestTarget(target)
        #expect(decoded.path == path)
        #expect(decoded.parameters.map { "\($0.name)=\($0.value)" } == parameters)
    }

    @Test("a combining mark after '?' reaches the dataset, which names the column it does not have")
    func combiningMarkAfterQuestionMark() throws {
        let router = PortalRouter(datasets: [try SimulatorFixtures.tiny()])
        let response = router.response(method: "GET", target: "/resource/tiny-0001.json?\u{5BC}?")
        #expect(response.status == 400)
        #expect(response.bodyText.contains("No such column: \u{5BC}?;"), "\(response.bodyText)")
        #expect(router.response(method: "GET", target: "/resource/tiny-0001.json?\u{301}$limit=1").status == 400)
        #expect(router.response(method: "GET", target: "/resource/tiny-0001.json?$limit=1&\u{301}").status == 400)
    }
}
