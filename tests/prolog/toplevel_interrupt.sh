#!/usr/bin/env bash
# tests/prolog/toplevel_interrupt.sh: SIGINT (Ctrl-C) stops a running goal,
# "% Execution Aborted" is printed, and the toplevel reads the next query.
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog-engine" ] || { echo "$b/snaplog-engine was not built"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/in"
"$b/snaplog-engine" -q <"$tmp/in" >"$tmp/out" 2>"$tmp/err" &
engine=$!
exec 3>"$tmp/in"
echo 'repeat, fail.' >&3
sleep 1
kill -INT "$engine"
echo 'X = after.' >&3
exec 3>&-
wait "$engine"
status=$?
[ "$status" = 0 ] || { echo "exit status $status"; cat "$tmp/err"; exit 1; }
grep -q '^% Execution Aborted$' "$tmp/err" || { echo "no abort message"; cat "$tmp/err"; exit 1; }
grep -q '^X = after\.$' "$tmp/out" || { echo "toplevel did not continue"; cat "$tmp/out"; exit 1; }
