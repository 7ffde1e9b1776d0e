/// Everything `curbside.yml` says. Every field has a default, so an empty file is a valid config.
public struct CurbsideConfig: Sendable, Equatable {
    public var site = Site()
    public var ingest = Ingest()
    public var clean = Clean()
    public var nyc = NYC()
    public var chicago = Chicago()
    public var quality = Quality()
    public var model = Model()
    public var catalog = Catalog()

    public init() {}

    /// `catalog:`: one line on what a warehouse table (`table`) or column (`table.column`) holds, for the data
    /// catalog page. Keys name tables the config reader cannot see, so rendering checks them against the warehouse.
    public struct Catalog: Sendable, Equatable {
        /// `table` or `table.column` → its description.
        public var descriptions: [String: String] = [:]
        /// The line of each key in the file, for the errors found when the warehouse is read.
        public var lines: [String: Int] = [:]
        public init() {}
    }

    /// The hit-and-run classifier trained on Chicago's crashes (DESIGN.md, *Train*).
    public struct Model: Sendable, Equatable {
        public var enabled = true
        /// The oldest share of the window's crashes trains; the next `validationFraction` validates; the rest tests.
        public var trainFraction = 0.70
        public var validationFraction = 0.15
        public var maxDepth = 6
        public var learningRate = 0.1
        public var rounds = 300
        public var minChildWeight = 5.0
        public var lambda = 1.0
        public var minSplitGain = 0.0
        public var subsample = 1.0
        public var colsampleByTree = 1.0
        public var earlyStoppingRounds = 30
        public var scalePosWeight = 1.0
        public var maxBins = 256
        public var seed = 7
        public init() {}
    }

    public struct Quality: Sendable, Equatable {
        /// Check id → the largest value that may still publish (see `QualityCatalog`).
        public var gates = QualityCatalog.defaultGates
        public init() {}
    }

    public struct Site: Sendable, Equatable {
        /// Shown in every page's header and the report's cover.
        public var title = "Curbside"
        /// Where the site will be served; used in versions.json. Pages themselves use relative links.
        public var baseURL = ""
        /// The newest N versions are kept under `site/v/`; older ones are removed.
        public var retention = 30
        /// How long one page query may run before the render stops with an error naming it.
        public var queryTimeoutSeconds = 60.0
        public init() {}
    }

    /// `clean:`: limits every row meets before a cleaner reads it.
    public struct Clean: Sendable, Equatable {
        /// The longest text value (a JSON string, in bytes as the portal sent it) a row may hold; a row with a longer
        /// one goes to quarantine (`text_too_long`).
        public var maxTextBytes = 4_096
        public init() {}
    }

    public struct Ingest: Sendable, Equatable {
        /// `$limit` of each page, at most 50,000 (the portal's own cap).
        public var pageSize = 50_000
        /// Requests in flight at once, across datasets.
        public var concurrency = 4
        public var connectTimeoutSeconds = 15
        public var timeoutSeconds = 300
        /// Attempts per request before the dataset stops.
        public var maxAttempts = 6
        public init() {}
    }

    public struct NYC: Sendable, Equatable {
        public var enabled = true
        public var portalURL = "https://data.cityofnewyork.us"
        public var datasetID = "nc67-uf89"
        /// The window runs from as-of − `windowStartDays` to as-of − `windowEndDays`, both included.
        public var windowStartDays = 61
        public var windowEndDays = 31
        /// Missing days fetched per run, oldest first; 0 means all.
        public var maxDaysPerRun = 14
        /// A day fetched more than this many days ago (wall clock) is fetched again.
        public var refreshAfterDays = 7
        public init() {}
    }

    public struct Chicago: Sendable, Equatable {
        public var enabled = true
        public var portalURL = "https://data.cityofchicago.org"
        public var crashesID = "85ca-t3if"
        public var vehiclesID = "68nd-jvt3"
        public var peopleID = "u6pd-qa9d"
        public var backfillDays = 365
        public init() {}
    }
}
