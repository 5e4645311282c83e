#!/usr/bin/env bash
# tests/lang/consult_syntax.sh: syntax errors while consulting, printed as
# swipl prints them (FILE:LINE:COL: Syntax error: ...), and loading goes on
# after the clause at fault: an error mid-file with clauses after it, an
# unterminated quoted atom, an error on a last line without a newline,
# operator priority clashes, bad escapes and numbers.
#
# Each tests/lang/consult/NAME.pl is run with `-g main -t halt`; stderr and
# stdout together must equal NAME.expected, which is swipl 9.0.4's output
# (made with `swipl -q -g main -t halt NAME.pl 2>&1`, the directory written
# @DIR@).  Where swipl is installed the .expected files are also
# checked against it live, so they cannot drift from what swipl prints.
set -u
top=${SNAPLOG_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
b=$top/${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog" ] || { echo "snaplog not built"; exit 77; }
dir=$top/tests/lang/consult
backends=(--no-kvm)
[ -z "${KVM_REASON:-}" ] && backends+=(--kvm)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
for f in "$dir"/*.pl; do
    name=$(basename "$f" .pl)
    sed "s|@DIR@|$dir|g" "$dir/$name.expected" > "$work/$name.want"
    for be in "${backends[@]}"; do
        (cd "$dir" && "$b/snaplog" "$be" -q -g main -t halt "$f" > "$work/$name.got" 2>&1)
        if ! diff -u "$work/$name.want" "$work/$name.got" > "$work/diff"; then
            echo "$name.pl ($be): consult output differs:"
            head -20 "$work/diff"
            fail=1
        fi
    done
    if command -v swipl > /dev/null; then
        (cd "$dir" && swipl -q -g main -t halt "$f" > "$work/$name.swipl" 2>&1)
        if ! diff -u "$work/$name.want" "$work/$name.swipl" > "$work/diff"; then
            echo "$name.expected is no longer what swipl prints:"
            head -20 "$work/diff"
            fail=1
        fi
    fi
done
[ $fail = 0 ] && echo "consult_syntax: every error as swipl reports it, loading resumed"
exit $fail
