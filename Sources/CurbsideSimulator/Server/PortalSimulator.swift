import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// An in-process Socrata portal on loopback, serving simulated datasets over HTTP/1.1.
///
/// Requests flow: socket → NIO HTTP/1.1 decoder → `PortalHandler` → `PortalRouter` (SoQL parser →
/// evaluator → rows) → one response buffer. It answers `GET /resource/<id>.json` with SoQL
/// parameters and `GET /api/views/<id>.json` with metadata, and refuses queries with the portal's
/// own error bodies. A `FaultPlan` makes chosen requests fail.
///
/// ```swift
/// let portal = PortalSimulator(datasets: [dataset])
/// let baseURL = try await portal.start()  // http://127.0.0.1:PORT
/// defer { Task { try await portal.stop() } }
/// ```
public final class PortalSimulator: Sendable {
    private let service: PortalService
    private let duplicateID: String?
    private let host: String
    private let port: Int
    private let running: NIOLockedValueBox<Running?>

    private struct Running {
        var group: MultiThreadedEventLoopGroup
        var channel: any Channel
        var baseURL: String
    }

    /// A simulator that will serve `datasets` once started.
    /// - Parameters:
    ///   - datasets: the datasets, by id; ids must be unique (`start()` throws otherwise).
    ///   - faults: which requests fail, and how; none by default.
    ///   - gzip: gzip responses for clients that send `Accept-Encoding: gzip`, as the real portal
    ///     does (stored blocks: this tests decoding, it does not save bytes); off by default.
    ///   - host: the address to listen on; loopback by default.
    ///   - port: the port; 0 (the default) lets the system choose a free one.
    public init(
        datasets: [SimulatedDataset], faults: FaultPlan = .none, gzip: Bool = false, host: String = "127.0.0.1",
        port: Int = 0
    ) {
        var seen: Set<String> = []
        self.duplicateID = datasets.first { !seen.insert($0.id).inserted }?.id
        self.service = PortalService(router: PortalRouter(datasets: datasets), faults: faults, gzip: gzip)
        self.host = host
        self.port = port
        self.running = NIOLockedValueBox(nil)
    }

    /// Starts listening; when already running, only returns the base URL.
    /// - Returns: the base URL to put before `/resource/…`, such as `http://127.0.0.1:49152`.
    /// - Throws: `SimulatorError` when a dataset id is given twice or the address cannot be bound.
    public func start() async throws -> String {
        if let duplicateID { throw SimulatorError(dataset: duplicateID, reason: .duplicateDataset) }
        if let baseURL { return baseURL }
        service.router.warm()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let service = self.service
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(PortalHandler(service: service))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.bind(host: host, port: port).get()
        } catch {
            try? await group.shutdownGracefully()
            throw SimulatorError(dataset: "\(host):\(port)", reason: .bindFailed(detail: "\(error)"))
        }
        let baseURL = "http://\(host):\(channel.localAddress?.port ?? port)"
        let winner = running.withLockedValue { running -> String? in
            if let running { return running.baseURL }
            running = Running(group: group, channel: channel, baseURL: baseURL)
            return nil
        }
        if let winner {
            // Another caller started it meanwhile: keep theirs.
            try? await channel.close()
            try? await group.shutdownGracefully()
            return winner
        }
        return baseURL
    }

    /// Stops listening, closes open connections and ends the simulator's threads. Does nothing when
    /// it is not running.
    public func stop() async throws {
        guard
            let stopping = running.withLockedValue({ running in
                defer { running = nil }
                return running
            })
        else {
            return
        }
        try? await stopping.channel.close()
        try await stopping.group.shutdownGracefully()
    }

    /// The base URL while running, such as `http://127.0.0.1:49152`.
    public var baseURL: String? {
        running.withLockedValue { $0?.baseURL }
    }

    /// Every request target received (path and query, as sent), in arrival order.
    public var requestLog: [String] {
        service.requestLog
    }
}
