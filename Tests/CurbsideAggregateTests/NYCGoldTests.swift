import CurbsideAggregate
import CurbsideClean
import CurbsideModel
import CurbsideTestSupport
import CurbsideWarehouse
import GRDB
import Testing

/// The gold tables on a small fixture whose sums were computed by hand (see each expected line).
@Suite struct NYCGoldTests {
    let b = NYCRowBuilder()

    func store(_ warehouse: Warehouse, day: String, rows: [String]) throws {
        let body = b.page(rows)
        let ranges = try FlatJSON.elementRanges(of: body)
        let page = BronzePage(
            fetchID: nil, body: body, sha256: SHA256Hex.of(body),
            rows: ranges.map { (nil, $0) })
        try warehouse.commitPartition(
            dataset: .nycViolations, key: PartitionKey(day), pages: [page], fetchedAt: 1_000)
    }

    func fixture() throws -> Warehouse {
        let w = try Warehouse(path: ":memory:")
        try store(w, day: "2025-05-09", rows: [b.row(summons: "9", date: "05/09/2025", fine: "1000")])
        try store(
            w, day: "2025-05-10",
            rows: [
                b.row(summons: "A1", date: "05/10/2025", fine: "65", payment: "0", due: "75", judgment: "08/13/2025"),
                b.row(
                    summons: "A2", date: "05/10/2025", violation: "PHTO SCHOOL ZN SPEED VIOLATION", fine: "$1,115.00",
                    payment: "1115", due: "0", judgment: "08/13/2025"),
                b.row(summons: "A3", date: "05/10/2025", violation: nil, fine: "50.25", payment: "", due: "50.25"),
                b.row(summons: "A4", date: "05/10/2025", fine: "N/A"),
            ])
        try store(
            w, day: "2025-05-11",
            rows: [
                b.row(
                    summons: "B1", date: "05/11/2025", violation: "PHTO SCHOOL ZN SPEED VIOLATION", fine: "115",
                    payment: "115", due: "0"),
                b.row(
                    summons: "B2", date: "05/11/2025", fine: "115", payment: "50", due: "65.00", judgment: "09/01/2025"),
                b.row(
                    summons: "B1", date: "05/11/2025", violation: "PHTO SCHOOL ZN SPEED VIOLATION", fine: "115",
                    payment: "100", due: "15"),
            ])
        try store(
            w, day: "2025-05-12",
            rows: [
                b.row(
                    summons: "C1", date: "05/11/2025", violation: "NO PARKING-DAY/TIME LIMITS", fine: "35", due: "35"),
                b.row(
                    summons: "C2", date: "05/12/2025", violation: "FAIL TO DSPLY MUNI METER RECPT", fine: "45",
                    payment: "45", due: "0", time: nil, county: nil),
            ])
        try store(w, day: "2025-05-13", rows: [])
        return w
    }

    @Test func dailyWeeklyAndTopTenAgreeWithHandSums() throws {
        let w = try fixture()
        let report = try NYCCleanStage(warehouse: w).run()
        #expect(report.bronzeRows == 10)
        #expect(report.silverRows == 7)
        #expect(report.quarantined == 2)
        #expect(report.superseded == 1)
        let gold = try NYCAggregateStage(warehouse: w).run(
            first: Day(iso: "2025-05-10")!, last: Day(iso: "2025-05-13")!)
        let csv = Dictionary(uniqueKeysWithValues: gold.csvFiles.map { ($0.name, $0.text) })
        // 05-10: fines 65 + 1115 + 50.25; paid 1115; due 75 + 50.25; outstanding 75 (A1 only: A2 owes 0);
        //        A4 ("N/A") is in quarantine. 1115 / 1230.25 = 90.632%.
        // 05-11: B1's later copy replaces the first: fines 115 + 115, paid 50 + 100, due 65 + 15, outstanding 65.
        // 05-12: C1 is dated 05/11 and goes to quarantine; C2 alone.   05-13: fetched, no rows.
        #expect(
            csv["nyc_daily_financials.csv"] == """
                date,total_fines_issued,total_paid_amount,total_amount_due,total_outstanding,total_violations,percentage_paid
                2025-05-10,1230.25,1115.00,125.25,75.00,3,90.63
                2025-05-11,230.00,150.00,80.00,65.00,2,65.22
                2025-05-12,45.00,45.00,0.00,0.00,1,100.00
                2025-05-13,0.00,0.00,0.00,0.00,0,0.00

                """)
        // Week ending Sunday 05-11: 1230.25 + 230 fines, 1265 paid (86.63%); week ending 05-18: 05-12 and 05-13.
        #expect(
            csv["nyc_weekly_financials.csv"] == """
                week_ending,total_fines_issued,total_paid_amount,total_amount_due,total_outstanding,total_violations,days_in_week,percentage_paid
                2025-05-11,1460.25,1265.00,205.25,140.00,5,2,86.63
                2025-05-18,45.00,45.00,0.00,0.00,1,2,100.00

                """)
        #expect(
            csv["nyc_top_violations.csv"] == """
                violation,violations
                INSP. STICKER-EXPIRED/MISSING,2
                PHTO SCHOOL ZN SPEED VIOLATION,2
                FAIL TO DSPLY MUNI METER RECPT,1
                UNKNOWN,1

                """)
        #expect(
            csv["nyc_by_county.csv"] == """
                county,violations,total_fines_issued
                NY,5,1460.25
                UNKNOWN,1,45.00

                """)
        #expect(
            csv["nyc_by_hour.csv"] == """
                hour,violations,total_fines_issued
                9,5,1460.25
                ,1,45.00

                """)
        #expect(gold.silverRows == 6)
        #expect(gold.quarantinedRows == 2)
    }

    @Test func everyBronzeRowIsInExactlyOnePlace() throws {
        let w = try fixture()
        _ = try NYCCleanStage(warehouse: w).run()
        // Fetch 05-11 again: B1 is gone upstream, B2 changed. The older three rows become superseded.
        try store(w, day: "2025-05-11", rows: [b.row(summons: "B2", date: "05/11/2025", fine: "115", payment: "115")])
        let second = try NYCCleanStage(warehouse: w).run()
        #expect(second.partitions == 1)
        #expect(second.superseded == 3)
        let counts = try ["bronze_rows", "silver_nyc_violations", "quarantine", "superseded"].map { table in
            try w.run("SELECT count(*) FROM \(table)").rows[0][0]
        }.map { value -> Int64 in if case .integer(let n) = value { n } else { -1 } }
        #expect(counts == [11, 6, 2, 3])
        #expect(counts[1] + counts[2] + counts[3] == counts[0])
        let paid = try w.run("SELECT payment_amount FROM silver_nyc_violations WHERE summons_number = 'B2'")
        #expect(paid.rows == [[.real(115)]])
    }

    /// The totals cleaning keeps per day agree with silver itself, through a summons moving to a later day's fetch
    /// (a page of more than one insert batch), a whole re-clean and one day's re-clean that keep the older copy out.
    @Test func partitionTotalsAgreeWithSilverThroughEveryChange() throws {
        let w = try fixture()
        _ = try NYCCleanStage(warehouse: w).run()
        try expectTotalsMatchSilver(w)
        var rows = (0..<150).map { b.row(summons: "D\($0)", date: "05/14/2025", fine: "\($0).50", due: "\($0)") }
        rows.insert(b.row(summons: "A1", date: "05/14/2025", fine: "70", due: "70", judgment: "09/01/2025"), at: 120)
        try store(w, day: "2025-05-14", rows: rows)
        let moved = try NYCCleanStage(warehouse: w).run()
        #expect(moved.silverRows == 151)
        #expect(
            try w.run("SELECT partition_key FROM silver_nyc_violations WHERE summons_number = 'A1'").rows
                == [[.text("2025-05-14")]])
        try expectTotalsMatchSilver(w)
        let again = try NYCCleanStage(warehouse: w).run(everything: true)
        #expect(again.silverRows == 7 - 1 + 151)
        #expect(
            try w.run("SELECT partition_key FROM silver_nyc_violations WHERE summons_number = 'A1'").rows
                == [[.text("2025-05-14")]])
        try expectTotalsMatchSilver(w)
        // 05-10 alone cleaned again: silver holds other days, so its rows go in one by one, and its copy of A1, older
        // than 05-14's, is kept out of silver and out of the day's totals.
        try w.write { db in
            try db.execute(sql: "UPDATE partitions SET cleaned_generation = 0 WHERE key = '2025-05-10'")
        }
        let alone = try NYCCleanStage(warehouse: w).run()
        #expect(alone.partitions == 1 && !alone.loadedWhole)
        #expect(alone.silverRows == 2)
        try expectTotalsMatchSilver(w)
        let gold = try NYCAggregateStage(warehouse: w).run(
            first: Day(iso: "2025-05-10")!, last: Day(iso: "2025-05-14")!)
        #expect(gold.silverRows == 6 - 1 + 151)
        #expect(gold.daily.map(\.violations) == [2, 2, 1, 0, 151])
    }

    /// Every kind of total, recounted from silver with plain SQL.
    func expectTotalsMatchSilver(_ w: Warehouse, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (kind, key) in [
            ("day", "NULL"), ("violation", "violation"), ("agency", "coalesce(issuing_agency, 'UNKNOWN')"),
            ("county", "coalesce(county, 'UNKNOWN')"), ("hour", "violation_time_minutes / 60"),
        ] {
            let kept = try w.run(
                """
                SELECT partition_key, key, violations, fines_cents, paid_cents, due_cents, outstanding_cents
                FROM nyc_partition_totals WHERE kind = '\(kind)' AND violations > 0 ORDER BY 1, 2
                """)
            let counted = try w.run(
                """
                SELECT partition_key, \(key), count(*), sum(fine_amount_cents), sum(payment_amount_cents),
                    sum(amount_due_cents),
                    sum(CASE WHEN amount_due_cents > 0 AND judgment_entry_date IS NOT NULL THEN amount_due_cents ELSE 0 END)
                FROM silver_nyc_violations GROUP BY 1, 2 ORDER BY 1, 2
                """)
            #expect(kept.rows == counted.rows, "\(kind)", sourceLocation: sourceLocation)
            #expect(!kept.rows.isEmpty, sourceLocation: sourceLocation)
        }
    }
}
