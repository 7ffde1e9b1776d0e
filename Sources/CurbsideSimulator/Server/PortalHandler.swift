import NIOCore
import NIOHTTP1

/// One connection's HTTP/1.1 handler: reads a request, asks the service, writes the response in one
/// piece (head, one body buffer, end), or acts out the request's fault.
final class PortalHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let service: PortalService
    private var head: HTTPRequestHead?

    init(service: PortalService) {
        self.service = service
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body:
            break
        case .end:
            guard let head else { return }
            self.head = nil
            let fault = service.arrived(target: head.uri)
            act(out: fault, for: head, context: context)
        }
    }

    private func act(out fault: Fault?, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        switch fault {
        case nil:
            respond(to: head, with: answer(head), context: context)
        case .status(let status, let retryAfter):
            var response = SimulatedResponse.error(
                status, code: "simulated_fault", message: "Simulated fault: HTTP \(status)")
            if let retryAfter { response.headers.append(("Retry-After", retryAfter)) }
            respond(to: head, with: response, context: context)
        case .truncatedBody(let keepingBytes):
            var response = answer(head)
            let promised = response.body.readableBytes
            response.body = response.body.getSlice(at: 0, length: min(keepingBytes, promised)) ?? ByteBuffer()
            respond(to: head, with: response, context: context, contentLength: promised, close: true)
        case .dropConnection:
            context.close(promise: nil)
        case .malformedJSON, .duplicateRows, .extraField, .missingField:
            var response = answer(head)
            if response.status == 200, let bytes = response.body.getBytes(at: 0, length: response.body.readableBytes) {
                let rewritten = BodyRewrite.apply(fault!, to: bytes)
                response.body = ByteBuffer(bytes: rewritten)
            }
            respond(to: head, with: response, context: context)
        case .delay(let seconds):
            let response = answer(head)
            context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(Int64(seconds * 1e9))) {
                guard context.channel.isActive else { return }
                self.respond(to: head, with: response, context: context)
            }
        }
    }

    private func answer(_ head: HTTPRequestHead) -> SimulatedResponse {
        service.response(
            method: head.method.rawValue, target: head.uri, acceptEncoding: head.headers["Accept-Encoding"])
    }

    private func respond(
        to request: HTTPRequestHead, with response: SimulatedResponse, context: ChannelHandlerContext,
        contentLength: Int? = nil, close: Bool = false
    ) {
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        headers.add(name: "Content-Length", value: String(contentLength ?? response.body.readableBytes))
        let keepAlive = request.isKeepAlive && !close
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        let head = HTTPResponseHead(
            version: request.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        let body = request.method == .HEAD ? ByteBuffer() : response.body
        let written: EventLoopFuture<Void>
        if close {
            // No `.end`: the body stops short of what Content-Length promised.
            written = context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(body))))
        } else {
            if body.readableBytes > 0 { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
            written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        }
        if !keepAlive {
            written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
