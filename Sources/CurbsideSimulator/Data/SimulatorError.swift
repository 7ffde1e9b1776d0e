/// Why the simulator could not load a dataset or start serving.
public struct SimulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The rows are not a JSON array of objects; `offset` is the byte where that was noticed.
        case malformedRows(offset: Int, detail: String)
        /// Row `index` (0-based) is not a JSON object Foundation can parse.
        case rowNotAnObject(index: Int)
        /// Two datasets share an id.
        case duplicateDataset
        /// The server could not bind; `detail` is the system's message.
        case bindFailed(detail: String)
    }

    /// The dataset id (or the address, for `bindFailed`).
    public var dataset: String
    public var reason: Reason

    public init(dataset: String, reason: Reason) {
        self.dataset = dataset
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .malformedRows(let offset, let detail):
            return "simulated dataset \(dataset): rows are not a JSON array of objects (\(detail) at byte \(offset))"
        case .rowNotAnObject(let index):
            return "simulated dataset \(dataset): row \(index) is not a JSON object"
        case .duplicateDataset:
            return "simulated dataset \(dataset) is given twice; give each dataset once"
        case .bindFailed(let detail):
            return "portal simulator could not listen on \(dataset): \(detail)"
        }
    }
}
