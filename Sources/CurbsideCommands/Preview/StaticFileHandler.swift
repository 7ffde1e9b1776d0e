import Foundation
import NIOCore
import NIOHTTP1

/// Serves files of one folder over HTTP/1.1 for `curbside preview`: GET and HEAD only, folders
/// answer with their `index.html`, no path can leave the folder, and hidden names (`.publish.lock`, `.staging-*`,
/// a `.env` someone left there) are not served. A request asking for `Connection: close` (or an HTTP/1.0 one without
/// keep-alive) is answered and its connection closed; a connection idle for
/// ``PreviewServer/idleSeconds`` is closed.
final class StaticFileHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let root: String
    private var head: HTTPRequestHead?

    init(root: String) { self.root = root }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request): head = request
        case .body: break
        case .end:
            guard let request = head else { return }
            respond(to: request, context: context)
            head = nil
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func respond(to request: HTTPRequestHead, context: ChannelHandlerContext) {
        guard request.method == .GET || request.method == .HEAD else {
            return send(
                .methodNotAllowed, body: Array("only GET and HEAD\n".utf8), type: "text/plain", context: context,
                head: false, keepAlive: request.isKeepAlive)
        }
        guard let path = Self.filePath(for: request.uri, root: root) else {
            return send(
                .notFound, body: Array("not found\n".utf8), type: "text/plain", context: context, head: false,
                keepAlive: request.isKeepAlive)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return send(
                .notFound, body: Array("not found\n".utf8), type: "text/plain", context: context, head: false,
                keepAlive: request.isKeepAlive)
        }
        send(
            .ok, body: Array(data), type: Self.contentType(of: path), context: context, head: request.method == .HEAD,
            keepAlive: request.isKeepAlive)
    }

    private func send(
        _ status: HTTPResponseStatus, body: [UInt8], type: String, context: ChannelHandlerContext, head: Bool,
        keepAlive: Bool
    ) {
        var headers = HTTPHeaders()
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        headers.add(name: "Content-Type", value: type)
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Cache-Control", value: "no-store")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if !head {
            var buffer = context.channel.allocator.buffer(capacity: body.count)
            buffer.writeBytes(body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// The file a request path names inside `root`, or nil when it would leave it.
    static func filePath(for uri: String, root: String) -> String? {
        let rawPath = uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        guard let decoded = rawPath.removingPercentEncoding else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0.hasPrefix(".") || $0.contains("\0") }) else { return nil }
        var path = ([root] + segments.map(String.init)).joined(separator: "/")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            path += "/index.html"
        }
        return path
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "pdf": return "application/pdf"
        case "prom", "txt", "md": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
