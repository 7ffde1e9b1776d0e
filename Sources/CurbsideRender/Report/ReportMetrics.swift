/// The geometry of the printed report, in points: page, margins, type sizes and spacing.
///
/// The paginator estimates heights from these numbers and ``geometryCSS`` sets the same numbers in the report's
/// stylesheet, so the two cannot drift apart. `templates/report.css` styles everything else (colours, rules,
/// faces); it should not change sizes, or the page breaks stop matching the estimates.
enum ReportMetrics {
    static let mm = 72.0 / 25.4
    static let pageWidth = 210 * mm
    static let pageHeight = 297 * mm
    static let marginTop = 16 * mm
    static let marginBottom = 20 * mm
    static let marginSide = 18 * mm
    static let contentWidth = pageWidth - 2 * marginSide
    static let contentHeight = pageHeight - marginTop - marginBottom
    /// The share of a page the paginator fills; the rest absorbs the error of the estimates (other fonts,
    /// rounding), so that a page the paginator closes never spills onto another sheet.
    static let fill = 0.96
    /// A landscape page's column: drawings wider than any chart (the lineage graph) are printed on one.
    static let landscapeWidth = pageHeight - 2 * marginSide
    /// The tallest a drawing may be on a landscape page, leaving room for a heading and its caption.
    static let maxLandscapeFigureHeight = 140 * mm

    static let bodySize = 10.0
    static let bodyLeading = 14.0
    static let paragraphGap = 7.0
    static let titleSize = 20.0
    static let titleLeading = 24.0
    static let titleGap = 6.0
    static let ledeSize = 11.5
    static let ledeLeading = 16.0
    static let ledeGap = 14.0
    static let h3Size = 13.5
    static let h3Leading = 17.0
    static let h3Before = 14.0
    static let h3After = 6.0
    static let h4Size = 11.0
    static let h4Leading = 15.0
    static let h4Before = 10.0
    static let h4After = 5.0
    static let listIndent = 18.0
    static let itemGap = 3.0
    static let codeSize = 8.5
    static let codeLeading = 11.5
    static let codePadding = 6.0
    static let captionTitleSize = 10.5
    static let captionTitleLeading = 14.0
    static let captionSize = 8.5
    static let captionLeading = 11.0
    static let captionGap = 4.0
    static let figureBefore = 8.0
    static let figureAfter = 12.0
    static let cellSize = 8.5
    static let cellLeading = 11.0
    static let cellPaddingV = 2.5
    static let cellPaddingH = 4.0
    static let tocSize = 10.5
    static let tocLeading = 17.0
    /// The tallest a chart may be drawn; taller drawings shrink to fit, keeping their proportions.
    static let maxFigureHeight = 200 * mm

    /// The capacity of one page, in points.
    static var pageCapacity: Double { contentHeight * fill }

    /// The sizes above as CSS, ahead of `templates/report.css`.
    static var geometryCSS: String {
        func pt(_ value: Double) -> String { formatted(value) + "pt" }
        return """
            @page { size: A4; margin: \(pt(marginTop)) \(pt(marginSide)) \(pt(marginBottom)); }
            body { font-size: \(pt(bodySize)); line-height: \(pt(bodyLeading)); }
            .sheet p, .sheet li, .sheet blockquote { font-size: \(pt(bodySize)); line-height: \(pt(bodyLeading)); }
            .sheet p, .sheet ul, .sheet ol, .sheet blockquote { margin: 0 0 \(pt(paragraphGap)); }
            .sheet li { margin: 0 0 \(pt(itemGap)); }
            .sheet ul, .sheet ol { padding-left: \(pt(listIndent)); }
            .section-title { font-size: \(pt(titleSize)); line-height: \(pt(titleLeading)); margin: 0 0 \(pt(titleGap)); }
            .section-lede { font-size: \(pt(ledeSize)); line-height: \(pt(ledeLeading)); margin: 0 0 \(pt(ledeGap)); }
            .sheet h3 { font-size: \(pt(h3Size)); line-height: \(pt(h3Leading)); margin: \(pt(h3Before)) 0 \(pt(h3After)); }
            .sheet h4, .sheet h5 { font-size: \(pt(h4Size)); line-height: \(pt(h4Leading)); margin: \(pt(h4Before)) 0 \(pt(h4After)); }
            .sheet pre { font-size: \(pt(codeSize)); line-height: \(pt(codeLeading)); padding: \(pt(codePadding)); margin: 0 0 \(pt(paragraphGap)); }
            .chart-figure, .table-frame { margin: \(pt(figureBefore)) 0 \(pt(figureAfter)); }
            .figure-title { font-size: \(pt(captionTitleSize)); line-height: \(pt(captionTitleLeading)); }
            .provenance { font-size: \(pt(captionSize)); line-height: \(pt(captionLeading)); }
            figcaption, caption { margin-bottom: \(pt(captionGap)); }
            .chart-frame svg { max-height: \(pt(maxFigureHeight)); }
            @page landscape { size: A4 landscape; }
            .sheet.landscape { page: landscape; }
            .sheet.landscape .chart-frame svg { max-height: \(pt(maxLandscapeFigureHeight)); }
            .data-table th, .data-table td { font-size: \(pt(cellSize)); line-height: \(pt(cellLeading)); padding: \(pt(cellPaddingV)) \(pt(cellPaddingH)); }
            .toc li { font-size: \(pt(tocSize)); line-height: \(pt(tocLeading)); }

            """
    }

    /// A number for CSS: at most two decimals, no trailing zeros.
    static func formatted(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
