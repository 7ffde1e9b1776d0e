/// A config file that cannot be used: where (file, line, key) and why.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    public enum Reason: Equatable, Sendable {
        case unreadable(String)
        case syntax(String)
        case unknownKey(allowed: [String])
        case wrongType(expected: String, found: String)
        case outOfRange(String)
        /// A name the file gives that the warehouse lacks (found when it is read, not when the file is).
        case notInWarehouse(String)
    }

    public var file: String
    /// 1-based; nil when the fault is not at one place (an unreadable file).
    public var line: Int?
    /// Dotted path of the key at fault, `datasets.nyc.max_days_per_run`.
    public var key: String?
    public var reason: Reason

    public init(file: String, line: Int?, key: String?, reason: Reason) {
        self.file = file
        self.line = line
        self.key = key
        self.reason = reason
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        let subject = key.map { " key '\($0)'" } ?? ""
        switch reason {
        case .unreadable(let why):
            return "\(place): cannot read the config: \(why)"
        case .syntax(let problem):
            return "\(place): not valid YAML: \(problem)"
        case .unknownKey(let allowed):
            return "\(place):\(subject) is not a setting here; expected one of: \(allowed.joined(separator: ", "))"
        case .wrongType(let expected, let found):
            return "\(place):\(subject) must be \(expected), found \(found)"
        case .outOfRange(let rule), .notInWarehouse(let rule):
            return "\(place):\(subject) \(rule)"
        }
    }
}
