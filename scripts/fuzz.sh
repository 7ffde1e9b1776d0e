#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (with AddressSanitizer) and runs each for FUZZ_SECONDS.
#
# Each target starts from a writable copy of its seeds (Fuzz/Corpus/<target>/, never written to), kept in
# .build-fuzz/runs/<target>/corpus so later runs go on from what earlier ones found, and uses the dictionary
# Fuzz/Dictionaries/<target>.dict. A crash, leak, timeout or out-of-memory stops that target, keeps the input in
# .build-fuzz/runs/<target>/artifacts/ and makes the script exit 1 after the other targets have run.
#
# Environment: FUZZ_SECONDS (default 60) per target; FUZZ_TARGETS (default all) names some of them;
# FUZZ_TIMEOUT (default 10) seconds for one input; FUZZ_RSS_MB (default 2048); FUZZ_BUILD_JOBS (default 1);
# FUZZ_SEED (default: libFuzzer picks one) fixes the mutations, so a run can be repeated (CI sets it).
set -uo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SECONDS_EACH=${FUZZ_SECONDS:-60}
TIMEOUT=${FUZZ_TIMEOUT:-10}
RSS_MB=${FUZZ_RSS_MB:-2048}
SCRATCH=.build-fuzz
ALL="portal-page row-offsets soql front-matter page config training-csv model-json"
TARGETS=${FUZZ_TARGETS:-$ALL}

mkdir -p "$SCRATCH/runs"
echo "fuzz: building the targets (libFuzzer + AddressSanitizer) in $SCRATCH"
# SwiftPM hands swiftc `-sanitize=fuzzer -sanitize=address` as two flags, and the second replaces the first: the
# Swift code would get AddressSanitizer but no coverage counters, so libFuzzer would fuzz blind. The one combined
# flag after them instruments both; `--sanitize` stays so that the link takes libFuzzer's `main`.
if ! "$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize=fuzzer,address -j "${FUZZ_BUILD_JOBS:-1}" >"$SCRATCH/runs/build.log" 2>&1; then
    grep -v "Cannot export local symbol" "$SCRATCH/runs/build.log" | tail -40
    echo "fuzz: the build failed (log: $SCRATCH/runs/build.log)"
    exit 2
fi
bin=$("$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" --show-bin-path)

failed=0
summary=""
for target in $TARGETS; do
    work="$SCRATCH/runs/$target"
    mkdir -p "$work/corpus" "$work/artifacts"
    rm -f "$work"/artifacts/*
    cp -n Fuzz/Corpus/"$target"/* "$work/corpus/" 2>/dev/null
    log="$work/fuzz.log"
    echo "fuzz: $target for ${SECONDS_EACH}s (log: $log)"
    # The Swift runtime's own crash handler reads memory AddressSanitizer then reports; libFuzzer prints the stack.
    SWIFT_BACKTRACE=enable=no "$bin/fuzz-$target" -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" \
        -rss_limit_mb="$RSS_MB" -artifact_prefix="$work/artifacts/" -dict="Fuzz/Dictionaries/$target.dict" \
        -print_final_stats=1 ${FUZZ_SEED:+-seed="$FUZZ_SEED"} "$work/corpus" >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
    corpus=$(find "$work/corpus" -type f | wc -l)
    if [ "$status" -eq 0 ]; then
        result="ok"
    else
        failed=1
        input=$(find "$work/artifacts" -type f | head -1)
        kind=$(basename "${input:-unknown-}" | cut -d- -f1)
        result="FOUND a $kind: ${input:-no input kept}"
        grep -E "ERROR|Fatal error|SUMMARY|fuzz check failed|==[0-9]+==" "$log" | head -8
        echo "fuzz: $target found a $kind (exit $status), input: ${input:-none}"
        echo "fuzz: replay with: SWIFT_BACKTRACE=enable=no $bin/fuzz-$target ${input:-}"
    fi
    summary+=$(printf '%-14s runs %-9s cov %-6s ft %-6s corpus %-5s %s' "$target" "${runs:-?}" "${cov:-?}" \
        "${ft:-?}" "$corpus" "$result")$'\n'
done
echo
echo "fuzz: ${SECONDS_EACH}s per target"
printf '%s' "$summary"
exit "$failed"
