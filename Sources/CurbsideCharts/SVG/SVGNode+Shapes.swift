/// Shorthands for the few SVG elements the charts use; every value still goes through the escaping renderer.
extension SVGNode {
    /// `<svg>` root sized by its view box, so it scales to its container (`width="100%"`).
    static func svg(width: Double, height: Double, cssClass: String, _ children: [SVGNode]) -> SVGNode {
        .element(
            "svg",
            [
                SVGAttribute("xmlns", "http://www.w3.org/2000/svg"),
                SVGAttribute("viewBox", "0 0 \(SVGNumber.format(width)) \(SVGNumber.format(height))"),
                SVGAttribute("width", "100%"),
                SVGAttribute("role", "img"),
                SVGAttribute("class", cssClass),
                SVGAttribute("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"),
                SVGAttribute("font-size", SVGNumber.format(ChartMetrics.fontSize)),
            ], children)
    }

    /// `<g class="…">`.
    static func group(_ cssClass: String, _ children: [SVGNode]) -> SVGNode {
        .element("g", [SVGAttribute("class", cssClass)], children)
    }

    /// `<title>`: the accessible name of its parent, shown as a tooltip.
    static func title(_ text: String) -> SVGNode {
        .element("title", [], [.text(text)])
    }

    /// `<desc>`: the text alternative of its parent.
    static func desc(_ text: String) -> SVGNode {
        .element("desc", [], [.text(text)])
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, cssClass: String) -> SVGNode {
        .element(
            "rect",
            [
                .number("x", x), .number("y", y), .number("width", max(0, width)), .number("height", max(0, height)),
                SVGAttribute("class", cssClass),
            ])
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, cssClass: String) -> SVGNode {
        .element(
            "line",
            [
                .number("x1", x1), .number("y1", y1), .number("x2", x2), .number("y2", y2),
                SVGAttribute("class", cssClass), SVGAttribute("stroke", "currentColor"),
            ])
    }

    /// `<text>`; `anchor` is `start`, `middle` or `end`; `dy` shifts the baseline (`0.32em` centres on `y`).
    static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", dy: String? = nil, cssClass: String
    ) -> SVGNode {
        var attributes: [SVGAttribute] = [.number("x", x), .number("y", y)]
        if let dy { attributes.append(SVGAttribute("dy", dy)) }
        if anchor != "start" { attributes.append(SVGAttribute("text-anchor", anchor)) }
        attributes.append(SVGAttribute("class", cssClass))
        return .element("text", attributes, [.text(content)])
    }

    /// The same element with `attributes` after its own (text is returned unchanged).
    func appending(_ attributes: [SVGAttribute]) -> SVGNode {
        guard case .element(var element) = self else { return self }
        element.attributes += attributes
        return .element(element)
    }
}
