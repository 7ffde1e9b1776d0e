import CurbsideCommands
import CurbsideTestSupport
import Foundation
import Testing

/// `build --pushgateway` against a real Prometheus Pushgateway (Debian's `prometheus-pushgateway`) started on a free
/// loopback port for the test. Skipped (and shown as skipped, with what to install) when the binary is absent.
@Suite(.serialized) struct PushgatewayTests {
    static var binary: String? {
        SiteFixture.which("prometheus-pushgateway") ?? SiteFixture.which("pushgateway")
    }

    /// A port nothing listens on right now.
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The body of `GET path` from 127.0.0.1:`port` over plain HTTP/1.0, or nil when nothing answers with 200.
    static func get(port: Int, _ path: String) -> String? {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(socket, $0.baseAddress, $0.count, 0) }) == request.count else {
            return nil
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            response += buffer[..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard text.hasPrefix("HTTP/1.0 200") || text.hasPrefix("HTTP/1.1 200"),
            let body = text.range(of: "\r\n\r\n")
        else { return nil }
        return String(text[body.upperBound...])
    }

    @Test(
        .enabled(
            if: PushgatewayTests.binary != nil,
            "the Pushgateway test needs prometheus-pushgateway (apt-get install prometheus-pushgateway)"))
    func aBuildPushesItsMetricsToAPushgateway() async throws {
        let binary = try #require(Self.binary)
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let port = try Self.freePort()
        let gateway = Process()
        gateway.executableURL = URL(fileURLWithPath: binary)
        gateway.arguments = [
            "--web.listen-address=127.0.0.1:\(port)", "--persistence.file=\(folder)/pushgateway.state",
        ]
        gateway.standardOutput = FileHandle.nullDevice
        gateway.standardError = FileHandle.nullDevice
        try gateway.run()
        defer {
            gateway.terminate()
            gateway.waitUntilExit()
        }
        let base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<100 where !ready {
            ready = Self.get(port: port, "/-/ready") != nil
            if !ready { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(ready, "the Pushgateway did not start on \(base)")
        let result = try await SiteFixture.build(
            SiteFixture.options(folder), run: BuildRun(pushgateway: base, environment: [:]))
        #expect(result.said.contains("pushed metrics.prom to \(base)/metrics/job/curbside"))
        let metrics = try #require(Self.get(port: port, "/metrics"))
        #expect(metrics.contains("curbside_last_run_success{instance=\"\",job=\"curbside\"} 1"))
        #expect(metrics.contains("curbside_last_run_rows_fetched{dataset=\"nyc\",instance=\"\",job=\"curbside\"} "))
        #expect(metrics.contains("push_time_seconds{instance=\"\",job=\"curbside\"}"))
    }

    /// Once a version is published the build does not fail: a push that fails then is a warning naming the version.
    @Test func anUnreachablePushgatewayIsAWarningAfterPublishing() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let port = try Self.freePort()
        let result = try await SiteFixture.build(
            SiteFixture.options(folder), run: BuildRun(pushgateway: "http://127.0.0.1:\(port)", environment: [:]))
        #expect(result.outcome.published)
        #expect(result.notes.count == 1)
        let note = result.notes.first ?? ""
        #expect(
            note.hasPrefix(
                "warning: \(result.outcome.versionID) is published, but the metrics were not pushed: --pushgateway: PUT "
                    + "http://127.0.0.1:\(port)/metrics/job/curbside failed: could not connect ("))
        #expect(note.hasSuffix("); is a Pushgateway listening there?"))
        #expect(FileManager.default.fileExists(atPath: folder + "/site/latest/index.html"), "the version is published")
        #expect(FileManager.default.fileExists(atPath: folder + "/site/health/metrics.prom"))
    }
}
