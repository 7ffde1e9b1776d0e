import CurbsideModel

/// What ``Publisher/publish(_:files:)`` did with the version's folder.
public enum PublishOutcome: Sendable, Hashable {
    /// The folder `v/<id>/` was written.
    case published(VersionID)
    /// The folder already held exactly these files and was left alone: nothing new to publish.
    case unchanged(VersionID)

    /// The version either way.
    public var version: VersionID {
        switch self {
        case .published(let id), .unchanged(let id): return id
        }
    }
}
