import CurbsideCharts
import CurbsideModel

/// The values `layout.mustache` and its partials see. Text goes through `{{…}}` (escaped); only `body`, our
/// own generated HTML, is meant for `{{{…}}}`.
///
/// | key | value |
/// |-----|-------|
/// | `siteTitle`, `pageTitle`, `documentTitle` | text |
/// | `description`, `hasDescription` | the page's description |
/// | `isHome` | whether the page is `index.html` |
/// | `body` | the page's HTML |
/// | `nav` | `href`, `title`, `current` for each page but the home page |
/// | `isSample` | a build from the bundled sample rows |
/// | `asOf`, `asOfText` | `2025-06-10`, `June 10, 2025` |
/// | `versionID` | `2025-06-10-3f9c2a71d0` |
/// | `dataSources`, `hasDataSources` | the datasets' names |
enum LayoutData {
    static func values(page: ContentPage, body: String, context: SiteContext) -> [String: Any] {
        // The site title links home, so the navigation lists the other pages.
        let nav: [[String: Any]] = context.pages.filter { $0.slug != "index" }.map { item in
            ["href": item.href, "title": item.title, "current": item.slug == page.slug]
        }
        return [
            "siteTitle": context.siteTitle,
            "pageTitle": page.title,
            "documentTitle": page.isHome ? context.siteTitle : "\(page.title) · \(context.siteTitle)",
            "description": page.description,
            "hasDescription": !page.description.isEmpty,
            "isHome": page.isHome,
            "body": body,
            "nav": nav,
            "isSample": context.isSample,
            "asOf": context.asOf.iso,
            "asOfText": DateText.long(context.asOf),
            "versionID": context.versionID.rawValue,
            "dataSources": context.dataSources,
            "hasDataSources": !context.dataSources.isEmpty,
        ]
    }
}
