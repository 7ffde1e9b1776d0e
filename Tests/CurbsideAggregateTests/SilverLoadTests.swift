import CurbsideModel
import CurbsideTestSupport
import CurbsideWarehouse
import GRDB
import Testing

@testable import CurbsideClean

/// A first clean loads NYC silver whole, its unique index of summons built after; it must end exactly where cleaning
/// the same days one at a time ends, through summons that appear on several days, and lose nothing when cut short.
@Suite struct SilverLoadTests {
    let b = NYCRowBuilder()

    /// Five days, each its own fetch: A1 on three days (the last fetch's copy wins), B1 twice on one day, a row to
    /// quarantine, a day with a later fetch of 150 rows (more than one insert batch), and an empty day.
    var days: [(day: String, rows: [String])] {
        [
            (
                "2025-05-10",
                [
                    b.row(summons: "A1", date: "05/10/2025", fine: "65", due: "75", judgment: "08/13/2025"),
                    b.row(summons: "A2", date: "05/10/2025", fine: "$1,115.00", payment: "1115"),
                    b.row(summons: "A4", date: "05/10/2025", fine: "N/A"),
                ]
            ),
            (
                "2025-05-11",
                [
                    b.row(summons: "B1", date: "05/11/2025", fine: "115", payment: "115"),
                    b.row(summons: "A1", date: "05/11/2025", fine: "66", due: "66"),
                    b.row(summons: "B1", date: "05/11/2025", fine: "115", payment: "100", due: "15"),
                ]
            ),
            ("2025-05-12", []),
            (
                "2025-05-13",
                (0..<150).map { b.row(summons: "D\($0)", date: "05/13/2025", fine: "\($0).50", due: "\($0)") }
                    + [b.row(summons: "A1", date: "05/13/2025", fine: "70", due: "70", judgment: "09/01/2025")]
            ),
            ("2025-05-14", [b.row(summons: "C2", date: "05/14/2025", time: nil, county: nil)]),
        ]
    }

    func store(_ w: Warehouse, _ day: String, _ rows: [String]) throws {
        let body = b.page(rows)
        let page = BronzePage(
            fetchID: nil, body: body, sha256: SHA256Hex.of(body),
            rows: try FlatJSON.elementRanges(of: body).map { (nil, $0) })
        try w.commitPartition(dataset: .nycViolations, key: PartitionKey(day), pages: [page], fetchedAt: 1_000)
    }

    /// Every table cleaning writes, in an order that does not depend on rowids.
    func outcome(_ w: Warehouse) throws -> [QueryTable] {
        try [
            """
            SELECT summons_number, bronze_row_id, partition_key, fine_amount_cents, payment_amount_cents,
                amount_due_cents, judgment_entry_date, violation_time_minutes, county
            FROM silver_nyc_violations ORDER BY summons_number
            """,
            "SELECT partition_key, bronze_row_id, record_id, rule, column_name, value FROM quarantine ORDER BY 2",
            "SELECT bronze_row_id, partition_key, by_bronze_row_id, reason FROM superseded ORDER BY 1",
            "SELECT * FROM nyc_partition_totals ORDER BY partition_key, kind, key",
            "SELECT key, cleaned_generation = generation FROM partitions ORDER BY key",
            "SELECT name FROM sqlite_master WHERE tbl_name = 'silver_nyc_violations' AND type = 'index' ORDER BY 1",
        ].map { try w.run($0) }
    }

    /// The same days committed and cleaned one at a time: every clean after the first meets a silver already there.
    func dayByDay() throws -> Warehouse {
        let w = try Warehouse(path: ":memory:")
        for (k, (day, rows)) in days.enumerated() {
            try store(w, day, rows)
            let report = try NYCCleanStage(warehouse: w).run()
            #expect(report.loadedWhole == (k == 0))
        }
        return w
    }

    @Test("a first clean loads silver whole and ends where cleaning one day at a time ends")
    func loadMatchesDayByDay() throws {
        let w = try Warehouse(path: ":memory:")
        for (day, rows) in days { try store(w, day, rows) }
        let report = try NYCCleanStage(warehouse: w).run()
        #expect(report.loadedWhole)
        #expect(report.partitions == 5)
        // Two copies of A1 went into silver and were replaced after: they count as superseded, with B1's first copy.
        #expect(report.bronzeRows == 158)
        #expect(report.silverRows == 154)
        #expect(report.quarantined == 1)
        #expect(report.superseded == 3)
        let expected = try outcome(dayByDay())
        #expect(try outcome(w) == expected)
        #expect(expected[5].rows == [[.text("silver_nyc_by_partition")], [.text("silver_nyc_by_summons")]])
        #expect(
            try w.run("SELECT partition_key, fine_amount_cents FROM silver_nyc_violations WHERE summons_number = 'A1'")
                .rows == [[.text("2025-05-13"), .integer(7_000)]])
    }

    @Test("clean everything reloads silver whole, and a new day after it goes in one day at a time")
    func everythingReloads() throws {
        let w = try dayByDay()
        let again = try NYCCleanStage(warehouse: w).run(everything: true)
        #expect(again.loadedWhole)
        #expect(again.silverRows == 154)
        #expect(again.superseded == 3)
        try store(w, "2025-05-15", [b.row(summons: "A1", date: "05/15/2025", fine: "71", due: "71")])
        let next = try NYCCleanStage(warehouse: w).run()
        #expect(!next.loadedWhole)
        let reference = try dayByDay()
        try store(reference, "2025-05-15", [b.row(summons: "A1", date: "05/15/2025", fine: "71", due: "71")])
        _ = try NYCCleanStage(warehouse: reference).run()
        #expect(try outcome(w) == outcome(reference))
    }

    /// A page that cannot be read stops the load half way: the days before it are clean, the rest wait for the next
    /// clean, and the unique index is back. A load killed outright leaves the index dropped: the next clean builds it.
    @Test("a load cut short loses nothing and puts the index back")
    func loadCutShort() throws {
        let w = try Warehouse(path: ":memory:")
        for (day, rows) in days { try store(w, day, rows) }
        try w.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE kept_pages AS SELECT id, body FROM bronze_pages WHERE partition_key = '2025-05-13';
                    UPDATE bronze_pages SET body = X'00' WHERE partition_key = '2025-05-13';
                    """)
        }
        #expect(throws: (any Error).self) { try NYCCleanStage(warehouse: w).run() }
        // The days loaded before it are clean, A1's copies on the 10th and 11th settled when the index was put back.
        #expect(
            try w.run("SELECT key FROM partitions WHERE cleaned_generation = generation ORDER BY key").rows == [
                [.text("2025-05-10")], [.text("2025-05-11")], [.text("2025-05-12")],
            ])
        #expect(try outcome(w)[5].rows == [[.text("silver_nyc_by_partition")], [.text("silver_nyc_by_summons")]])
        try w.write { db in
            try db.execute(
                sql: """
                    UPDATE bronze_pages SET body = (SELECT body FROM kept_pages k WHERE k.id = bronze_pages.id)
                    WHERE partition_key = '2025-05-13';
                    DROP TABLE kept_pages;
                    DROP INDEX silver_nyc_by_summons;
                    """)
        }
        let rest = try NYCCleanStage(warehouse: w).run()
        #expect(!rest.loadedWhole)
        #expect(rest.partitions == 2)
        #expect(try outcome(w) == outcome(dayByDay()))
    }

    /// Days fetched out of order: the 13th first, so its copy of A1 is the oldest fetch though its day comes last.
    /// Copies are settled in the order the load wrote them, as day after day would: the 10th's copy gives way to the
    /// 11th's (a later fetch), and the 13th's, older than the 11th's, never takes its place.
    @Test("copies of a summons on several days settled in load order, whatever order the days were fetched in")
    func copiesSettledInLoadOrder() throws {
        let w = try Warehouse(path: ":memory:")
        let byDay = Dictionary(uniqueKeysWithValues: days.map { ($0.day, $0.rows) })
        for day in ["2025-05-13", "2025-05-10", "2025-05-11", "2025-05-12", "2025-05-14"] {
            try store(w, day, byDay[day]!)
        }
        let report = try NYCCleanStage(warehouse: w).run()
        #expect(report.loadedWhole && report.silverRows == 154 && report.superseded == 3)
        func id(_ day: String, _ index: Int) throws -> SQLValue {
            try w.run("SELECT id FROM bronze_rows WHERE partition_key = '\(day)' AND row_index = \(index)").rows[0][0]
        }
        let later = "a later copy of the same summons in 2025-05-11"
        #expect(
            try w.run(
                """
                SELECT bronze_row_id, partition_key, by_bronze_row_id, reason FROM superseded
                WHERE reason LIKE 'a later copy of the same summons in %' ORDER BY partition_key
                """
            ).rows == [
                [try id("2025-05-10", 0), .text("2025-05-10"), try id("2025-05-11", 1), .text(later)],
                [try id("2025-05-13", 150), .text("2025-05-13"), try id("2025-05-11", 1), .text(later)],
            ])
        #expect(
            try w.run("SELECT partition_key, fine_amount_cents FROM silver_nyc_violations WHERE summons_number = 'A1'")
                .rows == [[.text("2025-05-11"), .integer(6_600)]])
        // Each day's totals are its silver rows', the copies that gave way taken out.
        #expect(
            try w.run(
                """
                SELECT partition_key, violations, fines_cents FROM nyc_partition_totals WHERE kind = 'day'
                AND violations > 0 ORDER BY 1
                """
            ).rows
                == w.run(
                    """
                    SELECT partition_key, count(*), sum(fine_amount_cents) FROM silver_nyc_violations
                    GROUP BY 1 ORDER BY 1
                    """
                ).rows)
        #expect(try outcome(w)[5].rows == [[.text("silver_nyc_by_partition")], [.text("silver_nyc_by_summons")]])
    }
}
