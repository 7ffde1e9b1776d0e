#!/usr/bin/env bash
# Trains curbside's gradient-boosted trees and XGBoost `hist` side by side on the same CSV
# (200,000 x 20 synthetic rows, 160k train / 40k test: the last 20% are the test set), with the
# same settings (depth 6, eta 0.1, 300 rounds, 256 bins, 2 threads), and prints the median
# training seconds of each, both test ROC AUCs and the time ratio.
#
# Usage: CURBSIDE=/path/to/curbside Benchmarks/train/compare_xgboost.sh [RUNS] [CSV]
#   RUNS  runs of each trainer, alternating (default 3; the median is reported)
#   CSV   your own file instead of the synthetic one (needs a 0/1 column `y`; LABEL=... to change)
# Needs python3 with venv; installs xgboost-cpu (or xgboost), numpy and pandas into Benchmarks/.venv.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
benchmarks="$(dirname "$here")"
root="$(dirname "$benchmarks")"
venv="$benchmarks/.venv"
runs="${1:-3}"
csv="${2:-$benchmarks/out/synthetic_200k.csv}"
label="${LABEL:-y}"
curbside="${CURBSIDE:-$root/.build/release/curbside}"

if [ ! -x "$curbside" ]; then
    echo "no curbside binary at $curbside: run 'swift build -c release' or set CURBSIDE" >&2
    exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import xgboost, numpy, pandas" 2>/dev/null; then
    "$venv/bin/pip" install --quiet xgboost-cpu numpy pandas \
        || "$venv/bin/pip" install --quiet xgboost numpy pandas
fi
if [ ! -f "$csv" ]; then
    mkdir -p "$(dirname "$csv")"
    echo "writing $csv"
    "$venv/bin/python" "$here/make_data.py" "$csv"
fi

# The value of KEY in a `train_seconds=<s> test_auc=<auc>` line.
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

ours_times=() ours_aucs=() their_times=() their_aucs=()
for run in $(seq "$runs"); do
    ours="$("$curbside" train --csv "$csv" --label "$label" | tail -n 1)"
    theirs="$("$venv/bin/python" "$here/train_xgboost.py" "$csv" --label "$label" --threads 2 | tail -n 1)"
    echo "run $run: curbside $ours | xgboost $theirs"
    ours_times+=("$(echo "$ours" | field train_seconds)")
    ours_aucs+=("$(echo "$ours" | field test_auc)")
    their_times+=("$(echo "$theirs" | field train_seconds)")
    their_aucs+=("$(echo "$theirs" | field test_auc)")
done

ours_time="$(printf '%s\n' "${ours_times[@]}" | median)"
their_time="$(printf '%s\n' "${their_times[@]}" | median)"
ours_auc="$(printf '%s\n' "${ours_aucs[@]}" | median)"
their_auc="$(printf '%s\n' "${their_aucs[@]}" | median)"
xgboost_version="$("$venv/bin/python" -c 'import xgboost; print(xgboost.__version__)')"

echo
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median of $runs runs on $(basename "$csv"):"
printf '  curbside         train %8.3f s   test AUC %s\n' "$ours_time" "$ours_auc"
printf '  xgboost %-8s train %8.3f s   test AUC %s\n' "$xgboost_version" "$their_time" "$their_auc"
awk -v a="$ours_time" -v b="$their_time" -v x="$ours_auc" -v y="$their_auc" 'BEGIN {
    d = x - y; if (d < 0) d = -d
    printf "  time ratio curbside/xgboost %.2f (target <= 1.00); AUC difference %.4f (target <= 0.005)\n", a / b, d
}'
