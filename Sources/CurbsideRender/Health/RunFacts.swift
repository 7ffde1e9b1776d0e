import CurbsideModel

/// What the warehouse knows about one run: the `runs` row and its `fetches`, by dataset.
///
/// Run facts depend on the clock and the network, so they never enter a version: they feed the health page and
/// `metrics.prom`.
public struct RunFacts: Sendable, Hashable {
    /// HTTP attempts of one dataset in one run, from the `fetches` table.
    public struct Fetches: Sendable, Hashable {
        /// Every attempt.
        public var requests: Int
        /// Attempts after the first for the same request.
        public var retries: Int
        /// Attempts that got no response or an error status.
        public var errors: Int
        /// Bytes received.
        public var bytes: Int

        public init(requests: Int = 0, retries: Int = 0, errors: Int = 0, bytes: Int = 0) {
            self.requests = requests
            self.retries = retries
            self.errors = errors
            self.bytes = bytes
        }
    }

    public var id: Int64
    /// `build`, `ingest`, …
    public var command: String
    public var asOf: Day?
    public var sample: Bool
    /// Unix seconds.
    public var startedAt: Double
    /// Unix seconds; nil while running, or for a run whose process ended without an outcome (`abandoned`).
    public var finishedAt: Double?
    /// `running`, `succeeded`, `failed`, `refused` or `abandoned`.
    public var status: String
    public var error: String?
    /// Seconds per stage (`ingest`, `clean`, `aggregate`, `render`, `publish`).
    public var stageSeconds: [String: Double]
    /// The run's counters, `<dataset>.<name>` → value (`nyc.rows_fetched`).
    public var counters: [String: Int]
    public var versionID: String?
    /// HTTP attempts by dataset.
    public var fetches: [String: Fetches]
    /// The data-quality checks measured in the run: score by check id (1 is perfect).
    public var qualityScores: [String: Double] = [:]
    /// The checks whose gate refused to publish in the run.
    public var failedGates: [String] = []

    /// The mean score of the checks whose id starts with `<prefix>.` (`nyc`, `chicago`), when there are any.
    public func meanQualityScore(_ prefix: String) -> Double? {
        let scores = qualityScores.filter { $0.key.hasPrefix(prefix + ".") }.map(\.value)
        return scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
    }

    public init(
        id: Int64, command: String, asOf: Day?, sample: Bool, startedAt: Double, finishedAt: Double?, status: String,
        error: String?, stageSeconds: [String: Double], counters: [String: Int], versionID: String?,
        fetches: [String: Fetches]
    ) {
        self.id = id
        self.command = command
        self.asOf = asOf
        self.sample = sample
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.error = error
        self.stageSeconds = stageSeconds
        self.counters = counters
        self.versionID = versionID
        self.fetches = fetches
    }

    /// Seconds from start to finish, when finished.
    public var duration: Double? { finishedAt.map { $0 - startedAt } }

    /// The datasets the run's counters and fetches name, sorted.
    public var datasets: [String] {
        let fromCounters = counters.keys.compactMap { key in key.split(separator: ".").first.map(String.init) }
        return Array(Set(fromCounters).union(fetches.keys)).sorted()
    }

    /// The counter `<dataset>.<name>`, or 0.
    public func counter(_ dataset: String, _ name: String) -> Int {
        counters["\(dataset).\(name)"] ?? 0
    }

    /// Every counter of a name summed over datasets.
    public func total(_ name: String) -> Int {
        datasets.reduce(0) { $0 + counter($1, name) }
    }

    /// The share of the rows cleaned in this run that passed every rule, in percent; nil when none were cleaned.
    public func quality(_ dataset: String) -> Double? {
        let cleaned = counter(dataset, "rows_cleaned")
        guard cleaned > 0 else { return nil }
        return 100 * Double(cleaned - counter(dataset, "quarantined")) / Double(cleaned)
    }

    /// `2026-11-22 06:17:04 UTC`.
    public static func time(_ unixSeconds: Double) -> String {
        let day = Day(unixSeconds: unixSeconds)
        let seconds = Int((unixSeconds - day.unixSeconds).rounded(.down))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(day.iso) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)) UTC"
    }

    /// `0.42 s`, `12.3 s`, `3 min 05 s`.
    public static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return "\(SVGNumberText.decimals(seconds, 2)) s" }
        if seconds < 120 { return "\(SVGNumberText.decimals(seconds, 1)) s" }
        let whole = Int(seconds.rounded())
        return "\(whole / 60) min \(whole % 60 < 10 ? "0" : "")\(whole % 60) s"
    }
}

/// Fixed-decimal text without locale.
enum SVGNumberText {
    static func decimals(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let units = Int((value * scale).rounded())
        let whole = units / Int(scale)
        let fraction = String(units % Int(scale))
        return places == 0
            ? String(whole) : "\(whole).\(String(repeating: "0", count: places - fraction.count))\(fraction)"
    }
}
