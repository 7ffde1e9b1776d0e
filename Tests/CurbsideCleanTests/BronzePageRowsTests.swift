import CurbsideClean
import CurbsideModel
import CurbsideWarehouse
import Foundation
import Testing

/// A stored page read back for cleaning, when the warehouse was changed outside Curbside.
@Suite struct BronzePageRowsTests {
    static func page(offsets: String, body: String, encoding: String = PageBody.identity) -> StoredBronzePage {
        StoredBronzePage(id: 3, generation: 1, body: Data(body.utf8), bodyEncoding: encoding, rowOffsets: offsets)
    }

    @Test("a page's rows are cut from its offsets")
    func reads() throws {
        let (body, rows) = try BronzePageRows.read(Self.page(offsets: #"[[1,5,"a"],[7,3,null]]"#, body: "[12345,678]"))
        #expect(body.count == 11)
        #expect(rows.map(\.range) == [1..<6, 7..<10])
        #expect(rows.map(\.recordID) == ["a", nil])
    }

    /// Found by fuzzing (the first row): an offset past `Int.max` trapped on overflow.
    @Test(
        "offsets that do not fit the body name the page and what to do",
        arguments: [
            (
                #"[[0,5,null],[666666666666666666666666666666666666666666666666666666666666,90,"x"]]"#,
                "malformed JSON at byte 13: a number too large in row offsets"
            ),
            (#"[[0,5,null],[3,900,"x"]]"#, "row 196609 ends at byte 903 of a 5-byte body"),
        ])
    func refuses(offsets: String, detail: String) {
        #expect {
            try BronzePageRows.read(Self.page(offsets: offsets, body: "[1,2]"))
        } throws: { error in
            "\(error)"
                == "bronze_pages id 3: its body or row_offsets cannot be read (\(detail)). The warehouse was changed "
                + "outside Curbside: restore it from a backup, or remove it and ingest again"
        }
    }
}
