#!/usr/bin/env bash
# Scale: N synthetic NYC rows (resampled from the real sample: for speed, never for judging results)
# through the whole pipeline, and the same rows through the reference NYC logic in pandas and DuckDB.
# Prints one table: ingest rows/s, clean + aggregate, train, render + publish, no-change rebuild, one new day,
# peak RSS, and the alternatives' load/transform seconds and peak RSS with the ratios. Also checks that
# the three tools' daily, weekly and top-10 CSVs agree.
#
# The simulator serves the window of the day after the as-of: N rows over its first 30 days (what the
# first build reads) and N/30 more on its last day, which the third build (as-of + 1 day) brings in as
# one new day. pandas and DuckDB read every served row; the CSVs compared are the third build's.
#
# Training: NYC has no model, so the train seconds are the trainer's (the one the Chicago hit-and-run model uses)
# on a CSV of the same number of rows, `Benchmarks/train/make_data.py`'s deterministic synthetic rows (20 features,
# the last 20% the test set), with `curbside train --csv` and XGBoost `hist` (same settings, 2 threads) side by side.
#
#   Benchmarks/scale.sh [ROWS ...]      (default: 1000000; e.g. "1000000 5000000")
#
# Needs python3 with venv (installs pandas and duckdb from PyPI into Benchmarks/.venv) and sqlite3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv="$root/Benchmarks/.venv"
asof="2025-07-10"
next_day=$(date -u -d "$asof + 1 day" +%Y-%m-%d)
sizes=("${@:-1000000}")
swift build -c release --product curbside >/dev/null
bin="$root/.build/release/curbside"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import pandas, duckdb" 2>/dev/null || "$venv/bin/pip" install --quiet pandas duckdb
"$venv/bin/python" -c "import xgboost" 2>/dev/null || "$venv/bin/pip" install --quiet xgboost-cpu \
    || "$venv/bin/pip" install --quiet xgboost
seconds() { echo "$2 - $1" | bc -l; }
rss_mb() { sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/\1/p' "$1" | awk '{printf "%d", $1/1024}'; }
stage() { sqlite3 "$1" "SELECT printf('%.2f', coalesce(json_extract(stage_seconds, '\$.$2'), 0)) FROM runs WHERE id = $3"; }
printf '%s, %s, %s\n' "$(nproc) cores" "$(free -g | awk '/Mem:/ {print $2}') GiB" "$(date -u +%Y-%m-%d)"
for rows in "${sizes[@]}"; do
    work=$(mktemp -d)
    printf 'ingest:\n  page_size: 50000\n  concurrency: 4\ndatasets:\n  nyc:\n    max_days_per_run: 0\n' > "$work/bench.yml"
    "$bin" simulate --synthetic-nyc "$((rows + rows / 30))" --as-of "$next_day" --port 0 --write-json "$work/rows.json" \
        > "$work/sim.log" &
    sim=$!
    for _ in $(seq 1 1200); do grep -q "portal simulator at" "$work/sim.log" && break; sleep 0.5; done
    url=$(sed -n 's/^portal simulator at \(http[^ ]*\).*/\1/p' "$work/sim.log")
    run() { /usr/bin/time -v "$bin" build --config "$work/bench.yml" --warehouse "$work/w.sqlite" --site "$work/site" \
        --portal-url "$url" --as-of "$2" --only nyc > "$work/$1.log" 2> "$work/$1.time"; }
    t0=$(date +%s.%N); run build "$asof"; t1=$(date +%s.%N); run again "$asof"; t2=$(date +%s.%N)
    run next "$next_day"; t3=$(date +%s.%N)
    kill "$sim"; wait "$sim" 2>/dev/null || true
    w="$work/w.sqlite"
    ingest=$(stage "$w" ingest 1); clean=$(stage "$w" clean 1); aggregate=$(stage "$w" aggregate 1)
    quality=$(stage "$w" quality 1); render=$(stage "$w" render 1); publish=$(stage "$w" publish 1)
    last=$(sqlite3 "$w" "SELECT max(id) FROM runs")
    first_rows=$(sqlite3 "$w" "SELECT sum(rows) FROM partitions WHERE dataset = 'nyc_violations' AND key < (SELECT max(key) FROM partitions WHERE dataset = 'nyc_violations')")
    next_clean=$(stage "$w" clean "$last"); next_aggregate=$(stage "$w" aggregate "$last")
    next_render=$(stage "$w" render "$last"); next_publish=$(stage "$w" publish "$last")
    transform=$(echo "$clean + $aggregate" | bc -l)
    gold="$work/site/latest/data"
    # An alternative that fails (out of memory, say) is reported, not fatal.
    ran=()
    for tool in pandas duckdb; do
        if "$venv/bin/python" "Benchmarks/scale/nyc_$tool.py" "$work/rows.json" "$work/$tool" > "$work/$tool.json" \
            2> "$work/$tool.err"; then ran+=("$work/$tool"); else rm -f "$work/$tool.json"; fi
    done
    field() { "$venv/bin/python" -c "import json,sys; print('%.2f' % json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }
    mb() { "$venv/bin/python" -c "import json,sys; print(int(json.load(open(sys.argv[1]))['peak_rss'] / 2**20))" "$1"; }
    failed() { echo "fails: $(tail -n 1 "$work/$1.err" | cut -c1-120)"; }
    # The trainer on as many rows, then XGBoost on the same file.
    "$venv/bin/python" Benchmarks/train/make_data.py "$work/train.csv" "$rows"
    /usr/bin/time -v "$bin" train --csv "$work/train.csv" --label y > "$work/train.log" 2> "$work/train.time"
    /usr/bin/time -v "$venv/bin/python" Benchmarks/train/train_xgboost.py "$work/train.csv" --label y --threads 2 \
        > "$work/xgboost.log" 2> "$work/xgboost.time"
    trained() { sed -n "s/.*$2=\([^ ]*\).*/\1/p" "$work/$1.log" | tail -n 1; }
    agree="no other tool ran"
    [ ${#ran[@]} -eq 0 ] || agree=$("$venv/bin/python" Benchmarks/scale/compare_gold.py "$gold" "${ran[@]}")
    echo
    echo "## $first_rows NYC rows in the first build ($(( $(stat -c %s "$work/rows.json") / 1000000 )) MB of JSON served in all)"
    echo "| work | seconds | peak RSS |"
    echo "|---|---|---|"
    printf '| Curbside build: loopback simulator → bronze → silver → gold → site | %.2f | %s MB |\n' \
        "$(seconds "$t0" "$t1")" "$(rss_mb "$work/build.time")"
    printf '| · ingest | %s (%.0f rows/s) | |\n' "$ingest" "$(echo "$first_rows / $ingest" | bc -l)"
    printf '| · clean + aggregate (bronze → gold) | %.2f (clean %s, aggregate %s) | |\n' "$transform" "$clean" "$aggregate"
    printf '| · quality checks | %s | |\n' "$quality"
    printf '| · render + publish | %.2f (render %s, publish %s) | |\n' "$(echo "$render + $publish" | bc -l)" "$render" "$publish"
    printf '| Curbside no-change build | %.2f | %s MB |\n' "$(seconds "$t1" "$t2")" "$(rss_mb "$work/again.time")"
    printf '| Curbside build with one new day (%d rows) | %.2f | %s MB |\n' "$((rows / 30))" "$(seconds "$t2" "$t3")" \
        "$(rss_mb "$work/next.time")"
    printf '| · clean + aggregate | %.2f (clean %s, aggregate %s) | |\n' "$(echo "$next_clean + $next_aggregate" | bc -l)" \
        "$next_clean" "$next_aggregate"
    printf '| · render + publish | %.2f (render %s, publish %s) | |\n' "$(echo "$next_render + $next_publish" | bc -l)" \
        "$next_render" "$next_publish"
    for tool in pandas DuckDB; do
        json="$work/${tool,,}.json"
        if [ -f "$json" ]; then
            printf '| %s: load + transform | %s + %s | %s MB |\n' "$tool" "$(field "$json" load)" "$(field "$json" transform)" \
                "$(mb "$json")"
        else
            printf '| %s: load + transform | %s | |\n' "$tool" "$(failed "${tool,,}")"
        fi
    done
    if [ -f "$work/duckdb.json" ]; then
        printf '| ratio: Curbside bronze → gold / DuckDB transform | %.1f× | |\n' \
            "$(echo "$transform / $(field "$work/duckdb.json" transform)" | bc -l)"
    fi
    if [ -f "$work/pandas.json" ]; then
        printf '| ratio: Curbside build / pandas load + transform | %.2f× | |\n' "$(echo "$(seconds "$t0" "$t1") / \
            ($(field "$work/pandas.json" load) + $(field "$work/pandas.json" transform))" | bc -l)"
    fi
    echo "| gold CSVs of Curbside and the tools that ran | $agree | |"
    printf '| Curbside train --csv, %d synthetic rows × 20 features (300 rounds, depth 6; test ROC AUC %s) | %s | %s MB |\n' \
        "$rows" "$(trained train test_auc)" "$(trained train train_seconds)" "$(rss_mb "$work/train.time")"
    printf '| XGBoost %s hist, the same rows and settings (test ROC AUC %s) | %s | %s MB |\n' \
        "$("$venv/bin/python" -c 'import xgboost; print(xgboost.__version__)')" "$(trained xgboost test_auc)" \
        "$(trained xgboost train_seconds)" "$(rss_mb "$work/xgboost.time")"
    printf '| ratio: Curbside train / XGBoost train | %.2f× | |\n' \
        "$(echo "$(trained train train_seconds) / $(trained xgboost train_seconds)" | bc -l)"
    rm -rf "$work"
done
