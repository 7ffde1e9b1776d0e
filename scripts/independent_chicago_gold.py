#!/usr/bin/env python3
"""An independent computation of Curbside's five Chicago gold CSVs from raw Socrata crash rows.

It shares no code with Curbside: plain Python with Decimal arithmetic, written from the Chicago gold
spec (daily, weekly, hour x weekday, conditions, grid). Used to produce the expected files of the
end-to-end test and to check a live build:

    scripts/independent_chicago_gold.py samples/chicago/85ca-t3if.json 2022-09-24 365 OUTDIR

Rows that are not objects, lack crash_record_id, have a missing or unparseable crash_date, or a
crash_date after AS_OF are quarantined. Of the remaining rows the later copy of a crash_record_id wins;
only crashes with AS_OF - BACKFILL_DAYS <= date < AS_OF enter gold. Invalid coordinates are replaced by
the median of the valid ones in the window (12-decimal exact arithmetic) and counted as imputed.
"""
import collections
import datetime
import json
import re
import sys
from decimal import Decimal, ROUND_DOWN, ROUND_HALF_UP

DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{3})?)?)?$")
INT_RE = re.compile(r"^[+-]?\d+$")
DECIMAL_RE = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
FLAG_TRUE = {"Y", "YES", "TRUE", "T", "1"}
PLACES12 = Decimal("1e-12")
CATEGORIES = [  # (dimension, portal field, kept values, aliases)
    ("weather", "weather_condition", {"CLEAR", "RAIN", "SNOW", "CLOUDY/OVERCAST"},
     {"BLOWING SNOW": "SNOW", "SLEET/HAIL": "SNOW", "FREEZING RAIN/DRIZZLE": "SNOW"}),
    ("lighting", "lighting_condition",
     {"DAYLIGHT", "DARKNESS", "DARKNESS, LIGHTED ROAD", "DAWN", "DUSK", "UNKNOWN"}, {}),
    ("surface", "roadway_surface_cond", {"DRY", "WET", "SNOW OR SLUSH", "ICE", "UNKNOWN"}, {}),
    ("traffic_control", "traffic_control_device",
     {"NO CONTROLS", "TRAFFIC SIGNAL", "STOP SIGN/FLASHER", "UNKNOWN"}, {}),
]


def text(row, key):
    """The trimmed string value of a field, or None when missing or not a string."""
    value = row.get(key)
    return value.strip() if isinstance(value, str) else None


def integer(row, key):
    """The field as an int when it is an integer string, else None."""
    value = text(row, key)
    return int(value) if value is not None and INT_RE.match(value) else None


def parse_crash_date(value):
    """(date, hour) of a crash_date string, or None when it does not parse as a valid timestamp."""
    m = DATE_RE.match(value) if isinstance(value, str) else None
    if not m:
        return None
    try:
        day = datetime.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    hour, minute, second = (int(g) if g else 0 for g in (m[4], m[5], m[6]))
    return (day, hour) if hour <= 23 and minute <= 59 and second <= 59 else None


def coordinates(row):
    """(lat, lng) truncated to 12 decimals when valid, else None."""
    lat, lng = text(row, "latitude"), text(row, "longitude")
    if lat is None or lng is None or not DECIMAL_RE.match(lat) or not DECIMAL_RE.match(lng):
        return None
    lat, lng = (Decimal(v).quantize(PLACES12, ROUND_DOWN) for v in (lat, lng))
    if lat == 0 and lng == 0:
        return None
    if not (Decimal("41.6") <= lat <= Decimal("42.1") and Decimal("-88.0") <= lng <= Decimal("-87.5")):
        return None
    return lat, lng


def median(values):
    """Median at 12 decimals; the mean of the two middles is rounded half away from zero."""
    s, n = sorted(values), len(values)
    if n % 2:
        return s[n // 2]
    return ((s[n // 2 - 1] + s[n // 2]) / 2).quantize(PLACES12, ROUND_HALF_UP)


def category(row, field, kept, aliases):
    value = (text(row, field) or "").upper()
    value = aliases.get(value, value)
    return value if value in kept else "OTHER"


def silver(rows, as_of, first):
    """Quarantine, deduplicate (later wins) and window the rows; returns (crashes, quarantine counts)."""
    quarantined, latest = collections.Counter(), {}
    for row in rows:
        parsed = parse_crash_date(row.get("crash_date")) if isinstance(row, dict) else None
        if not isinstance(row, dict):
            quarantined["not_an_object"] += 1
        elif not text(row, "crash_record_id"):
            quarantined["missing_crash_record_id"] += 1
        elif parsed is None:
            quarantined["unparseable_crash_date"] += 1
        elif parsed[0] > as_of:
            quarantined["crash_date_in_future"] += 1
        else:
            latest[text(row, "crash_record_id")] = row
    crashes = []
    for row in latest.values():
        day, date_hour = parse_crash_date(row["crash_date"])
        if not first <= day < as_of:
            continue
        hour, dow = integer(row, "crash_hour"), integer(row, "crash_day_of_week")
        crashes.append({
            "date": day,
            "hour": hour if hour is not None and 0 <= hour <= 23 else date_hour,
            "dow": dow if dow is not None and 1 <= dow <= 7 else day.isoweekday() % 7 + 1,
            "hit_and_run": 1 if (text(row, "hit_and_run_i") or "").upper() in FLAG_TRUE else 0,
            "injuries_total": integer(row, "injuries_total") or 0,
            "injuries_fatal": integer(row, "injuries_fatal") or 0,
            "coords": coordinates(row),
            **{dim: category(row, field, kept, aliases) for dim, field, kept, aliases in CATEGORIES},
        })
    return crashes, quarantined


def impute(crashes):
    """Replace invalid coordinates by the window medians; add lat_bin/lng_bin; return imputed count."""
    valid = [c["coords"] for c in crashes if c["coords"]]
    fill = (median([v[0] for v in valid]), median([v[1] for v in valid])) if valid else None
    imputed = 0
    for c in crashes:
        if c["coords"] is None:
            c["coords"], imputed = fill, imputed + 1
        if c["coords"] is not None:
            c["lat_bin"], c["lng_bin"] = (f"{v.quantize(Decimal('0.01'), ROUND_HALF_UP):.2f}" for v in c["coords"])
    return imputed


def rate(h, c):
    """h / c rounded half up to exactly 4 decimals (exact integer arithmetic); empty when c = 0."""
    if c == 0:
        return ""
    q = (h * 20000 + c) // (2 * c)
    return f"{q // 10000}.{q % 10000:04d}"


def field(value):
    value = str(value)
    return '"' + value.replace('"', '""') + '"' if ("," in value or '"' in value) else value


def write(path, header, lines):
    with open(path, "w", newline="") as f:
        f.write(header + "\n")
        for line in lines:
            f.write(",".join(field(v) for v in line) + "\n")


def daily_sums(crashes, first, as_of):
    """{date: [crashes, injuries_total, injuries_fatal, hit_and_run]} for every day of the window."""
    days, d = {}, first
    while d < as_of:
        days[d], d = [0, 0, 0, 0], d + datetime.timedelta(days=1)
    for c in crashes:
        s = days[c["date"]]
        s[0], s[1] = s[0] + 1, s[1] + c["injuries_total"]
        s[2], s[3] = s[2] + c["injuries_fatal"], s[3] + c["hit_and_run"]
    return days


def grouped(crashes, key):
    """[(value, crashes, hit_and_run)] ordered by crashes descending then value in byte order."""
    n, h = collections.Counter(), collections.Counter()
    for c in crashes:
        n[key(c)] += 1
        h[key(c)] += c["hit_and_run"]
    return sorted(((v, n[v], h[v]) for v in n), key=lambda t: (-t[1], t[0].encode()))


def main(rows_path, as_of, backfill_days, out):
    rows = json.load(open(rows_path))
    as_of = datetime.date.fromisoformat(as_of)
    first = as_of - datetime.timedelta(days=int(backfill_days))
    crashes, quarantined = silver(rows, as_of, first)
    imputed = impute(crashes)
    header = "crashes,injuries_total,injuries_fatal,hit_and_run,hit_and_run_rate"

    days = daily_sums(crashes, first, as_of)
    write(f"{out}/chicago_crashes_daily.csv", "date," + header,
          ([d] + s + [rate(s[3], s[0])] for d, s in days.items()))
    weeks = {}
    for d, s in days.items():
        w = weeks.setdefault(d + datetime.timedelta(days=6 - d.weekday()), [0, 0, 0, 0])
        for i in range(4):
            w[i] += s[i]
    write(f"{out}/chicago_crashes_weekly.csv", "week_ending," + header,
          ([d] + w + [rate(w[3], w[0])] for d, w in weeks.items()))

    cells = collections.Counter((c["dow"], c["hour"]) for c in crashes)
    write(f"{out}/chicago_hour_weekday.csv", "crash_day_of_week,crash_hour,crashes",
          ([d, h, cells[(d, h)]] for d in range(1, 8) for h in range(24)))

    write(f"{out}/chicago_conditions.csv", "dimension,value,crashes,hit_and_run_rate",
          ([dim, v, n, rate(h, n)] for dim, *_ in CATEGORIES for v, n, h in grouped(crashes, lambda c: c[dim])))
    located = [c for c in crashes if "lat_bin" in c]  # all of them unless the window has no valid point
    write(f"{out}/chicago_grid.csv", "grid_id,lat_bin,lng_bin,crashes,hit_and_run_rate",
          ([g, *g.split("_"), n, rate(h, n)]
           for g, n, h in grouped(located, lambda c: f"{c['lat_bin']}_{c['lng_bin']}")))

    reasons = ", ".join(f"{k}={v}" for k, v in sorted(quarantined.items())) or "none"
    print(f"rows read {len(rows)}; quarantined {sum(quarantined.values())} ({reasons}); "
          f"in window {len(crashes)}; imputed {imputed}")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:5])
