"""Whether Curbside's, pandas' and DuckDB's daily, weekly and top-10 CSVs say the same numbers.

Compares the columns the three share, values rounded to cents. Prints "agree" or what differs.
Usage: compare_gold.py CURBSIDE_DATA PANDAS_OUT DUCKDB_OUT
"""

import csv
import sys

FILES = {
    "nyc_daily_financials.csv": "date",
    "nyc_weekly_financials.csv": "week_ending",
    "nyc_top_violations.csv": "violation",
}


def table(path, key):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return {row[key]: row for row in rows}


def same(a, b):
    try:
        return round(float(a), 2) == round(float(b), 2)
    except ValueError:
        return a == b


def main(curbside, *others):
    problems = []
    for name, key in FILES.items():
        ours = table(f"{curbside}/{name}", key)
        for other in others:
            theirs = table(f"{other}/{name}", key)
            if ours.keys() != theirs.keys():
                problems.append(f"{name}: {other} has other {key}s")
                continue
            for k, row in ours.items():
                for column, value in row.items():
                    if column in theirs[k] and not same(value, theirs[k][column]):
                        problems.append(f"{name} {k} {column}: {value} vs {theirs[k][column]} ({other})")
    print("agree" if not problems else "DIFFER: " + "; ".join(problems[:5]))


if __name__ == "__main__":
    main(*sys.argv[1:])
