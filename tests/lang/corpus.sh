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
fail=0
for f in "$top"/tests/lang/corpus/*.pl; do
    modes=$(sed -n '1s/^% modes: //p' "$f")
    if ! diff -u "${f%.pl}.expected" <("$rt" --names $modes < "$f") > /tmp/corpus.$$.diff; then
        echo "$(basename "$f"): output differs from swipl's:"
        head -40 /tmp/corpus.$$.diff
        fail=1
    fi
done
rm -f /tmp/corpus.$$.diff
[ $fail = 0 ] && echo "corpus: all cases agree with swipl"
exit $fail
