import CurbsideCharts
import Testing

@Suite("SVG builder")
struct SVGNodeTests {
    @Test("text and attribute values are escaped")
    func escaping() {
        let node = SVGNode.element(
            "text", [SVGAttribute("class", "\"quoted\" & <b>")], [.text("<script>alert(1)</script>")])
        #expect(
            node.render()
                == "<text class=\"&quot;quoted&quot; &amp; &lt;b&gt;\">&lt;script&gt;alert(1)&lt;/script&gt;</text>")
    }

    @Test("apostrophes are escaped too")
    func apostrophe() {
        #expect(SVGNode.text("it's").render() == "it&#39;s")
    }

    @Test("attributes keep their order; element children go on their own lines; text stays inline")
    func layout() {
        let node = SVGNode.element(
            "g", [SVGAttribute("z", "1"), SVGAttribute("a", "2")],
            [.element("rect", [.number("x", 1.5)]), .element("text", [], [.text("hi")])])
        #expect(node.render() == "<g z=\"1\" a=\"2\">\n<rect x=\"1.5\"/>\n<text>hi</text>\n</g>")
    }

    @Test(
        "numbers: fixed decimals, no trailing zeros, never -0",
        arguments: [
            (0.0, "0"), (-0.0, "0"), (-0.001, "0"), (1.0, "1"), (12.5, "12.5"), (3.14159, "3.14"),
            (-2.345, "-2.35"), (100.0 / 3.0, "33.33"), (1_234_567.891, "1234567.89"), (Double.nan, "0"),
            (Double.infinity, "0"), (0.005, "0.01"),
            // Found by fuzzing: a value past Int64 trapped converting to it.
            (9.5e15, "9500000000000000"), (-9.2e18, "-9200000000000000000"), (1e19, "1e+19"), (-1e308, "-1e+308"),
        ])
    func numbers(value: Double, expected: String) {
        #expect(SVGNumber.format(value) == expected)
    }
}
