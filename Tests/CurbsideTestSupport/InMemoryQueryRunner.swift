import CurbsideModel

/// A `QueryRunner` that answers from tables registered by SQL text, for rendering tests without a warehouse.
///
/// SQL is matched after collapsing white space, so a page's indented `|` block matches a one-line key.
/// Unregistered SQL fails like SQLite would, with `no such table: <first table after FROM>`.
public struct InMemoryQueryRunner: QueryRunner {
    /// An error whose description is the message given, as SQLite's errors are.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    private var tables: [String: QueryTable] = [:]
    private var failures: [String: String] = [:]

    public init() {}

    /// - Parameter results: SQL → the table it returns.
    public init(_ results: [String: QueryTable]) {
        for (sql, table) in results { tables[Self.normalized(sql)] = table }
    }

    /// Registers the table `sql` returns.
    public mutating func register(_ sql: String, _ table: QueryTable) {
        tables[Self.normalized(sql)] = table
    }

    /// Makes `sql` fail with `message`.
    public mutating func fail(_ sql: String, message: String) {
        failures[Self.normalized(sql)] = message
    }

    public func run(_ sql: String) throws -> QueryTable {
        let key = Self.normalized(sql)
        if let message = failures[key] { throw Failure(message) }
        if let table = tables[key] { return table }
        let words = key.split(separator: " ")
        let table = words.firstIndex { $0.uppercased() == "FROM" }.flatMap {
            words.indices.contains($0 + 1) ? words[$0 + 1] : nil
        }
        throw Failure("no such table: \(table ?? "?")")
    }

    static func normalized(_ sql: String) -> String {
        sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
