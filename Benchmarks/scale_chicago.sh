#!/usr/bin/env bash
# Scale, Chicago: N synthetic crashes with their vehicles and people through `curbside build --only chicago`
# against the loopback portal simulator, then a second build with nothing new. The rows are MADE UP, for
# speed only: `curbside simulate --synthetic-chicago N` resamples the bundled sample's 499 real crashes
# (new ids and days, everything else copied) and makes up vehicles and people for them. Never judge the
# model by these rows: its labels are copies of a few hundred crashes, so this script prints no metric of it.
#
# Prints one markdown table per size: rows per dataset, ingest rows/s, clean + aggregate seconds, train
# seconds, render + publish, the no-change rebuild, peak RSS (from /usr/bin/time -v), and the
# simulator's own time and memory (not part of the build). Stage seconds come from the warehouse's
# `runs.stage_seconds`. The machine's load is printed before and after each size: on a shared machine,
# read the figures with it.
#
#   Benchmarks/scale_chicago.sh [CRASHES ...]      (default: 100000; e.g. "100000 1000000")
#
# Needs sqlite3 and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
asof="2025-07-10"
sizes=("${@:-100000}")
swift build -c release --product curbside >/dev/null
bin="$root/.build/release/curbside"
seconds() { echo "$2 - $1" | bc -l; }
rss_mb() { sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/\1/p' "$1" | awk '{printf "%d", $1/1024}'; }
stage() { sqlite3 "$1" "SELECT printf('%.2f', coalesce(json_extract(stage_seconds, '\$.$2'), 0)) FROM runs WHERE id = $3"; }
count() { sqlite3 "$1" "SELECT count(*) FROM $2"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
printf '%s, %s, %s\n' "$(nproc) cores" "$(free -g | awk '/Mem:/ {print $2}') GiB" "$(date -u +%Y-%m-%d)"
for crashes in "${sizes[@]}"; do
    work=$(mktemp -d)
    load_before=$(load)
    printf 'ingest:\n  page_size: 50000\n  concurrency: 4\ndatasets:\n  chicago:\n    backfill_days: 365\n' \
        > "$work/bench.yml"
    t_sim=$(date +%s.%N)
    /usr/bin/time -v "$bin" simulate --synthetic-chicago "$crashes" --as-of "$asof" --port 0 \
        > "$work/sim.log" 2> "$work/sim.time" &
    timer=$!
    trap 'pkill -TERM -P "$timer" 2>/dev/null || true' EXIT
    for _ in $(seq 1 6000); do grep -q "portal simulator at" "$work/sim.log" && break; sleep 0.2; done
    t_ready=$(date +%s.%N)
    url=$(sed -n 's/^portal simulator at \(http[^ ]*\).*/\1/p' "$work/sim.log")
    [ -n "$url" ] || { cat "$work/sim.log" "$work/sim.time" >&2; exit 1; }
    made=$(sed -n 's/.*made in \([0-9.]*\) s$/\1/p' "$work/sim.log")
    run() { /usr/bin/time -v "$bin" build --config "$work/bench.yml" --warehouse "$work/w.sqlite" \
        --site "$work/site" --portal-url "$url" --as-of "$asof" --only chicago > "$work/$1.log" 2> "$work/$1.time"; }
    t0=$(date +%s.%N)
    run build || { echo "the build failed:" >&2; tail -20 "$work/build.log" "$work/build.time" >&2; exit 1; }
    t1=$(date +%s.%N)
    run again || { echo "the no-change build failed:" >&2; tail -20 "$work/again.log" >&2; exit 1; }
    t2=$(date +%s.%N)
    # Stop the simulator itself (time's child), so that time reports its peak memory.
    pkill -TERM -P "$timer" || true
    wait "$timer" 2>/dev/null || true
    load_after=$(load)
    w="$work/w.sqlite"
    ingest=$(stage "$w" ingest 1); clean=$(stage "$w" clean 1); aggregate=$(stage "$w" aggregate 1)
    quality=$(stage "$w" quality 1); train=$(stage "$w" train 1); render=$(stage "$w" render 1)
    publish=$(stage "$w" publish 1)
    silver_crashes=$(count "$w" silver_chicago_crashes); silver_vehicles=$(count "$w" silver_chicago_vehicles)
    silver_people=$(count "$w" silver_chicago_people)
    bronze=$(sqlite3 "$w" "SELECT count(*) FROM bronze_rows")
    quarantined=$(count "$w" quarantine)
    requests=$(count "$w" fetches)
    splits=$(sqlite3 "$w" "SELECT group_concat(name || ' ' || rows, ', ') FROM (SELECT * FROM model_splits ORDER BY ordinal)")
    echo
    echo "## $crashes synthetic Chicago crashes (made up, for speed only)"
    echo "load average (1, 5, 15 min) before: $load_before; after: $load_after"
    echo
    echo "| work | seconds | peak RSS |"
    echo "|---|---|---|"
    printf '| rows in silver: crashes, vehicles, people (bronze rows; quarantined) | %s, %s, %s (%s; %s) | |\n' \
        "$silver_crashes" "$silver_vehicles" "$silver_people" "$bronze" "$quarantined"
    printf '| simulator: make the rows, then load them (not part of the build) | %s + %.2f | %s MB |\n' \
        "$made" "$(echo "$(seconds "$t_sim" "$t_ready") - $made" | bc -l)" "$(rss_mb "$work/sim.time")"
    printf '| Curbside build --only chicago: loopback simulator → bronze → silver → gold → model → site | %.2f | %s MB |\n' \
        "$(seconds "$t0" "$t1")" "$(rss_mb "$work/build.time")"
    printf '| · ingest (%s requests) | %s (%.0f rows/s) | |\n' "$requests" "$ingest" "$(echo "$bronze / $ingest" | bc -l)"
    printf '| · clean + aggregate (bronze → gold) | %.2f (clean %s, aggregate %s) | |\n' \
        "$(echo "$clean + $aggregate" | bc -l)" "$clean" "$aggregate"
    printf '| · quality checks | %s | |\n' "$quality"
    printf '| · train (%s) | %s | |\n' "$splits" "$train"
    printf '| · render + publish | %.2f (render %s, publish %s) | |\n' "$(echo "$render + $publish" | bc -l)" \
        "$render" "$publish"
    printf '| Curbside no-change build | %.2f | %s MB |\n' "$(seconds "$t1" "$t2")" "$(rss_mb "$work/again.time")"
    rm -rf "$work"
done
