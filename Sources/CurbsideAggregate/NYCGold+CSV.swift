import CurbsideModel

extension NYCGold {
    /// The gold CSVs by file name under `data/`, exactly as DESIGN.md lists their columns.
    public var csvFiles: [(name: String, text: String)] {
        [
            ("nyc_daily_financials.csv", dailyCSV),
            ("nyc_weekly_financials.csv", weeklyCSV),
            ("nyc_top_violations.csv", countCSV(topViolations, header: ["violation", "violations"], money: false)),
            (
                "nyc_by_agency.csv",
                countCSV(byAgency, header: ["issuing_agency", "violations", "total_fines_issued"], money: true)
            ),
            (
                "nyc_by_county.csv",
                countCSV(byCounty, header: ["county", "violations", "total_fines_issued"], money: true)
            ),
            ("nyc_by_hour.csv", countCSV(byHour, header: ["hour", "violations", "total_fines_issued"], money: true)),
        ]
    }

    var dailyCSV: String {
        var csv = CSVText(header: [
            "date", "total_fines_issued", "total_paid_amount", "total_amount_due", "total_outstanding",
            "total_violations", "percentage_paid",
        ])
        for d in daily {
            csv.append([
                .plain(d.date.iso), .plain(Hundredths.text(d.finesCents)), .plain(Hundredths.text(d.paidCents)),
                .plain(Hundredths.text(d.dueCents)), .plain(Hundredths.text(d.outstandingCents)),
                .plain(String(d.violations)), .plain(Hundredths.text(d.percentagePaidHundredths)),
            ])
        }
        return csv.text
    }

    var weeklyCSV: String {
        var csv = CSVText(header: [
            "week_ending", "total_fines_issued", "total_paid_amount", "total_amount_due", "total_outstanding",
            "total_violations", "days_in_week", "percentage_paid",
        ])
        for w in weekly {
            csv.append([
                .plain(w.weekEnding.iso), .plain(Hundredths.text(w.finesCents)), .plain(Hundredths.text(w.paidCents)),
                .plain(Hundredths.text(w.dueCents)), .plain(Hundredths.text(w.outstandingCents)),
                .plain(String(w.violations)), .plain(String(w.daysInWeek)),
                .plain(Hundredths.text(w.percentagePaidHundredths)),
            ])
        }
        return csv.text
    }

    func countCSV(_ rows: [NYCCount], header: [String], money: Bool) -> String {
        var csv = CSVText(header: header)
        for row in rows {
            var cells: [CSVText.Cell] = [.text(row.key ?? ""), .plain(String(row.violations))]
            if money { cells.append(.plain(Hundredths.text(row.finesCents))) }
            csv.append(cells)
        }
        return csv.text
    }
}
