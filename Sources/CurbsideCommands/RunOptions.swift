import CurbsideModel

/// Which built-in datasets a run covers (`--only nyc|chicago`).
public enum DatasetFamily: String, CaseIterable, Sendable {
    case nyc, chicago
}

/// Everything a run needs, resolved from the command line, the config file and the environment.
/// End-to-end tests build one directly.
public struct RunOptions: Sendable {
    public var configPath: String
    /// Whether the config file was named on the command line (then it must exist).
    public var configExplicit: Bool
    public var warehousePath: String?
    public var siteRoot: String
    public var portalURL: String?
    public var asOf: Day?
    public var only: DatasetFamily?
    public var sample: Bool
    /// The project folder holding `content/`, `templates/` and `samples/`.
    public var projectRoot: String
    /// How long to wait for another command to let go of the warehouse, in seconds (`--wait`); 0 stops at once.
    public var lockWait: Double

    public init(
        configPath: String = "curbside.yml", configExplicit: Bool = false, warehousePath: String? = nil,
        siteRoot: String = "site", portalURL: String? = nil, asOf: Day? = nil, only: DatasetFamily? = nil,
        sample: Bool = false, projectRoot: String = ".", lockWait: Double = 0
    ) {
        self.configPath = configPath
        self.configExplicit = configExplicit
        self.warehousePath = warehousePath
        self.siteRoot = siteRoot
        self.portalURL = portalURL
        self.asOf = asOf
        self.only = only
        self.sample = sample
        self.projectRoot = projectRoot
        self.lockWait = lockWait
    }

    /// `data/sample.sqlite` for `--sample`, `data/warehouse.sqlite` otherwise, unless `--warehouse` says.
    public var resolvedWarehousePath: String {
        warehousePath ?? (sample ? "data/sample.sqlite" : "data/warehouse.sqlite")
    }

    public func includes(_ family: DatasetFamily) -> Bool { only == nil || only == family }
}
