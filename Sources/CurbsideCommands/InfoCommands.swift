import ArgumentParser
import CurbsideModel
import CurbsidePublish
import Foundation

struct VersionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions", abstract: "List published versions, newest first.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let versions: [PublishedVersion]
        do {
            versions = try Publisher(siteRoot: global.site, retention: Int.max).versions()
        } catch {
            throw CommandError(.failed("\(error)"))
        }
        if versions.isEmpty {
            print("no versions published in \(global.site)/ yet; run 'curbside build'")
            return
        }
        for v in versions {
            let figures = v.record.headline.map { "\($0.label): \($0.value)" }.joined(separator: "; ")
            print("\(v.record.id)  as-of \(v.record.asOf.iso)  \(v.record.kind.rawValue)  \(figures)")
        }
    }
}

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash published files against their manifest: the named version, or every version and latest/.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A version id, e.g. 2026-11-01-3f9c2a71d0.")
    var version: String?

    func run() async throws {
        let report = Verifier().verify(siteRoot: global.site, version: version.map { VersionID($0) })
        print(report.description)
        if !report.isClean { throw ExitCode(1) }
    }
}

struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview", abstract: "Serve the site on 127.0.0.1 for a look.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The port on 127.0.0.1 (0 picks a free one).")
    var port = 8000

    func run() async throws {
        guard FileManager.default.fileExists(atPath: global.site + "/index.html") else {
            throw CommandError(
                .failed("\(global.site)/index.html: nothing published yet; run 'curbside build --sample' first"))
        }
        let server = PreviewServer(root: global.site)
        let bound = try await server.start(port: port)
        print("serving \(global.site)/ at http://127.0.0.1:\(bound)/ (Ctrl-C to stop)")
        try await server.waitUntilClosed()
    }
}
