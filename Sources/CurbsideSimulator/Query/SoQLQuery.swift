import Foundation

/// The SoQL parameters of one `/resource/<id>.json` request, parsed but not yet checked against a
/// dataset's columns.
struct SoQLQuery: Sendable {
    /// The portal's page size when `$limit` is not given.
    static let defaultLimit = 1000
    /// The largest `$limit` a SODA 2.0 endpoint accepts.
    static let maximumLimit = 50_000

    /// A `$where` condition or a `field=value` filter, with the text it was parsed from (errors
    /// point into that text).
    struct Condition: Sendable {
        var expression: SoQLExpression
        var text: String
    }

    var conditions: [Condition] = []
    var ordering: [SoQLOrderTerm] = []
    var orderText = ""
    /// Selected columns in order; nil for all columns.
    var selection: [(name: String, offset: Int)]?
    var selectText = ""
    var limit = defaultLimit
    var offset = 0

    /// Parses decoded query parameters (`$where`, `$order`, `$select`, `$limit`, `$offset`, and
    /// `field=value` equality filters; `$$…` parameters such as `$$app_token` are ignored).
    /// - Throws: `SoQLError` for a malformed clause, a bad number or an unsupported parameter.
    init(parameters: [(name: String, value: String)]) throws(SoQLError) {
        var seen: Set<String> = []
        for (name, value) in parameters where !name.hasPrefix("$$") {
            guard seen.insert(name).inserted else {
                throw SoQLError(reason: .invalidParameter, message: "Parameter \(name) is given more than once")
            }
            switch name {
            case "$where":
                conditions.append(Condition(expression: try SoQLParser.condition(from: value), text: value))
            case "$order":
                ordering = try SoQLParser.ordering(from: value)
                orderText = value
            case "$select":
                selection = try SoQLParser.selection(from: value)
                selectText = value
            case "$limit":
                limit = try Self.count(value, of: name)
                guard limit <= Self.maximumLimit else {
                    throw SoQLError(
                        reason: .invalidParameter,
                        message: "$limit must be at most \(Self.maximumLimit), not \(limit); page with $offset")
                }
            case "$offset":
                offset = try Self.count(value, of: name)
            case "$q", "$group", "$having", "$query", "$search":
                throw SoQLError(reason: .invalidParameter, message: "The portal simulator does not support \(name)")
            case let other where other.hasPrefix("$") || other.isEmpty:
                throw SoQLError(reason: .invalidParameter, message: "Unrecognized parameter \(other)")
            default:
                let filter = SoQLExpression.comparison(.column(name, offset: 0), .equal, .text(value))
                conditions.append(Condition(expression: filter, text: name))
            }
        }
    }

    private static func count(_ value: String, of name: String) throws(SoQLError) -> Int {
        guard let count = Int(value.trimmingCharacters(in: .whitespaces)), count >= 0 else {
            throw SoQLError(
                reason: .invalidParameter, message: "\(name) must be a whole number of rows, not \"\(value)\"")
        }
        return count
    }
}
