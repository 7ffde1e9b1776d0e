import CurbsideModel
import CurbsideTestSupport
import Foundation
import GRDB
import Testing

@testable import CurbsideWarehouse

@Suite struct BronzeRowOffsetsTests {
    @Test("offsets round-trip: plain and escaped ids, a row without one, an empty page")
    func roundTrip() throws {
        let rows: [(recordID: String?, range: Range<Int>)] = [
            ("1477633194", 1..<120), (nil, 122..<130), (#"a "quoted" \ id"#, 132..<10_000), ("é\n", 10_002..<10_003),
        ]
        let text = BronzeRowOffsets.encode(rows)
        #expect(text.hasPrefix(#"[[1,119,"1477633194"],[122,8,null],[132,9868,"a \"quoted\" \\ id"]"#))
        let decoded = try BronzeRowOffsets.decode(text, page: 3)
        #expect(decoded.map(\.recordID) == rows.map(\.recordID))
        #expect(decoded.map(\.range) == rows.map(\.range))
        #expect(decoded.map(\.id) == [196_608, 196_609, 196_610, 196_611])
        #expect(BronzeRowOffsets.split(196_610) == (page: 3, index: 2))
        #expect(try BronzeRowOffsets.decode(BronzeRowOffsets.encode([]), page: 1).isEmpty)
        #expect(throws: JSONSyntaxError.self) { try BronzeRowOffsets.decode("[[1,2]]", page: 1) }
    }

    /// Found by fuzzing: a number past `Int.max` in a page's offsets (a warehouse changed outside Curbside) trapped
    /// on overflow instead of failing to read.
    @Test(
        "offsets whose numbers do not fit an Int, or whose row would end past Int.max, do not read",
        arguments: [
            (#"[[0,5,null],[666666666666666666666666666666666666666666666666666666666666,90,"x"]]"#, 13, "too large"),
            (#"[[1,9223372036854775808,null]]"#, 4, "too large"),
            (#"[[9223372036854775807,1,null]]"#, 29, "ends past any body"),
        ])
    func numbersTooLarge(text: String, offset: Int, problem: String) {
        #expect {
            try BronzeRowOffsets.decode(text, page: 1)
        } throws: { error in
            let error = error as? JSONSyntaxError
            return error?.offset == offset && error?.problem.contains(problem) == true
        }
    }

    @Test("the bronze_rows view agrees with the stored pages, and SQLite reads the same offsets")
    func viewMatchesPages() throws {
        let w = try Warehouse(path: ":memory:")
        let body = Array(#"[{"summons_number":"1"},{"summons_number":"2","x":"é"}]"#.utf8)
        let page = BronzePage(
            fetchID: nil, body: body, sha256: SHA256Hex.of(body),
            rows: [("1", 1..<23), ("2", 24..<55)])
        try w.commitPartition(dataset: .nycViolations, key: PartitionKey("2025-07-01"), pages: [page], fetchedAt: 0)
        let pageID = try #require(try w.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM bronze_pages") })
        let first = pageID << 16
        let expected: [[SQLValue]] = [
            [.integer(first), .integer(0), .text("1"), .integer(1), .integer(22)],
            [.integer(first + 1), .integer(1), .text("2"), .integer(24), .integer(31)],
        ]
        #expect(
            try w.run("SELECT id, row_index, record_id, byte_start, byte_length FROM bronze_rows ORDER BY id").rows
                == expected)
        let json = try w.run("SELECT json FROM bronze_row_json ORDER BY id").rows
        #expect(json == [[.text(#"{"summons_number":"1"}"#)], [.text(#"{"summons_number":"2","x":"é"}"#)]], "\(json)")
    }

    @Test("rows scanned from the pages' offsets are the view's, also for offsets written another way")
    func scannedRows() throws {
        let w = try Warehouse(path: ":memory:")
        let body = Array(#"[{"a":"1"},{"a":"2"},{"a":"3"}]"#.utf8)
        for (key, generation) in [("2025-07-01", 1), ("2025-07-01", 2), ("2025-07-02", 1)] {
            let page = BronzePage(
                fetchID: nil, body: body, sha256: SHA256Hex.of(body),
                rows: [("1", 1..<10), (nil, 11..<20), (#"o'"q\é"#, 21..<30)])
            try w.commitPartition(
                dataset: .nycViolations, key: PartitionKey(key), pages: [page, page], fetchedAt: Double(generation))
        }
        func rows(_ partition: BronzePartition, _ columns: [String], fromView: Bool) throws -> [[SQLValue]] {
            var rows: [[SQLValue]] = []
            let keep = { (row: ScannedRow) in rows.append((0..<row.count).map { row[$0].value }) }
            if fromView {
                try w.scan(partition.rowsSQL(columns: columns), keep)
            } else {
                try w.scanBronzeRows(of: partition, columns: columns, keep)
            }
            return rows.sorted { "\($0)" < "\($1)" }
        }
        let all = BronzePartition.Column.allCases.map(\.rawValue)
        let latest = BronzePartition(dataset: "nyc_violations", key: "2025-07-01", generation: 2)
        let fromPages = try rows(latest, all, fromView: false)
        #expect(fromPages.count == 6)
        #expect(fromPages == (try rows(latest, all, fromView: true)))
        #expect(fromPages.contains { $0[6] == .null } && fromPages.contains { $0[6] == .text(#"o'"q\é"#) })
        let some = ["record_id", "id", "dataset"]
        #expect(try rows(latest, some, fromView: false) == (try rows(latest, some, fromView: true)))
        // Offsets with spaces (as another writer might store them) are read through the view.
        try w.write { db in
            try db.execute(sql: "UPDATE bronze_pages SET row_offsets = replace(row_offsets, ',', ', ')")
        }
        #expect(try rows(latest, all, fromView: false) == fromPages)
    }

    @Test("bodies are stored as zstd frames, read back byte for byte; a damaged frame is an error, not a guess")
    func compressedBodies() throws {
        let row = #"{"summons_number":"1477633194","plate":"GTW8253","state":"NY","fine_amount":"65"}"#
        let body = Array(("[" + Array(repeating: row, count: 500).joined(separator: "\n,") + "]\n").utf8)
        let stored = PageBody.compress(body)
        #expect(stored.count * 20 < body.count, "\(stored.count) of \(body.count) bytes")
        #expect(try PageBody.decode(stored, encoding: PageBody.zstd) == body)
        #expect(try PageBody.decode(body, encoding: PageBody.identity) == body)
        #expect(throws: PageBodyError.self) { try PageBody.decode(Array(stored.dropLast(3)), encoding: PageBody.zstd) }
        #expect(throws: PageBodyError.self) { try PageBody.decode(stored, encoding: "gzip") }
        let w = try Warehouse(path: ":memory:")
        let page = BronzePage(
            fetchID: nil, body: body, sha256: SHA256Hex.of(body), rows: [("1477633194", 1..<(1 + row.utf8.count))])
        try w.commitPartition(dataset: .nycViolations, key: PartitionKey("2025-07-01"), pages: [page], fetchedAt: 0)
        #expect(
            try w.run(
                "SELECT body_encoding, length(body) < 1000, sha256, length(bronze_body(body, body_encoding))"
                    + " FROM bronze_pages"
            ).rows == [
                [.text("zstd"), .integer(1), .text(SHA256Hex.of(body)), .integer(Int64(body.count))]
            ])
        #expect(try w.run("SELECT json FROM bronze_row_json").rows == [[.text(row)]])
    }

    /// Found by fuzzing a stored page: a 17-byte frame whose header claims 6.6 EB made decode allocate that much.
    @Test("a zstd frame that claims more than it can hold is damaged, not an allocation of what it claims")
    func frameClaimingTooMuch() throws {
        // Magic, a single-segment header with an 8-byte content size (2^62), then no block at all.
        let frame: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0xE0, 0, 0, 0, 0, 0, 0, 0, 0x40]
        #expect {
            try PageBody.decode(frame, encoding: PageBody.zstd)
        } throws: { error in
            "\(error)" == "the zstd frame says it holds 4611686018427387904 bytes, more than its 13 bytes can"
        }
        let fuzzed: [UInt8] = [
            0x28, 0xB5, 0x2F, 0xFD, 0xF4, 0xB7, 0xEE, 0xFF, 0xA9, 0xE0, 0x80, 0xA2, 0x5B, 0x00, 0x61,
        ]
        #expect(throws: PageBodyError.self) { try PageBody.decode(fuzzed, encoding: PageBody.zstd) }
        // A real frame at the largest ratio still reads: 1 MiB of one byte.
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        #expect(try PageBody.decode(PageBody.compress(zeros), encoding: PageBody.zstd) == zeros)
    }

    @Test("a page of 65,536 rows or more is refused, naming the dataset, partition and page")
    func tooManyRows() throws {
        let w = try Warehouse(path: ":memory:")
        let rows: [(recordID: String?, range: Range<Int>)] = Array(
            repeating: (nil, 1..<2), count: BronzeRowOffsets.rowsPerPage)
        let page = BronzePage(fetchID: nil, body: [0x5B, 0x5D], sha256: "x", rows: rows)
        #expect {
            try w.commitPartition(dataset: .nycViolations, key: PartitionKey("2025-07-01"), pages: [page], fetchedAt: 0)
        } throws: { error in
            "\(error)".contains("nyc_violations partition 2025-07-01 page 0 has 65536 rows")
        }
        #expect(try w.run("SELECT count(*) FROM bronze_pages").rows == [[.integer(0)]])
    }

    /// A warehouse written before 0009 (bronze rows as records) keeps every row and every reference to it. Old ids
    /// are chosen so that two rows swap ids, which a direct update would trip over.
    @Test("migration 0009 moves bronze rows into their pages and every reference to the new ids")
    func migratesOldWarehouses() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { Fixtures.removeTemporaryFolder(folder) }
        let path = folder + "/old.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator().migrate(queue, upTo: "0008-models")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO bronze_pages (id, dataset, partition_key, generation, page_index, body, sha256, rows)
                    VALUES (1, 'nyc_violations', '2025-07-01', 0, 0, CAST('[{"a":1},{"b":"\\"x"}]' AS BLOB), 's1', 2),
                        (2, 'nyc_violations', '2025-07-01', 1, 0, CAST('[{"a":2}]' AS BLOB), 's2', 1),
                        (3, 'nyc_violations', '2025-07-02', 0, 0, CAST('[]' AS BLOB), 's3', 0);
                    INSERT INTO bronze_rows (id, page_id, dataset, partition_key, generation, row_index, record_id,
                        byte_start, byte_length)
                    VALUES (65536, 1, 'nyc_violations', '2025-07-01', 0, 1, 'q"2', 9, 11),
                        (65537, 1, 'nyc_violations', '2025-07-01', 0, 0, 'a', 1, 7),
                        (7, 2, 'nyc_violations', '2025-07-01', 1, 0, 'a', 1, 7);
                    INSERT INTO silver_nyc_violations (summons_number, bronze_row_id, partition_key, issue_date,
                        violation, violation_status, fine_amount_cents, penalty_amount_cents, interest_amount_cents,
                        reduction_amount_cents, payment_amount_cents, amount_due_cents)
                    VALUES ('a', 7, '2025-07-01', '2025-07-01', 'V', 'S', 0, 0, 0, 0, 0, 0);
                    INSERT INTO quarantine (dataset, partition_key, bronze_row_id, record_id, rule)
                    VALUES ('nyc_violations', '2025-07-01', 65536, 'q"2', 'r');
                    INSERT INTO superseded (bronze_row_id, dataset, partition_key, by_bronze_row_id, reason)
                    VALUES (65537, 'nyc_violations', '2025-07-01', 7, 'again'),
                        (65536, 'nyc_violations', '2025-07-01', NULL, 'not in the later fetch');
                    """)
        }
        try queue.close()
        let w = try Warehouse(path: path)
        #expect(
            try w.appliedMigrations().suffix(6) == [
                "0009-bronze-row-offsets", "0010-nyc-partition-totals", "0011-catalog-partition-statistics",
                "0012-silver-nyc-unique-index", "0013-bronze-pages-summary-in-index", "0014-catalog-hash-slices",
            ])
        #expect(
            try w.run("SELECT id, page_id, row_index, record_id, byte_start, byte_length FROM bronze_rows ORDER BY id")
                .rows == [
                    [.integer(65536), .integer(1), .integer(0), .text("a"), .integer(1), .integer(7)],
                    [.integer(65537), .integer(1), .integer(1), .text(#"q"2"#), .integer(9), .integer(11)],
                    [.integer(131_072), .integer(2), .integer(0), .text("a"), .integer(1), .integer(7)],
                ])
        #expect(
            try w.run("SELECT json FROM bronze_row_json ORDER BY id").rows == [
                [.text(#"{"a":1}"#)], [.text(#"{"b":"\"x"}"#)], [.text(#"{"a":2}"#)],
            ])
        #expect(try w.run("SELECT bronze_row_id FROM silver_nyc_violations").rows == [[.integer(131_072)]])
        #expect(try w.run("SELECT bronze_row_id FROM quarantine").rows == [[.integer(65537)]])
        #expect(
            try w.run("SELECT bronze_row_id, by_bronze_row_id FROM superseded ORDER BY bronze_row_id").rows == [
                [.integer(65536), .integer(131_072)], [.integer(65537), .null],
            ], "old ids 65537 and 65536 swap: moving one straight onto the other would collide")
        #expect(try w.run("SELECT row_offsets FROM bronze_pages WHERE id = 3").rows == [[.text("[]")]])
        // 0010 counts what silver already holds into the per-day totals aggregation sums.
        #expect(
            try w.run("SELECT kind, key, violations FROM nyc_partition_totals ORDER BY kind").rows == [
                [.text("agency"), .text("UNKNOWN"), .integer(1)], [.text("county"), .text("UNKNOWN"), .integer(1)],
                [.text("day"), .null, .integer(1)], [.text("hour"), .null, .integer(1)],
                [.text("violation"), .text("V"), .integer(1)],
            ])
    }
}
