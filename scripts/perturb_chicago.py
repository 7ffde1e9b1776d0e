#!/usr/bin/env python3
"""A deterministic perturbed copy of a Chicago crash sample, for exercising quarantine and cleaning rules.

    scripts/perturb_chicago.py samples/chicago/85ca-t3if.json OUT.json

About 10% of the rows in the window (as-of 2022-09-24, 365 days back) are picked with
random.Random(7), and each gets one perturbation, taken in turn from PERTURBATIONS: bad coordinates
(0,0 / out of range / removed / non-numeric), unknown or oddly written categories, crash_hour 25, a
missing crash_day_of_week, odd hit_and_run_i flags, a later duplicate with changed fields, a missing
crash_record_id, an unparseable or future crash_date, and a non-integer injuries_total. The same
input always gives the same output, byte for byte.
"""
import copy
import datetime
import json
import random
import sys

AS_OF = datetime.date(2022, 9, 24)
BACKFILL_DAYS = 365
SHARE = 0.10


def set_fields(**values):
    """A perturbation that sets the given fields (None removes the field)."""
    def apply(row, rows):
        for key, value in values.items():
            if value is None:
                row.pop(key, None)
            else:
                row[key] = value
    apply.__name__ = "set " + ", ".join(f"{k}={v!r}" for k, v in values.items())
    return apply


def duplicate_later(row, rows):
    """Append a copy with the same crash_record_id and changed fields: the later copy must win."""
    dup = copy.deepcopy(row)
    dup["injuries_total"] = str(int(dup.get("injuries_total") or 0) + 3)
    dup["weather_condition"] = "SNOW"
    dup["hit_and_run_i"] = "Y"
    rows.append(dup)


PERTURBATIONS = [
    set_fields(latitude="0", longitude="0"),
    set_fields(latitude="40.5", longitude="-87.65"),
    set_fields(latitude=None, longitude=None, location=None),
    set_fields(latitude="north", longitude="-87.6x"),
    set_fields(weather_condition="FOG/SMOKE/HAZE"),
    set_fields(weather_condition="SEVERE CROSS WIND GATE"),
    set_fields(weather_condition="rain"),
    set_fields(weather_condition=None, roadway_surface_cond=None),
    set_fields(crash_hour="25"),
    set_fields(crash_day_of_week=None),
    set_fields(hit_and_run_i="y"),
    set_fields(hit_and_run_i="true"),
    set_fields(hit_and_run_i="1"),
    set_fields(hit_and_run_i="N"),
    duplicate_later,
    set_fields(crash_record_id=None),
    set_fields(crash_date="not a date"),
    set_fields(crash_date="2030-01-01T00:00:00.000"),
    set_fields(injuries_total="abc"),
]


def in_window(row):
    """True when the row's crash_date day lies in [AS_OF - BACKFILL_DAYS, AS_OF)."""
    try:
        day = datetime.date.fromisoformat(str(row.get("crash_date", ""))[:10])
    except ValueError:
        return False
    return AS_OF - datetime.timedelta(days=BACKFILL_DAYS) <= day < AS_OF


def perturb(rows, rng):
    """Perturb a random ~10% of the in-window rows in place; returns [(index, perturbation name)]."""
    candidates = [i for i, row in enumerate(rows) if isinstance(row, dict) and in_window(row)]
    count = max(len(PERTURBATIONS), round(len(candidates) * SHARE))
    picked = sorted(rng.sample(candidates, min(count, len(candidates))))
    done = []
    for n, i in enumerate(picked):
        change = PERTURBATIONS[n % len(PERTURBATIONS)]
        change(rows[i], rows)
        done.append((i, change.__name__))
    return done


def main(rows_path, out_path):
    rows = json.load(open(rows_path))
    done = perturb(rows, random.Random(7))
    with open(out_path, "w") as f:
        json.dump(rows, f, indent=1)
        f.write("\n")
    for i, name in done:
        print(f"row {i}: {name}")
    print(f"{len(done)} rows perturbed; {len(rows)} rows written to {out_path}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:3])
