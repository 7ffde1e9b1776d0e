/// One field of a row as the query engine sees it. A missing key is SQL `NULL` and has no value.
enum FieldValue: Sendable, Hashable {
    /// A scalar, as the text the portal sent (Socrata sends every value as a string).
    case text(String)
    /// A nested object or array (`summons_image`, `location`): present, but not comparable.
    case structured

    /// The text, or nil for a structured value.
    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}
