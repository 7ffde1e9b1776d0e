import NIOCore

/// What the simulator answers to one request: status, headers in order, and the whole body.
public struct SimulatedResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    var body: ByteBuffer

    /// A JSON body made by the simulator itself.
    static func json(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> SimulatedResponse
    {
        SimulatedResponse(
            status: status, headers: [("Content-Type", "application/json;charset=utf-8")] + headers,
            body: ByteBuffer(string: text))
    }

    /// A Socrata error body: `{"code":…,"error":true,"message":…}`.
    static func error(_ status: Int, code: String, message: String) -> SimulatedResponse {
        json(
            status,
            JSONText.object([("code", JSONText.quoted(code)), ("error", "true"), ("message", JSONText.quoted(message))])
        )
    }

    /// The value of the first header called `name`, in any case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as text, for tests and diagnostics.
    public var bodyText: String {
        String(buffer: body)
    }
}
