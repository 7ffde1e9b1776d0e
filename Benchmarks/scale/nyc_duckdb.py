"""The same NYC work as nyc_pandas.py in DuckDB, from the local JSON file, for comparison only.

Load (read_json into a table, every column as text) and transform (the three gold CSVs) are timed
apart. Two threads, as the machine has two cores. Usage: nyc_duckdb.py ROWS.json OUT_FOLDER
"""

import json
import os
import resource
import sys
import time

import duckdb

MONEY = ["fine_amount", "penalty_amount", "interest_amount", "reduction_amount", "payment_amount", "amount_due"]


def money(column):
    text = f"trim(coalesce({column}, ''))"
    return f"TRY_CAST(CASE WHEN {text} = '' THEN '0' ELSE replace(replace({text}, '$', ''), ',', '') END AS DOUBLE)"


def main(path, out):
    os.makedirs(out, exist_ok=True)
    db = duckdb.connect()
    db.execute("SET threads = 2")
    columns = ["summons_number", "issue_date", "violation", "judgment_entry_date"] + MONEY
    start = time.perf_counter()
    spec = ", ".join(f"'{c}': 'VARCHAR'" for c in columns)
    db.execute(f"CREATE TABLE raw AS SELECT * FROM read_json('{path}', format='array', columns={{{spec}}}, maximum_object_size=1073741824)")
    loaded = time.perf_counter()
    db.execute(f"""
        CREATE TABLE clean AS
        SELECT summons_number, strptime(trim(issue_date), '%m/%d/%Y')::DATE AS date,
            coalesce(nullif(trim(violation), ''), 'UNKNOWN') AS violation,
            {', '.join(money(c) + ' AS ' + c for c in MONEY)},
            coalesce(trim(judgment_entry_date), '') <> '' AS judged
        FROM raw
        WHERE {' AND '.join(money(c) + ' IS NOT NULL' for c in MONEY)}
        QUALIFY row_number() OVER (PARTITION BY summons_number ORDER BY rowid DESC) = 1
    """)
    sums = """round(sum(fine_amount), 2) AS total_fines_issued, round(sum(payment_amount), 2) AS total_paid_amount,
        round(sum(amount_due), 2) AS total_amount_due,
        round(sum(CASE WHEN judged AND amount_due > 0 THEN amount_due ELSE 0 END), 2) AS total_outstanding,
        count(DISTINCT summons_number) AS total_violations"""
    paid = "round(CASE WHEN sum(fine_amount) = 0 THEN 0 ELSE sum(payment_amount) / sum(fine_amount) * 100 END, 2)"
    db.execute(f"""COPY (SELECT strftime(date, '%Y-%m-%d') AS date, {sums}, {paid} AS percentage_paid
        FROM clean GROUP BY date ORDER BY date) TO '{out}/nyc_daily_financials.csv' (HEADER)""")
    db.execute(f"""COPY (SELECT strftime(date + (6 - isodow(date) + 1) % 7 * INTERVAL 1 DAY, '%Y-%m-%d') AS week_ending,
        {sums}, count(DISTINCT date) AS days_in_week, {paid} AS percentage_paid
        FROM clean GROUP BY 1 ORDER BY 1) TO '{out}/nyc_weekly_financials.csv' (HEADER)""")
    db.execute(f"""COPY (SELECT violation, count(DISTINCT summons_number) AS violations FROM clean
        GROUP BY violation ORDER BY violations DESC, violation LIMIT 10) TO '{out}/nyc_top_violations.csv' (HEADER)""")
    done = time.perf_counter()
    rows = db.execute("SELECT count(*) FROM clean").fetchone()[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"tool": "duckdb " + duckdb.__version__, "load": loaded - start, "transform": done - loaded,
                      "peak_rss": peak, "rows": int(rows)}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
