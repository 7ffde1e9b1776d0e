import Foundation
import NIOCore
import NIOHTTP1

/// Serves files of one folder over HTTP/1.1 for `curbside preview`: GET and HEAD only, folders
/// answer with their `index.html`, and no path can leave the folder.
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

    private func respond(to request: HTTPRequestHead, context: ChannelHandlerContext) {
        guard request.method == .GET || request.method == .HEAD else {
            return send(
                .methodNotAllowed, body: Array("only GET and HEAD\n".utf8), type: "text/plain", context: context,
                head: false)
        }
        guard let path = Self.filePath(for: request.uri, root: root) else {
            return send(.notFound, body: Array("not found\n".utf8), type: "text/plain", context: context, head: false)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return send(.notFound, body: Array("not found\n".utf8), type: "text/plain", context: context, head: false)
        }
        send(.ok, body: Array(data), type: Self.contentType(of: path), context: context, head: request.method == .HEAD)
    }

    private func send(
        _ status: HTTPResponseStatus, body: [UInt8], type: String, context: ChannelHandlerContext, head: Bool
    ) {
        var headers = HTTPHeaders()
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
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    /// The file a request path names inside `root`, or nil when it would leave it.
    static func filePath(for uri: String, root: String) -> String? {
        let rawPath = uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        guard let decoded = rawPath.removingPercentEncoding else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") }) else { return nil }
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
