import NIOCore
import NIOHTTP1
import NIOPosix

/// `curbside preview`: the site folder on 127.0.0.1, for a look in a browser. Loopback only.
public final class PreviewServer {
    let root: String
    /// How long a connection may stay open without a request.
    let idleSeconds: Int64
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: (any Channel)?

    public init(root: String, idleSeconds: Int64 = 30) {
        self.root = root
        self.idleSeconds = idleSeconds
    }

    /// Binds to 127.0.0.1 (port 0 picks a free one). - Returns: the bound port.
    public func start(port: Int) async throws -> Int {
        let (root, idleSeconds) = (self.root, self.idleSeconds)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMapThrowing {
                    try channel.pipeline.syncOperations.addHandlers(
                        IdleStateHandler(allTimeout: .seconds(idleSeconds)),
                        StaticFileHandler(root: root))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
        self.channel = channel
        return channel.localAddress?.port ?? port
    }

    public func waitUntilClosed() async throws { try await channel?.closeFuture.get() }

    public func stop() async throws {
        try await channel?.close()
        try await group.shutdownGracefully()
    }
}
