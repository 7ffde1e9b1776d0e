import NIOConcurrencyHelpers

/// What every connection of one simulator shares: the router, the fault plan and the log of
/// requests. Safe to use from any event loop.
final class PortalService: Sendable {
    let router: PortalRouter
    /// Whether to gzip responses for clients that accept it.
    let gzip: Bool
    private let faults: FaultPlan
    private let state: NIOLockedValueBox<State>

    private struct State {
        var requestLog: [String] = []
        var faultCounts: [Int]
    }

    init(router: PortalRouter, faults: FaultPlan, gzip: Bool) {
        self.router = router
        self.gzip = gzip
        self.faults = faults
        self.state = NIOLockedValueBox(State(faultCounts: Array(repeating: 0, count: faults.rules.count)))
    }

    /// Logs a request and decides its fault, if any.
    func arrived(target: String) -> Fault? {
        state.withLockedValue { state in
            state.requestLog.append(target)
            return faults.fault(for: target, counts: &state.faultCounts)
        }
    }

    /// The response to a request, gzipped when the simulator does that and the client accepts it.
    func response(method: String, target: String, acceptEncoding: [String]) -> SimulatedResponse {
        var response = router.response(method: method, target: target)
        let accepts = acceptEncoding.contains { $0.lowercased().contains("gzip") }
        if gzip, accepts {
            response.body = GzipStored.encode(response.body)
            response.headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
        }
        return response
    }

    /// Request targets in arrival order.
    var requestLog: [String] {
        state.withLockedValue { $0.requestLog }
    }
}
