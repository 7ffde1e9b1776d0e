import CurbsideCharts

/// A tag's attributes checked against what its kind allows, with typed reads that fail with the tag's line.
struct TagAttributes {
    let tag: Tag
    let file: String

    /// - Parameters:
    ///   - allowed: every attribute the tag takes, in the order messages list them.
    ///   - required: those it cannot do without.
    /// - Throws: `RenderError` for the first unknown attribute, then the first missing one.
    init(_ tag: Tag, file: String, allowed: [String], required: [String]) throws(RenderError) {
        self.tag = tag
        self.file = file
        for attribute in tag.attributes where !allowed.contains(attribute.name) {
            throw error(.unknownAttribute(tag: tag.kind.rawValue, attribute: attribute.name, allowed: allowed))
        }
        for name in required where self[name]?.trimmed.isEmpty ?? true {
            throw error(.missingAttribute(tag: tag.kind.rawValue, attribute: name))
        }
    }

    subscript(name: String) -> String? {
        tag.attributes.first { $0.name == name }?.value
    }

    /// A comma-separated attribute as trimmed items: `y="a, b"` → `["a", "b"]`.
    func list(_ name: String) -> [String]? {
        self[name].map { $0.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmed) }
    }

    func format(_ name: String) throws(RenderError) -> ValueFormat? {
        guard let text = self[name] else { return nil }
        return try format(named: text)
    }

    func formats(_ name: String) throws(RenderError) -> [ValueFormat]? {
        guard let names = list(name) else { return nil }
        var formats: [ValueFormat] = []
        for text in names { formats.append(try format(named: text)) }
        return formats
    }

    private func format(named text: String) throws(RenderError) -> ValueFormat {
        guard let format = ValueFormat(rawValue: text.trimmed) else {
            throw error(.badFormat(tag: tag.kind.rawValue, name: text))
        }
        return format
    }

    func error(_ reason: RenderError.Reason) -> RenderError {
        RenderError(file: file, line: tag.line, reason: reason)
    }

    func bad(_ attribute: String, _ problem: String) -> RenderError {
        error(.badAttribute(tag: tag.kind.rawValue, attribute: attribute, problem: problem))
    }
}
