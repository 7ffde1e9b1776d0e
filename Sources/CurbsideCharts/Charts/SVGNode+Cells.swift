/// The cells of heat maps and grid maps: a shaded square with its tooltip, or a crossed-out box for no data.
extension SVGNode {
    /// A cell with a value, shaded by `scale`, its `<title>` giving where it is and the exact value.
    static func cell(
        _ value: Double, scale: SequentialScale, x: Double, y: Double, width: Double, height: Double, title: String
    ) -> SVGNode {
        .element(
            "rect",
            [
                .number("x", x), .number("y", y), .number("width", max(0, width)), .number("height", max(0, height)),
                SVGAttribute("class", "cell " + scale.cssClass(for: value)),
            ],
            [.title(title)])
    }

    /// A cell without data: an outlined box crossed by one diagonal, so it never reads as the lightest shade
    /// (a zero). Drawn the same in the legend, with another class so it does not react to hovering.
    static func missingCell(
        x: Double, y: Double, width: Double, height: Double, title: String?, cssClass: String = "cell cell-missing"
    ) -> SVGNode {
        // Inset by half a stroke so the outline stays inside the cell and neighbours do not overlap.
        let inset = 0.5
        let box = SVGNode.rect(
            x: x + inset, y: y + inset, width: width - 2 * inset, height: height - 2 * inset, cssClass: "missing-box")
        let slash = SVGNode.line(
            x1: x + inset, y1: y + height - inset, x2: x + width - inset, y2: y + inset, cssClass: "missing-slash")
        return .group(cssClass, (title.map { [SVGNode.title($0)] } ?? []) + [box, slash])
    }
}
