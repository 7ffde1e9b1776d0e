/// One node of an SVG document: an element with ordered attributes and children, or text.
///
/// Charts are built from these values and never by gluing strings, so every text and attribute value passes
/// through ``SVGEscape`` exactly once, and the same tree always renders to the same bytes.
public enum SVGNode: Sendable, Hashable {
    /// An element such as `<rect x="0"/>`: its attributes render in the order given.
    case element(SVGElement)
    /// Character data; escaped when rendered.
    case text(String)

    /// An element node.
    /// - Parameters:
    ///   - name: the tag name, `rect`.
    ///   - attributes: name and value pairs, rendered in this order.
    ///   - children: child nodes, rendered in this order.
    public static func element(
        _ name: String, _ attributes: [SVGAttribute] = [], _ children: [SVGNode] = []
    ) -> SVGNode {
        .element(SVGElement(name: name, attributes: attributes, children: children))
    }

    /// Renders the node as SVG markup.
    ///
    /// An element whose children are all elements puts each child on its own line, so golden files diff well;
    /// an element holding text stays on one line, because white space inside `<text>` would show.
    public func render() -> String {
        var output = ""
        render(into: &output)
        return output
    }

    func render(into output: inout String) {
        switch self {
        case .text(let text):
            output += SVGEscape.text(text)
        case .element(let element):
            element.render(into: &output)
        }
    }
}

/// An SVG element: name, attributes in order, children in order.
public struct SVGElement: Sendable, Hashable {
    public var name: String
    public var attributes: [SVGAttribute]
    public var children: [SVGNode]

    /// - Parameters:
    ///   - name: the tag name.
    ///   - attributes: rendered in this order.
    ///   - children: rendered in this order.
    public init(name: String, attributes: [SVGAttribute] = [], children: [SVGNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    func render(into output: inout String) {
        output += "<" + name
        for attribute in attributes {
            output += " " + attribute.name + "=\"" + SVGEscape.attribute(attribute.value) + "\""
        }
        if children.isEmpty {
            output += "/>"
            return
        }
        output += ">"
        let blockLayout = children.allSatisfy {
            if case .element = $0 { return true }
            return false
        }
        for child in children {
            if blockLayout { output += "\n" }
            child.render(into: &output)
        }
        if blockLayout { output += "\n" }
        output += "</" + name + ">"
    }
}

/// One attribute of an SVG element; numbers are formatted by ``SVGNumber`` when made with ``number(_:_:)``.
public struct SVGAttribute: Sendable, Hashable {
    public var name: String
    public var value: String

    /// - Parameters:
    ///   - name: the attribute name, `class`.
    ///   - value: the raw value; it is escaped when rendered.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// An attribute holding a number in SVG's fixed, locale-free form (at most 2 decimals, never `-0`).
    public static func number(_ name: String, _ value: Double) -> SVGAttribute {
        SVGAttribute(name, SVGNumber.format(value))
    }
}
