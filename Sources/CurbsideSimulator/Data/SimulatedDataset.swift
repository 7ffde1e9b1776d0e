import CurbsideModel

/// A dataset the portal simulator serves: rows exactly as Socrata sends them, plus the metadata the
/// portal reports about it.
///
/// Rows are split into byte slices once, when loaded, and each row is read once for its field values
/// (with `FlatJSON`, the reader ingestion uses: 12× Foundation's speed on 20 MB of NYC rows);
/// responses are made of the original slices, so a row goes out byte for byte as it came in.
public struct SimulatedDataset: Sendable {
    /// A column as the portal describes it.
    public struct Column: Sendable, Equatable {
        public var fieldName: String
        public var type: ColumnType
    }

    /// The four-by-four id, `nc67-uf89`.
    public let id: String
    /// The human name shown in metadata.
    public let name: String
    /// UNIX seconds of the last change, reported as `rowsUpdatedAt` and `Last-Modified`.
    public let rowsUpdatedAt: Int
    /// Columns in order of first appearance in the rows, then declared-only columns by name.
    public let columns: [Column]
    /// The number of rows.
    public let rowCount: Int
    let rowsJSON: [UInt8]
    /// Each row's byte range in `rowsJSON`.
    let rowRanges: [Range<Int>]
    /// Each column's values by row index, system fields included; nil is NULL (a missing key).
    let columnValues: [String: [FieldValue?]]
    let types: [String: ColumnType]
    /// Ranks and indexes per column, built on first use.
    let cache = ColumnCache()

    /// Loads a dataset.
    /// - Parameters:
    ///   - id: the dataset id in URLs (`/resource/<id>.json`).
    ///   - name: the name shown in metadata.
    ///   - rowsJSON: a JSON array of flat objects exactly as Socrata sends them: values are strings,
    ///     nested objects are allowed, a null is a missing key.
    ///   - columnTypes: types of columns; an undeclared column is text (or url/point when its values
    ///     are objects). Declare `.number` for columns that must compare numerically.
    ///   - rowsUpdatedAt: UNIX seconds of the last change.
    /// - Throws: `SimulatorError` when the rows are not a JSON array of objects.
    public init(
        id: String, name: String, rowsJSON: [UInt8], columnTypes: [String: ColumnType] = [:], rowsUpdatedAt: Int
    ) throws {
        let ranges: [Range<Int>]
        do {
            ranges = try JSONSlicer.elements(ofArray: rowsJSON)
        } catch {
            throw SimulatorError(dataset: id, reason: .malformedRows(offset: error.offset, detail: error.message))
        }
        var order: [String] = []
        var inferred: [String: ColumnType] = [:]
        var values: [String: [FieldValue?]] = [:]
        for (index, range) in ranges.enumerated() {
            let members: [(key: String, value: JSONField)]
            do {
                members = try FlatJSON.fields(of: rowsJSON[range])
            } catch {
                throw SimulatorError(dataset: id, reason: .rowNotAnObject(index: index))
            }
            for (key, value) in members {
                guard let field = Self.fieldValue(of: value) else { continue }
                if inferred[key] == nil {
                    order.append(key)
                    inferred[key] = Self.inferredType(of: value)
                    values[key] = Array(repeating: nil, count: ranges.count)
                }
                values[key]![index] = field
            }
        }
        let timestamp = FieldValue.text(CivilTime(unixSeconds: rowsUpdatedAt).iso8601)
        values[":id"] = ranges.indices.map { .text(SystemID.forIndex($0)) }
        values[":created_at"] = Array(repeating: timestamp, count: ranges.count)
        values[":updated_at"] = values[":created_at"]
        order += columnTypes.keys.filter { inferred[$0] == nil }.sorted()
        let types = inferred.merging(columnTypes) { _, declared in declared }
        self.id = id
        self.name = name
        self.rowsUpdatedAt = rowsUpdatedAt
        self.rowCount = ranges.count
        self.rowsJSON = rowsJSON
        self.rowRanges = ranges
        self.columnValues = values
        self.types = types
        self.columns = order.map { Column(fieldName: $0, type: types[$0] ?? .text) }
    }

    /// The values of a column or system field by row index, or nil when there is no such column.
    func values(of field: String) -> [FieldValue?]? {
        columnValues[field] ?? (types[field] != nil ? Array(repeating: nil, count: rowCount) : nil)
    }

    /// The type of a column or system field, or nil when the dataset has no such column.
    func type(of field: String) -> ColumnType? {
        switch field {
        case ":id": return .rowIdentifier
        case ":created_at", ":updated_at": return .fixedTimestamp
        default: return types[field]
        }
    }

    private static func fieldValue(of value: JSONField) -> FieldValue? {
        switch value {
        case .string(let text), .number(let text): return .text(text)
        case .bool(let flag): return .text(flag ? "true" : "false")
        case .null: return nil
        case .raw: return .structured
        }
    }

    private static func inferredType(of value: JSONField) -> ColumnType {
        guard case .raw(let text) = value, text.hasPrefix("{") else { return .text }
        if text.contains("\"url\"") { return .url }
        return text.contains("\"coordinates\"") ? .point : .location
    }
}
