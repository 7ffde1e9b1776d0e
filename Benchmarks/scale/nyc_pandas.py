"""The reference pipeline's NYC logic in pandas, for comparison only (never a Curbside dependency).

JSON array as the portal sends it -> the three DESIGN.md gold CSVs (daily, weekly, top 10 violations)
with the same rules: money strips `$` and `,`, missing is 0, a non-number drops the row; one row per
summons (the last copy wins); weeks end on Sunday. Prints one JSON line: load and transform seconds,
peak RSS. Usage: nyc_pandas.py ROWS.json OUT_FOLDER
"""

import json
import os
import resource
import sys
import time

import pandas as pd

MONEY = ["fine_amount", "penalty_amount", "interest_amount", "reduction_amount", "payment_amount", "amount_due"]


def main(path, out):
    start = time.perf_counter()
    df = pd.read_json(path, dtype=False)
    loaded = time.perf_counter()
    for column in MONEY:
        text = df[column].fillna("").astype(str).str.strip().str.replace(r"[$,]", "", regex=True)
        number = pd.to_numeric(text.where(text != "", "0"), errors="coerce")
        df[column] = number
    df = df.dropna(subset=MONEY)
    df["date"] = pd.to_datetime(df["issue_date"].str.strip(), format="%m/%d/%Y", errors="coerce")
    df = df.dropna(subset=["date"])
    df = df.drop_duplicates("summons_number", keep="last")
    judged = df["judgment_entry_date"].fillna("").astype(str).str.strip() != ""
    df["outstanding"] = df["amount_due"].where(judged & (df["amount_due"] > 0), 0.0)
    sums = {
        "total_fines_issued": ("fine_amount", "sum"),
        "total_paid_amount": ("payment_amount", "sum"),
        "total_amount_due": ("amount_due", "sum"),
        "total_outstanding": ("outstanding", "sum"),
        "total_violations": ("summons_number", "nunique"),
    }
    daily = df.groupby("date").agg(**sums).reset_index()
    daily["percentage_paid"] = (daily.total_paid_amount / daily.total_fines_issued * 100).where(
        daily.total_fines_issued != 0, 0.0)
    daily["date"] = daily["date"].dt.strftime("%Y-%m-%d")
    df["week_ending"] = df["date"] + pd.to_timedelta(6 - df["date"].dt.day_of_week, unit="D")
    weekly = df.groupby("week_ending").agg(**sums, days_in_week=("date", "nunique")).reset_index()
    weekly["percentage_paid"] = (weekly.total_paid_amount / weekly.total_fines_issued * 100).where(
        weekly.total_fines_issued != 0, 0.0)
    weekly["week_ending"] = weekly["week_ending"].dt.strftime("%Y-%m-%d")
    violation = df["violation"].fillna("").astype(str).str.strip()
    df["violation"] = violation.where(violation != "", "UNKNOWN")
    top = df.groupby("violation")["summons_number"].nunique().rename("violations").reset_index()
    top = top.sort_values(["violations", "violation"], ascending=[False, True]).head(10)
    os.makedirs(out, exist_ok=True)
    daily.to_csv(f"{out}/nyc_daily_financials.csv", index=False, float_format="%.2f")
    weekly.to_csv(f"{out}/nyc_weekly_financials.csv", index=False, float_format="%.2f")
    top.to_csv(f"{out}/nyc_top_violations.csv", index=False)
    done = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"tool": "pandas " + pd.__version__, "load": loaded - start, "transform": done - loaded,
                      "peak_rss": peak, "rows": int(len(df))}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
