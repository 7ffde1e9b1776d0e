import CurbsideModel
import CurbsideRender
import Foundation

/// What the page targets render with: the repository's templates and a fixed site context.
public enum FuzzSite {
    /// The repository's root, from this file's place in it (`Fuzz/Sources/FuzzSupport/`), unless
    /// `CURBSIDE_ROOT` names it.
    public static var root: String {
        if let root = ProcessInfo.processInfo.environment["CURBSIDE_ROOT"] { return root }
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }

    /// The renderer of the repository's `templates/`; the run stops when they do not load.
    public static let renderer: PageRenderer = {
        do {
            return try PageRenderer(templatesDirectory: root + "/templates")
        } catch {
            fatalError("the fuzz targets need the repository's templates/: \(error)")
        }
    }()

    public static let asOf = Day(ordinal: 20_200)

    public static func context(for page: ContentPage) -> SiteContext {
        SiteContext(
            siteTitle: "Curbside", asOf: asOf, versionID: VersionID("2025-05-20T00-00-00Z"), isSample: true,
            pages: NavItem.items(for: [page]), dataSources: ["Fuzz (fuzz-0001)"])
    }
}
