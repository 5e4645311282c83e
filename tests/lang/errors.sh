#!/usr/bin/env bash
# tests/lang/errors.sh: syntax errors in a file with many of them: each is
# reported at the right line and column and reading goes on with the next
# clause (what consult does).
#
# tests/lang/errors/consult.expected was checked against swipl 9.0.4
# consulting the same file: every error swipl reports is reported here at
# the same place, columns +1 (we count from 1, swipl from 0), except
#   line 8  0'. is 46 in both; the next token w(a) is where we see the
#           missing operator, swipl reports the end of line 8.
# (line 2 is no error: "1 2" is the digit group 12, in swipl and here.)
set -u
top=${SNAPLOG_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
rt=$top/${SNAPLOG_BUILD:-build}/tests/lang-rt
[ -x "$rt" ] || { echo "lang-rt not built"; exit 77; }
dir=$top/tests/lang/errors
fail=0
for f in "$dir"/*.pl; do
    if ! diff -u "${f%.pl}.expected" <("$rt" < "$f"); then
        echo "$(basename "$f"): syntax errors differ"
        fail=1
    fi
done
[ $fail = 0 ] && echo "errors: every syntax error at its line and column"
exit $fail
