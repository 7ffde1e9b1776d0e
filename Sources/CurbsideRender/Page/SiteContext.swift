import CurbsideModel

/// What every page of a version shares: the site's name, the as-of date, the version and where the data is from.
///
/// Nothing here comes from the clock, so the same context renders the same bytes on any machine.
public struct SiteContext: Sendable, Hashable {
    public var siteTitle: String
    /// The date the data windows are measured from; captions and the footer cite it.
    public var asOf: Day
    public var versionID: VersionID
    /// Whether the build is from the bundled sample rows: every page then shows a "sample data" banner.
    public var isSample: Bool
    /// The navigation, in order.
    public var pages: [NavItem]
    /// The datasets the version was built from, `NYC Open Parking and Camera Violations (nc67-uf89)`.
    public var dataSources: [String]

    public init(
        siteTitle: String, asOf: Day, versionID: VersionID, isSample: Bool, pages: [NavItem], dataSources: [String]
    ) {
        self.siteTitle = siteTitle
        self.asOf = asOf
        self.versionID = versionID
        self.isSample = isSample
        self.pages = pages
        self.dataSources = dataSources
    }
}

/// One entry of the site navigation.
public struct NavItem: Sendable, Hashable {
    public var slug: String
    public var title: String

    public init(slug: String, title: String) {
        self.slug = slug
        self.title = title
    }

    /// The page's file, relative to the version folder: `nyc.html`.
    public var href: String { slug + ".html" }

    /// The navigation for `pages`: ordered by `order`, then slug, as ``ContentParser/pages(from:)`` returns them.
    public static func items(for pages: [ContentPage]) -> [NavItem] {
        pages.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }.map { NavItem(slug: $0.slug, title: $0.title) }
    }
}
