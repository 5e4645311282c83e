#!/usr/bin/env bash
# tests/prolog/checked_mode.sh: golden programs rerun in the snapshot
# runtime's checking mode (SNAP_CHECK=1: after every restore, all tracked
# memory is compared with a full copy taken at the snapshot), so a write the
# barrier missed anywhere in the engine shows up as a failure.  A small heap
# (--mem 4M) keeps the copies cheap.
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog-engine" ] || { echo "$b/snaplog-engine was not built"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for n in control_cut catch_throw all_solutions database dcg directives pcre_backtrack pcre_text \
    arith_bignums arith_order; do
    SNAP_CHECK=1 timeout 120 "$b/snaplog-engine" --mem 4M -q -g main -t halt "tests/prolog/$n.pl" \
        >"$tmp/out" 2>"$tmp/err"
    status=$?
    if [ $status != 0 ] || ! diff -q "$tmp/out" "tests/prolog/$n.expected" >/dev/null; then
        echo "$n: status $status"
        diff "tests/prolog/$n.expected" "$tmp/out" | head -5
        head -5 "$tmp/err"
        fail=1
    fi
done
exit $fail
