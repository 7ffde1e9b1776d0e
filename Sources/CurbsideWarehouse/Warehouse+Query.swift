import CurbsideModel
import GRDB
import GRDBSQLite

extension Warehouse: QueryRunner {
    /// Runs one read-only statement for a content page.
    /// - Returns: the rows, and the tables the statement read (from SQLite's authorizer, through GRDB).
    /// - Throws: `WarehouseError` with SQLite's message; writing statements are refused by the read-only access.
    public func run(_ sql: String) throws -> QueryTable {
        do {
            return try queue.read { db in
                let statement = try db.makeStatement(sql: sql)
                let columns = statement.columnNames
                var rows: [[SQLValue]] = []
                let cursor = try Row.fetchCursor(statement)
                while let row = try cursor.next() {
                    rows.append((0..<columns.count).map { Self.value(row[$0] as DatabaseValue) })
                }
                return QueryTable(columns: columns, rows: rows, sources: Self.tables(in: statement.databaseRegion))
            }
        } catch let error as DatabaseError {
            throw WarehouseError(path: path, sql: sql, error: error)
        }
    }

    static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: return .null
        case .int64(let i): return .integer(i)
        case .double(let d): return .real(d)
        case .string(let s): return .text(s)
        case .blob(let b): return .text("<\(b.count) bytes>")
        }
    }

    /// Table names from a region's description, `a(x,y),b(*)` → `[a, b]`, sorted.
    static func tables(in region: DatabaseRegion) -> [String] {
        var names: [String] = []
        var current = ""
        var depth = 0
        for c in region.description {
            switch c {
            case "(", "[":
                if depth == 0, !current.isEmpty { names.append(current) }
                current = ""
                depth += 1
            case ")", "]": depth -= 1
            case ",": if depth == 0 { current = "" }
            default: if depth == 0 { current.append(c) }
            }
        }
        return Array(Set(names.filter { !$0.hasPrefix("sqlite_") })).sorted()
    }
}

extension Warehouse {
    /// Steps one read-only statement straight through SQLite, handing `body` each row's values in place.
    /// - Throws: `WarehouseError` with SQLite's message, or what `body` throws.
    public func scan(_ sql: String, _ body: (ScannedRow) throws -> Void) throws {
        do {
            try queue.read { db in
                let statement = try db.makeStatement(sql: sql)
                let handle = statement.sqliteStatement
                let row = ScannedRow(count: Int(sqlite3_column_count(handle))) { position in
                    let column = Int32(position)
                    switch sqlite3_column_type(handle, column) {
                    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
                    case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
                    case SQLITE_TEXT:
                        let start = sqlite3_column_text(handle, column)
                        let count = Int(sqlite3_column_bytes(handle, column))
                        return .text(UnsafeRawBufferPointer(start: start, count: count))
                    case SQLITE_BLOB: return .blob(count: Int(sqlite3_column_bytes(handle, column)))
                    default: return .null
                    }
                }
                while true {
                    let code = sqlite3_step(handle)
                    if code == SQLITE_DONE { break }
                    guard code == SQLITE_ROW else {
                        throw DatabaseError(
                            resultCode: ResultCode(rawValue: code),
                            message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
                    }
                    try body(row)
                }
            }
        } catch let error as DatabaseError {
            throw WarehouseError(path: path, sql: sql, error: error)
        }
    }
}

extension Warehouse {
    /// The view's rows made from each page's offsets, read once and parsed here: the view's `json_each` and three
    /// `->>` per row cost SQLite as much as the catalog's counting of them (0.1 s for a page of 33,333 rows).
    /// Pages whose offsets are not in the form ``BronzeRowOffsets/encode(_:)`` writes, or columns the view does
    /// not have, go through the view itself.
    /// - Throws: `WarehouseError` with SQLite's message, or what `body` throws.
    public func scanBronzeRows(
        of partition: BronzePartition, columns: [String], _ body: (ScannedRow) throws -> Void
    ) throws {
        let sql = partition.rowsSQL(columns: columns)
        let fields = columns.compactMap(BronzePartition.Column.init(rawValue:))
        var pages: [(id: Int64, rows: [BronzeRowOffsets.Row])] = []
        var readable = fields.count == columns.count
        if readable {
            try scan("SELECT id, row_offsets FROM bronze_pages WHERE \(partition.filter)") { page in
                guard readable, case .integer(let id) = page[0], case .text(let text) = page[1],
                    let rows = try? BronzeRowOffsets.decode(text.assumingMemoryBound(to: UInt8.self), page: id)
                else {
                    readable = false
                    return
                }
                pages.append((id, rows))
            }
        }
        guard readable else { return try scan(sql, body) }
        let (dataset, key) = (Array(partition.dataset.utf8), Array(partition.key.utf8))
        try dataset.withUnsafeBytes { dataset in
            try key.withUnsafeBytes { key in
                for (page, rows) in pages {
                    for (index, row) in rows.enumerated() {
                        var recordID = row.recordID ?? ""
                        try recordID.withUTF8 { recordIDBytes in
                            try body(
                                ScannedRow(count: fields.count) { k in
                                    switch fields[k] {
                                    case .id: .integer(row.id)
                                    case .page_id: .integer(page)
                                    case .dataset: .text(dataset)
                                    case .partition_key: .text(key)
                                    case .generation: .integer(partition.generation)
                                    case .row_index: .integer(Int64(index))
                                    case .record_id:
                                        row.recordID == nil ? .null : .text(UnsafeRawBufferPointer(recordIDBytes))
                                    case .byte_start: .integer(Int64(row.range.lowerBound))
                                    case .byte_length: .integer(Int64(row.range.count))
                                    }
                                })
                        }
                    }
                }
            }
        }
    }
}
