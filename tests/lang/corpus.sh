#!/usr/bin/env bash
# tests/lang/corpus.sh: the reader and writer against swipl's output.
#
# Each tests/lang/corpus/NAME.pl is read by lang-rt and printed in the modes
# its first line names; the output must equal NAME.expected, which is swipl
# 9.0.4's own output for the same file (made by tests/lang/mkexpected, not
# by hand).  Cases where snaplog deliberately departs from swipl are not in
# this corpus; they are in tests/lang/iso.sh with the reason for each.
set -u
top=${SNAPLOG_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
rt=$top/${SNAPLOG_BUILD:-build}/tests/lang-rt
[ -x "$rt" ] || { echo "lang-rt not built"; exit 77; }
# the sanitizer build of lang-rt too, when make test has built it
rts=("$rt")
asan_rt=${SNAPLOG_ASAN:-$top/build/asan}/tests/lang-rt
[ -x "$asan_rt" ] && [ "$asan_rt" != "$rt" ] && rts+=("$asan_rt")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
for r in "${rts[@]}"; do
    for f in "$top"/tests/lang/corpus/*.pl; do
        modes=$(sed -n '1s/^% modes: //p' "$f")
        if ! diff -u "${f%.pl}.expected" <("$r" --names $modes < "$f") > "$work/diff"; then
            echo "$(basename "$f") ($r): output differs from swipl's:"
            head -40 "$work/diff"
            fail=1
        fi
    done
done
[ $fail = 0 ] && echo "corpus: all cases agree with swipl (${#rts[@]} builds)"
exit $fail
