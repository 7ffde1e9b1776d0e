#!/usr/bin/env bash
# Ingest throughput: N synthetic NYC rows (resampled from the real sample; for speed, not for
# judging results) served by the loopback portal simulator in 50,000-row pages, through the libcurl
# ingestion into bronze. Prints rows/s and peak RSS (from /usr/bin/time -v).
#
#   Benchmarks/ingest.sh [ROWS]        (default 1000000; builds a release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
asof="2025-07-10"
work="$(mktemp -d)"
trap 'kill "$sim" 2>/dev/null || true; rm -rf "$work"' EXIT
swift build -c release --product curbside >/dev/null
bin=.build/release/curbside
cat > "$work/bench.yml" <<YAML
ingest:
  page_size: 50000
  concurrency: 4
datasets:
  nyc:
    max_days_per_run: 0
YAML
"$bin" simulate --synthetic-nyc "$rows" --as-of "$asof" --port 0 > "$work/sim.log" &
sim=$!
for _ in $(seq 1 600); do grep -q "portal simulator at" "$work/sim.log" && break; sleep 0.2; done
url=$(sed -n 's/^portal simulator at \(http[^ ]*\).*/\1/p' "$work/sim.log")
bytes=$(sed -n 's/^synthetic: [0-9]* NYC rows (\([0-9]*\) bytes).*/\1/p' "$work/sim.log")
start=$(date +%s.%N)
/usr/bin/time -v "$bin" ingest --config "$work/bench.yml" --warehouse "$work/w.sqlite" --site "$work/site" \
  --portal-url "$url" --as-of "$asof" --only nyc 2> "$work/time.log" >/dev/null
end=$(date +%s.%N)
seconds=$(echo "$end - $start" | bc -l)
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\)/\1/p' "$work/time.log")
stored=$(sqlite3 "$work/w.sqlite" "SELECT count(*) FROM bronze_rows")
printf 'rows served      %d (%d MB of JSON)\n' "$rows" "$((bytes / 1000000))"
printf 'rows in bronze   %d\n' "$stored"
printf 'ingest seconds   %.2f\n' "$seconds"
printf 'rows/s           %.0f\n' "$(echo "$stored / $seconds" | bc -l)"
printf 'peak RSS         %d MB\n' "$((rss_kb / 1024))"
printf 'warehouse size   %d MB\n' "$(( $(stat -c %s "$work/w.sqlite") / 1000000 ))"
