#!/usr/bin/env bash
# tests/prolog/toplevel_interrupt.sh: SIGINT (Ctrl-C) stops a running goal,
# "% Execution Aborted" is printed, and the toplevel reads the next query;
# a SIGINT while the toplevel waits for input does not stop the query that
# follows.  Through the launcher on each backend, the signal sent to the
# process group as a terminal sends it: under KVM the monitor stores it in
# the engine's interrupt word (it used to end the guest, session and all).
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog" ] || { echo "$b/snaplog was not built"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

session() { # session BACKEND-FLAG
    rm -f "$tmp/in"
    mkfifo "$tmp/in"
    setsid "$b/snaplog" "$1" -q <"$tmp/in" >"$tmp/out" 2>"$tmp/err" &
    local pid=$!
    exec 3>"$tmp/in"
    sleep 1
    kill -INT -- -"$pid" # at the prompt: for no query
    sleep 0.5
    echo 'X = before.' >&3
    echo 'repeat, fail.' >&3
    sleep 1.5
    kill -INT -- -"$pid"
    sleep 0.5
    echo 'X = after.' >&3
    exec 3>&-
    wait "$pid"
    local status=$?
    [ "$status" = 0 ] || { echo "$1: exit status $status"; cat "$tmp/err"; return 1; }
    [ "$(grep -c '^% Execution Aborted$' "$tmp/err")" = 1 ] ||
        { echo "$1: not one abort message"; cat "$tmp/err"; return 1; }
    grep -q '^X = before\.$' "$tmp/out" || { echo "$1: the SIGINT at the prompt stopped the next query"; cat "$tmp/out"; return 1; }
    grep -q '^X = after\.$' "$tmp/out" || { echo "$1: toplevel did not continue"; cat "$tmp/out"; return 1; }
}

session --no-kvm || exit 1
if [ -n "${KVM_REASON:-}" ]; then
    echo "native passed; kvm skipped: $KVM_REASON"
    exit 77
fi
session --kvm || exit 1
