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
}
