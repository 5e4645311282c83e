#!/usr/bin/env bash
# tests/prolog/lco_memory.sh: the 10,000,000-iteration tail-recursive loop of
# lco.pl runs in bounded memory: peak RSS under 64 MB (swipl: about 17 MB),
# and no snapshot per iteration.  Prints the measured peak.
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog-engine" ] || { echo "$b/snaplog-engine was not built"; exit 77; }
command -v /usr/bin/time >/dev/null || { echo "no /usr/bin/time"; exit 77; }
out=$(/usr/bin/time -f 'peak %M' "$b/snaplog-engine" -q \
  -g 'main, statistics(snapshots_taken, S), write(snapshots(S)), nl' -t halt tests/prolog/lco.pl 2>&1) || { echo "$out"; exit 1; }
echo "$out"
peak=$(echo "$out" | sed -n 's/^peak \([0-9]*\)$/\1/p')
snaps=$(echo "$out" | sed -n 's/^snapshots(\([0-9]*\))$/\1/p')
[ -n "$peak" ] && [ "$peak" -lt 65536 ] || { echo "peak RSS ${peak} KB, want < 65536"; exit 1; }
[ -n "$snaps" ] && [ "$snaps" -lt 1000 ] || { echo "$snaps snapshots, want < 1000"; exit 1; }
