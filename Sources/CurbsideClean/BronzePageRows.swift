import CurbsideModel
import CurbsideWarehouse
import Foundation
import GRDB

/// A bronze page as stored: what cleaning needs to cut its rows, copied out of the warehouse so it can be read on
/// another thread.
public struct StoredBronzePage: Sendable {
    public var id: Int64
    public var generation: Int
    public var body: Data
    public var bodyEncoding: String
    public var rowOffsets: String

    /// A page from its stored columns.
    public init(id: Int64, generation: Int, body: Data, bodyEncoding: String, rowOffsets: String) {
        self.id = id
        self.generation = generation
        self.body = body
        self.bodyEncoding = bodyEncoding
        self.rowOffsets = rowOffsets
    }

    /// - Parameter row: a `bronze_pages` row selected with its `id`, `generation`, `body`, `body_encoding` and
    ///   `row_offsets`.
    init(_ row: Row) {
        id = row["id"]
        generation = row["generation"] ?? 0
        body = row["body"]
        bodyEncoding = row["body_encoding"]
        rowOffsets = row["row_offsets"]
    }
}

/// A bronze page's body and rows, as both cleaners read them.
public enum BronzePageRows {
    /// The body and rows of `page`, a `bronze_pages` row selected with its `id`, `body`, `body_encoding` and
    /// `row_offsets`.
    /// - Throws: `BronzePageError` naming the page when its body or offsets are unreadable or point outside it.
    static func read(_ page: Row) throws -> (body: [UInt8], rows: [BronzeRowOffsets.Row]) {
        try read(StoredBronzePage(page))
    }

    /// The body and rows of a stored page.
    /// - Throws: `BronzePageError` naming the page when its body or offsets are unreadable or point outside it.
    public static func read(_ page: StoredBronzePage) throws -> (body: [UInt8], rows: [BronzeRowOffsets.Row]) {
        let body: [UInt8]
        let rows: [BronzeRowOffsets.Row]
        do {
            body = try PageBody.decode([UInt8](page.body), encoding: page.bodyEncoding)
            rows = try BronzeRowOffsets.decode(page.rowOffsets, page: page.id)
        } catch {
            throw BronzePageError(page: page.id, detail: "\(error)")
        }
        if let outside = rows.first(where: { $0.range.upperBound > body.count }) {
            throw BronzePageError(
                page: page.id,
                detail: "row \(outside.id) ends at byte \(outside.range.upperBound) of a \(body.count)-byte body")
        }
        return (body, rows)
    }
}

/// A bronze page whose stored row offsets cannot be used: the warehouse was changed outside Curbside.
public struct BronzePageError: Error, CustomStringConvertible {
    public var page: Int64
    public var detail: String

    public var description: String {
        "bronze_pages id \(page): its body or row_offsets cannot be read (\(detail)). The warehouse was changed outside Curbside: restore it from a backup, or remove it and ingest again"
    }
}
