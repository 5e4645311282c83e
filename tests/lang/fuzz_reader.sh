#!/usr/bin/env bash
# tests/lang/fuzz_reader.sh: a short libFuzzer run over the reader.
#
# The target (tests/lang/fuzz_reader.c) reads arbitrary bytes as clauses and
# requires that every term read writes (writeq, write_canonical) to text that
# reads back as a variant; ASan/UBSan catch memory errors and leaks.  Here it
# runs for FUZZ_SECONDS (default 20) from the seed corpus; longer runs by
# hand: make fuzz-reader FUZZ_SECONDS=600.
set -u
top=${SNAPLOG_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
fuzzer=$top/${SNAPLOG_BUILD:-build}/fuzz/fuzz_reader
[ -x "$fuzzer" ] || { echo "fuzz_reader not built (needs clang with libFuzzer)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$top"/tests/lang/fuzz-seeds/* "$work"/
if ! "$fuzzer" -max_total_time="${FUZZ_SECONDS:-20}" -max_len=4096 -timeout=10 \
    -rss_limit_mb=4096 -artifact_prefix="$work/" "$work" > "$work/log" 2>&1; then
    tail -n 30 "$work/log"
    for a in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
        [ -f "$a" ] && { echo "input ($a):"; od -c "$a" | head -n 10; }
    done
    echo "fuzz_reader found a failure"
    exit 1
fi
grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$work/log" || true
