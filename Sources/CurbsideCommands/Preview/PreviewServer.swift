import NIOCore
import NIOHTTP1
import NIOPosix

/// `curbside preview`: the site folder on 127.0.0.1, for a look in a browser. Loopback only.
final class PreviewServer {
    let root: String
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: (any Channel)?

    init(root: String) { self.root = root }

    /// Binds to 127.0.0.1 (port 0 picks a free one). - Returns: the bound port.
    func start(port: Int) async throws -> Int {
        let root = self.root
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(StaticFileHandler(root: root))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
        self.channel = channel
        return channel.localAddress?.port ?? port
    }

    func waitUntilClosed() async throws { try await channel?.closeFuture.get() }

    func stop() async throws {
        try await channel?.close()
        try await group.shutdownGracefully()
    }
}
