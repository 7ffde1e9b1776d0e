import CurbsideModel
import CurbsideWarehouse
import Foundation
import GRDB

/// A bronze page's body and rows, as both cleaners read them.
enum BronzePageRows {
    /// The body and rows of `page`, a `bronze_pages` row selected with its `id`, `body`, `body_encoding` and
    /// `row_offsets`.
    /// - Throws: `BronzePageError` naming the page when its body or offsets are unreadable or point outside it.
    static func read(_ page: Row) throws -> (body: [UInt8], rows: [BronzeRowOffsets.Row]) {
        let pageID: Int64 = page["id"]
        let body: [UInt8]
        let rows: [BronzeRowOffsets.Row]
        do {
            body = try PageBody.decode([UInt8](page["body"] as Data), encoding: page["body_encoding"])
            rows = try BronzeRowOffsets.decode(page["row_offsets"], page: pageID)
        } catch {
            throw BronzePageError(page: pageID, detail: "\(error)")
        }
        if let outside = rows.first(where: { $0.range.upperBound > body.count }) {
            throw BronzePageError(
                page: pageID,
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
