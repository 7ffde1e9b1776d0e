import ArgumentParser
import CurbsideModel
import Foundation
import Logging

/// `curbside`: the root command. Its subcommands are the contract of DESIGN.md.
public struct CurbsideCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "curbside",
        abstract: "Turn city open data into a versioned static site and a print-ready report.",
        version: ProgramVersion.current,
        subcommands: [
            BuildCommand.self, IngestCommand.self, CleanCommand.self, AggregateCommand.self, RenderCommand.self,
            PublishCommand.self, VersionsCommand.self, VerifyCommand.self, PreviewCommand.self, SimulateCommand.self,
            TrainCommand.self,
        ])

    public init() {}
}

/// The executable's entry point: runs the command and maps errors to the documented exit codes.
public enum CurbsideMain {
    public static func main() async {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel =
                ProcessInfo.processInfo.environment["CURBSIDE_LOG"].flatMap { Logger.Level(rawValue: $0) } ?? .info
            return handler
        }
        do {
            var command = try CurbsideCommand.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CommandError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(error.exitCode)
        } catch {
            CurbsideCommand.exit(withError: error)
        }
    }
}

/// Runs a pipeline-based command: builds the pipeline, records the run, stops the simulator.
func withPipeline(
    _ global: GlobalOptions, command: String, _ body: (Pipeline) async throws -> Void
) async throws {
    let logger = Logger(label: "curbside")
    let pipeline = try Pipeline(
        options: global.runOptions, logger: logger, say: { print($0) })
    try await pipeline.recordRun(command: command) { try await body(pipeline) }
}
