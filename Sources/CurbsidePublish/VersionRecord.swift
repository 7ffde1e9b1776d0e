import CurbsideModel

/// What publish needs to know about a version besides its files: who it is and what to show in `versions.json`.
public struct VersionRecord: Codable, Sendable, Hashable {
    /// Where a version's data came from.
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        /// Built with `--sample` from the rows bundled in the repository.
        case sample
        /// Built from the live portals.
        case live
    }

    /// The version's id, from ``VersionInputs/versionID``; its date must be `asOf`.
    public var id: VersionID
    /// The date the version's windows are measured from.
    public var asOf: Day
    /// Sample or live data.
    public var kind: Kind
    /// A few figures for the list of versions, in display order; labels must be distinct.
    public var headline: [HeadlineFigure]

    /// - Parameters:
    ///   - id: the version's id, `<asOf>-<hash>`.
    ///   - asOf: the date the version's windows are measured from.
    ///   - kind: sample or live data.
    ///   - headline: figures for the list of versions, in display order.
    public init(id: VersionID, asOf: Day, kind: Kind, headline: [HeadlineFigure] = []) {
        self.id = id
        self.asOf = asOf
        self.kind = kind
        self.headline = headline
    }
}

/// One headline figure of a version, already formatted for display: `Fines issued` → `$1,204,330.00`.
public struct HeadlineFigure: Codable, Sendable, Hashable {
    /// What the figure is, shown as the key in `versions.json`.
    public var label: String
    /// The figure as the site shows it.
    public var value: String

    /// - Parameters:
    ///   - label: what the figure is.
    ///   - value: the figure formatted for display.
    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

extension VersionRecord {
    /// What is wrong with `id` as the id of a version of `asOf`, or nil when nothing is.
    ///
    /// An id names a folder under `v/`, so it must be a plain segment: the as-of date, `-`, then `a-z0-9` only.
    static func idProblem(_ id: VersionID, asOf: Day) -> PublishError.VersionIDProblem? {
        let prefix = asOf.iso + "-"
        guard id.rawValue.hasPrefix(prefix) else { return .dateMismatch(asOf: asOf.iso) }
        let suffix = id.rawValue.utf8.dropFirst(prefix.utf8.count)
        let allowed = (UInt8(ascii: "a")...UInt8(ascii: "z"))
        guard !suffix.isEmpty, suffix.allSatisfy({ allowed.contains($0) || (48...57).contains($0) }) else {
            return .badSuffix
        }
        return nil
    }
}
