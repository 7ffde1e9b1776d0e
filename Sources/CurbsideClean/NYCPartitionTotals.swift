import CurbsideModel
import GRDB

/// What NYC gold needs from one partition's silver rows: the day's money and count, and the counts and fines by
/// violation, agency, county and hour. Cleaning keeps these in `nyc_partition_totals` as it writes silver, and
/// aggregation only sums them (see migration 0010).
struct NYCPartitionTotals {
    /// The silver columns the totals read.
    struct Entry {
        var violation: String
        var agency: String?
        var county: String?
        var minutes: Int?
        var fineCents: Int64
        var paidCents: Int64
        var dueCents: Int64
        var judged: Bool

        /// From a `silver_nyc_violations` row selected with ``Entry/columns``.
        init(_ row: Row) {
            violation = row["violation"]
            agency = row["issuing_agency"]
            county = row["county"]
            minutes = row["violation_time_minutes"]
            fineCents = row["fine_amount_cents"]
            paidCents = row["payment_amount_cents"]
            dueCents = row["amount_due_cents"]
            judged = row["judged"]
        }

        static let columns = """
            violation, issuing_agency, county, violation_time_minutes, fine_amount_cents, payment_amount_cents,
            amount_due_cents, judgment_entry_date IS NOT NULL AS judged
            """

        /// Where the row counts: one entry of each kind.
        var keys: [(kind: String, key: DatabaseValue)] {
            [
                ("day", .null), ("violation", violation.databaseValue),
                ("agency", (agency ?? "UNKNOWN").databaseValue), ("county", (county ?? "UNKNOWN").databaseValue),
                ("hour", minutes.map { ($0 / 60).databaseValue } ?? .null),
            ]
        }

    }

    struct Sums {
        var violations = 0
        var fines: Int64 = 0
        var paid: Int64 = 0
        var due: Int64 = 0
        var outstanding: Int64 = 0

        mutating func add(_ e: Entry, sign: Int = 1) {
            add(fine: e.fineCents, paid: e.paidCents, due: e.dueCents, judged: e.judged, sign: sign)
        }

        mutating func add(_ r: SilverRows.Row, sign: Int) {
            add(fine: r.fine, paid: r.payment, due: r.due, judged: !r.judgment.isNull, sign: sign)
        }

        /// One row's money; `outstanding` sums what is owed on a judgment.
        private mutating func add(fine: Int64, paid: Int64, due: Int64, judged: Bool, sign: Int) {
            violations += sign
            fines += Int64(sign) * fine
            self.paid += Int64(sign) * paid
            self.due += Int64(sign) * due
            outstanding += Int64(sign) * (due > 0 && judged ? due : 0)
        }
    }

    struct Key {
        var kind: String
        var key: DatabaseValue
    }

    // One dictionary of each kind, keyed by the plain value: a key of a kind's name and a `DatabaseValue` cost more
    // to hash than the row took to clean (8% of a million-row clean).
    private var day = Sums()
    private var violations: [String: Sums] = [:]
    private var agencies: [String: Sums] = [:]
    private var counties: [String: Sums] = [:]
    private var hours: [Int: Sums] = [:]
    private var withoutTime = Sums()

    /// Counts one silver row (what ``Entry`` reads of it, and where ``Entry/keys`` puts it), or with `sign` -1 takes
    /// it out again (a row the writer kept out of silver after all).
    mutating func add(_ rows: SilverRows, _ position: Int, sign: Int = 1) {
        let r = rows[position]
        day.add(r, sign: sign)
        violations[rows.string(r.violation) ?? "UNKNOWN", default: Sums()].add(r, sign: sign)
        agencies[rows.string(r.agency) ?? "UNKNOWN", default: Sums()].add(r, sign: sign)
        counties[rows.string(r.county) ?? "UNKNOWN", default: Sums()].add(r, sign: sign)
        if r.minutes >= 0 {
            hours[Int(r.minutes) / 60, default: Sums()].add(r, sign: sign)
        } else {
            withoutTime.add(r, sign: sign)
        }
    }

    /// Every total with rows, in a fixed order.
    var sums: [(key: Key, sums: Sums)] {
        // A total whose rows were all taken out again is not listed.
        func texts(_ kind: String, _ sums: [String: Sums]) -> [(key: Key, sums: Sums)] {
            sums.filter { $0.value.violations != 0 }.sorted { $0.key < $1.key }
                .map { (Key(kind: kind, key: $0.key.databaseValue), $0.value) }
        }
        let byHour = hours.filter { $0.value.violations != 0 }.sorted { $0.key < $1.key }
            .map { (Key(kind: "hour", key: $0.key.databaseValue), $0.value) }
        let whole = day.violations > 0 ? [(key: Key(kind: "day", key: .null), sums: day)] : []
        let untimed = withoutTime.violations > 0 ? [(key: Key(kind: "hour", key: .null), sums: withoutTime)] : []
        return whole + texts("violation", violations) + texts("agency", agencies) + texts("county", counties)
            + untimed + byHour
    }

    /// Replaces the partition's stored totals with these.
    func store(partition: String, db: Database) throws {
        try db.execute(sql: "DELETE FROM nyc_partition_totals WHERE partition_key = ?", arguments: [partition])
        for (key, s) in sums {
            try db.execute(
                sql: "INSERT INTO nyc_partition_totals VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [partition, key.kind, key.key, s.violations, s.fines, s.paid, s.due, s.outstanding])
        }
    }

    /// Takes one row out of another partition's stored totals, when a later copy of its summons replaces it.
    static func remove(_ entry: Entry, from partition: String, db: Database) throws {
        var s = Sums()
        s.add(entry, sign: -1)
        for (kind, key) in entry.keys { try update(partition, Key(kind: kind, key: key), by: s, db: db) }
        try db.cachedStatement(
            sql: "DELETE FROM nyc_partition_totals WHERE partition_key = ? AND kind <> 'day' AND violations = 0"
        ).execute(arguments: [partition])
    }

    /// Adds `s` to one stored total. The statements of ``remove(_:from:db:)`` are cached: settling the copies of a
    /// summons runs them for each copy, and preparing them afresh each time was most of settling 10,000 copies.
    private static func update(_ partition: String, _ key: Key, by s: Sums, db: Database) throws {
        try db.cachedStatement(
            sql: """
                UPDATE nyc_partition_totals SET violations = violations + ?, fines_cents = fines_cents + ?,
                    paid_cents = paid_cents + ?, due_cents = due_cents + ?, outstanding_cents = outstanding_cents + ?
                WHERE partition_key = ? AND kind = ? AND key IS ?
                """
        ).execute(arguments: [s.violations, s.fines, s.paid, s.due, s.outstanding, partition, key.kind, key.key])
    }
}
