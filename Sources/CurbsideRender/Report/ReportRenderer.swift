import CurbsideCharts
import CurbsideModel
import Foundation
import Mustache

/// `report.html`: every page of a version in one self-contained file for print.
///
/// pages → ``ReportSectionBuilder`` (numbered headings, measured blocks) → ``ReportPaginator`` (pages) →
/// `templates/report.mustache` with `templates/report.css` inlined. A4 with margins, a cover, a contents page
/// that gives the page of every section and subsection, each section on a new page, page numbers in the
/// footer (CSS page-margin boxes), figures and table rows never split, table headers repeated. No external
/// request: styles and drawings are inline, and the Content-Security-Policy allows nothing else.
public struct ReportRenderer: Sendable {
    let templates: TemplateSet
    let stylesheet: String

    /// - Parameter templatesDirectory: the folder holding `report.mustache` and `report.css`.
    /// - Throws: `RenderError` naming the template that is missing or does not parse.
    public init(templatesDirectory: String) throws(RenderError) {
        templates = try TemplateSet.load(directory: templatesDirectory)
        guard templates.library.getTemplate(named: "report") != nil else {
            throw RenderError(
                file: templatesDirectory + "/report.mustache", line: nil, reason: .missingTemplate("report"))
        }
        let path = (templatesDirectory as NSString).appendingPathComponent("report.css")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RenderError(file: path, line: nil, reason: .unreadable("no such file; the report's stylesheet"))
        }
        stylesheet = String(decoding: data, as: UTF8.self)
    }

    /// The whole report.
    /// - Parameters:
    ///   - sections: the pages, in navigation order.
    ///   - context: the version's title, as-of, id, kind and sources.
    ///   - notes: the previous version and how the headline figures moved.
    /// - Returns: the HTML of `report.html`.
    public func html(sections: [PageContent], context: SiteContext, notes: VersionNotes) throws(RenderError) -> String {
        let layout = ReportLayout(sections: sections)
        var css = ReportMetrics.geometryCSS + Self.marginBoxes(context) + stylesheet
        if !css.hasSuffix("\n") { css += "\n" }
        css += layout.css
        let data: [String: Any] = [
            "lang": "en",
            "documentTitle": "\(context.siteTitle): report, data as of \(context.asOf.iso)",
            "siteTitle": context.siteTitle,
            "csp": ContentSecurityPolicy.selfContained(styleHash: ContentSecurityPolicy.hash(css)),
            "css": css,
            "asOf": context.asOf.iso,
            "asOfText": DateText.long(context.asOf),
            "versionID": context.versionID.rawValue,
            "isSample": context.isSample,
            "dataSources": context.dataSources,
            "hasDataSources": !context.dataSources.isEmpty,
            "pageCount": layout.pageCount,
            "contents": layout.contentsData,
            "sections": layout.sectionsData,
            "hasPrevious": notes.previousID != nil,
            "previousID": notes.previousID?.rawValue ?? "",
            "previousAsOf": notes.previousAsOf?.iso ?? "",
            "changes": notes.changes.map { change -> [String: Any] in
                [
                    "label": change.label, "value": change.value, "previous": change.previous ?? "—",
                    "delta": change.delta ?? "—",
                ]
            },
        ]
        guard let html = templates.library.render(data, withTemplate: "report") else {
            throw RenderError(file: "report.mustache", line: nil, reason: .missingTemplate("report"))
        }
        return html
    }

    /// The footer of every page but the cover: the version on the left, `Page 3 of 12` on the right.
    static func marginBoxes(_ context: SiteContext) -> String {
        let left = CSSText.string("\(context.siteTitle) · version \(context.versionID.rawValue)")
        return """
            @page { @bottom-left { content: \(left); } @bottom-right { content: "Page " counter(page) " of " counter(pages); } }
            @page :first { @bottom-left { content: none; } @bottom-right { content: none; } }

            """
    }
}
