#!/usr/bin/env bash
# tests/prolog/long_condition_memory.sh: the 3,000,000-iteration loops of
# long_condition.pl, run as conditions, stay in bounded memory: peak RSS
# under 64 MB (the search for a condition's first solution runs without the
# collector, so it must give up on a long one).  Prints the measured peak.
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog-engine" ] || { echo "$b/snaplog-engine was not built"; exit 77; }
command -v /usr/bin/time >/dev/null || { echo "no /usr/bin/time"; exit 77; }
out=$(/usr/bin/time -f 'peak %M' "$b/snaplog-engine" -q tests/prolog/long_condition.pl 2>&1) || { echo "$out"; exit 1; }
echo "$out"
peak=$(echo "$out" | sed -n 's/^peak \([0-9]*\)$/\1/p')
[ -n "$peak" ] && [ "$peak" -lt 65536 ] || { echo "peak RSS ${peak} KB, want < 65536"; exit 1; }
