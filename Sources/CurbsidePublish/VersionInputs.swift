import CurbsideModel

/// Everything a version is a function of; its ``versionID`` changes whenever any of it does.
///
/// The id is `<as-of YYYY-MM-DD>-<first 10 hex digits of a SHA-256>`, e.g. `2026-11-01-3f9c2a71d0`. The hash runs
/// over a canonical encoding in which every string is written as `<UTF-8 byte count>:<bytes>` (so no two different
/// inputs can run together into the same bytes), in this order:
///
/// 1. the tag `curbside-version/1` (a new encoding gets a new tag rather than colliding with this one);
/// 2. `as_of` and the date, `kind` and `sample` or `live`;
/// 3. for each map (`data`, `content`, `templates`): its name, its entry count, then each key and value, keys in
///    UTF-8 byte order (so dictionary order never matters);
/// 4. `config` and the config hash, `program` and the program version;
/// 5. only when there is one, `previous` and the id of the version published before this one (the version shows
///    how its headline figures moved since that one, so the comparison is an input too; a first version's
///    encoding is the same as before this field existed).
///
/// Ten hex digits are 40 bits: an accidental collision needs about a million versions of the same day.
public struct VersionInputs: Sendable, Hashable {
    /// The date the windows are measured from.
    public var asOf: Day
    /// Sample or live data.
    public var kind: VersionRecord.Kind
    /// Content hashes of the data the version shows, by table or dataset name.
    public var dataHashes: [String: String]
    /// SHA-256 of each file under `content/`, by path relative to it.
    public var contentFiles: [String: String]
    /// SHA-256 of each file under `templates/`, by path relative to it.
    public var templateFiles: [String: String]
    /// A hash of the configuration that shapes the output.
    public var configHash: String
    /// The program's version, so a new release that renders differently makes a new version.
    public var programVersion: String
    /// The version this one is compared with (its headline deltas), or nil for a first version.
    public var previousVersion: VersionID?

    /// - Parameters:
    ///   - asOf: the date the windows are measured from.
    ///   - kind: sample or live data.
    ///   - dataHashes: content hashes of the data, by name.
    ///   - contentFiles: SHA-256 of each `content/` file, by relative path.
    ///   - templateFiles: SHA-256 of each `templates/` file, by relative path.
    ///   - configHash: a hash of the configuration.
    ///   - programVersion: the program's version.
    ///   - previousVersion: the version this one is compared with, or nil.
    public init(
        asOf: Day, kind: VersionRecord.Kind, dataHashes: [String: String], contentFiles: [String: String],
        templateFiles: [String: String], configHash: String, programVersion: String, previousVersion: VersionID? = nil
    ) {
        self.asOf = asOf
        self.kind = kind
        self.dataHashes = dataHashes
        self.contentFiles = contentFiles
        self.templateFiles = templateFiles
        self.configHash = configHash
        self.programVersion = programVersion
        self.previousVersion = previousVersion
    }

    /// The version's id: the as-of date and the first 10 hex digits of the hash described above.
    public var versionID: VersionID {
        VersionID("\(asOf.iso)-\(fullHash.prefix(10))")
    }

    /// The whole SHA-256 (64 hex digits) of the canonical encoding.
    public var fullHash: String {
        var hasher = SHA256Hasher()
        hasher.updateField("curbside-version/1")
        hasher.updateField("as_of")
        hasher.updateField(asOf.iso)
        hasher.updateField("kind")
        hasher.updateField(kind.rawValue)
        for (name, map) in [("data", dataHashes), ("content", contentFiles), ("templates", templateFiles)] {
            hasher.updateField(name)
            hasher.updateField(String(map.count))
            for (key, value) in map.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                hasher.updateField(key)
                hasher.updateField(value)
            }
        }
        hasher.updateField("config")
        hasher.updateField(configHash)
        hasher.updateField("program")
        hasher.updateField(programVersion)
        if let previousVersion {
            hasher.updateField("previous")
            hasher.updateField(previousVersion.rawValue)
        }
        return hasher.hex()
    }
}
