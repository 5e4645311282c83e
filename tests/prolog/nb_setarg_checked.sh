#!/usr/bin/env bash
# tests/prolog/nb_setarg_checked.sh: nb_setarg.pl under the snapshot
# runtime's checking mode (SNAP_CHECK=1, docs/snapshots.md): every restore
# compares all tracked memory with its copy at the take, so a persistent
# store that missed a saved copy, or a kept copy whose bindings escaped the
# log, stops the program.  The output must be nb_setarg.expected (checked
# against swipl 9.0.4).  Natively only: the copies of every live snapshot
# (the heap, the kept region) do not fit the guest's memory beside the
# log under snapvm, which then stops with "undo log exhausted"; the
# runtime under snapvm is the same code (tests/snap runs it there).
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog" ] || { echo "$b/snaplog was not built"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for be in ${TEST_BACKENDS:-native}; do
    [ "$be" = native ] || continue
    SNAP_CHECK=1 "$b/snaplog" --no-kvm -q -g main -t halt tests/prolog/nb_setarg.pl >"$tmp/out" 2>&1
    status=$?
    if [ $status != 0 ] || ! diff -q tests/prolog/nb_setarg.expected "$tmp/out" >/dev/null; then
        echo "[$be] status $status, output differs:"; diff tests/prolog/nb_setarg.expected "$tmp/out" | head -5; fail=1
    fi
done
exit $fail
