#!/usr/bin/env python3
"""An independent computation of Curbside's NYC gold CSVs (daily, weekly, top-10) from raw portal rows.

It shares no code with Curbside: plain Python with Decimal arithmetic, written from DESIGN.md's
definitions. Used to produce the expected files of the end-to-end test and to check a live build:

    scripts/independent_nyc_gold.py samples/nyc/nc67-uf89.json 2019-09-23 2019-10-23 OUTDIR

Rows whose amounts are not numbers, or whose issue_date does not parse, are left out (Curbside
quarantines them). Every day of the window counts as fetched.
"""
import collections
import datetime
import json
import sys
from decimal import Decimal, ROUND_HALF_UP, InvalidOperation

AMOUNTS = ["fine_amount", "penalty_amount", "interest_amount", "reduction_amount", "payment_amount", "amount_due"]


def amount(row, key):
    text = (row.get(key) or "").strip().replace("$", "").replace(",", "")
    return Decimal(text) if text else Decimal(0)


def main(rows_path, first, last, out):
    rows = json.load(open(rows_path))
    first = datetime.date.fromisoformat(first)
    last = datetime.date.fromisoformat(last)
    latest = {}
    for row in rows:
        try:
            day = datetime.datetime.strptime(row.get("issue_date", ""), "%m/%d/%Y").date()
            values = {k: amount(row, k) for k in AMOUNTS}
        except (ValueError, InvalidOperation):
            continue
        if first <= day <= last and row.get("summons_number"):
            latest[row["summons_number"]] = (day, values, row)
    days = {}
    d = first
    while d <= last:
        days[d] = [Decimal(0)] * 4 + [set()]
        d += datetime.timedelta(days=1)
    counts = collections.Counter()
    for summons, (day, v, row) in latest.items():
        s = days[day]
        s[0] += v["fine_amount"]
        s[1] += v["payment_amount"]
        s[2] += v["amount_due"]
        if v["amount_due"] > 0 and (row.get("judgment_entry_date") or "").strip():
            s[3] += v["amount_due"]
        s[4].add(summons)
        counts[(row.get("violation") or "").strip() or "UNKNOWN"] += 1

    def pct(paid, fines):
        return (paid / fines * 100).quantize(Decimal("0.01"), ROUND_HALF_UP) if fines else Decimal("0.00")

    with open(f"{out}/nyc_daily_financials.csv", "w") as f:
        f.write("date,total_fines_issued,total_paid_amount,total_amount_due,total_outstanding,"
                "total_violations,percentage_paid\n")
        for day, s in days.items():
            f.write(f"{day},{s[0]:.2f},{s[1]:.2f},{s[2]:.2f},{s[3]:.2f},{len(s[4])},{pct(s[1], s[0])}\n")
    weeks = collections.OrderedDict()
    for day, s in days.items():
        end = day + datetime.timedelta(days=(6 - day.weekday()))
        w = weeks.setdefault(end, [Decimal(0)] * 4 + [0, 0])
        for i in range(4):
            w[i] += s[i]
        w[4] += len(s[4])
        w[5] += 1
    with open(f"{out}/nyc_weekly_financials.csv", "w") as f:
        f.write("week_ending,total_fines_issued,total_paid_amount,total_amount_due,total_outstanding,"
                "total_violations,days_in_week,percentage_paid\n")
        for end, w in weeks.items():
            f.write(f"{end},{w[0]:.2f},{w[1]:.2f},{w[2]:.2f},{w[3]:.2f},{w[4]},{w[5]},{pct(w[1], w[0])}\n")
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].encode()))[:10]
    with open(f"{out}/nyc_top_violations.csv", "w") as f:
        f.write("violation,violations\n")
        for name, n in top:
            quoted = f'"{name}"' if ("," in name or '"' in name) else name
            f.write(f"{quoted},{n}\n")


if __name__ == "__main__":
    main(*sys.argv[1:5])
