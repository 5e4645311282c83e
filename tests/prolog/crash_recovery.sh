#!/usr/bin/env bash
# tests/prolog/crash_recovery.sh: a query that crashes the engine in C code
# (a store to address 0, a C stack overflow, an undefined instruction:
# '$crash'/1) gets an error and the toplevel goes on, with everything the
# query did undone (its assertz) and what earlier queries did kept.  Each
# toplevel query runs under a coarse guard snapshot (PLAT_COARSE_GUARD):
# under KVM the monitor restores it at the fault, natively the fork chain's
# holder sees the running process die of it and resumes.  On each backend.
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog" ] || { echo "$b/snaplog was not built"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/in" <<'PL'
assertz(f(1)).
'$crash'(null).
f(X).
assertz(f(2)), '$crash'(stack).
findall(X, f(X), L).
'$crash'(illegal).
X = still_here.
PL

session() { # session BACKEND-FLAG
    "$b/snaplog" "$1" -q <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
    local status=$?
    [ "$status" = 0 ] || { echo "$1: exit status $status"; cat "$tmp/err"; return 1; }
    printf 'true.\n\nX = 1.\n\nL = [1].\n\nX = still_here.\n\n\n' >"$tmp/want"
    diff "$tmp/want" "$tmp/out" || { echo "$1: wrong answers"; return 1; }
    local n
    n=$(grep -c '^ERROR: the query crashed in C code: ' "$tmp/err")
    [ "$n" = 3 ] || { echo "$1: $n crash reports, not 3"; cat "$tmp/err"; return 1; }
    grep -q 'segmentation fault at address 0x0 ' "$tmp/err" || { echo "$1: no null store report"; cat "$tmp/err"; return 1; }
    grep -q 'illegal instruction' "$tmp/err" || { echo "$1: no illegal instruction report"; cat "$tmp/err"; return 1; }
    ! grep -q '^snapvm:' "$tmp/err" || { echo "$1: the monitor reported a fault that was recovered"; cat "$tmp/err"; return 1; }
}

session --no-kvm || exit 1
if [ -n "${KVM_REASON:-}" ]; then
    echo "native passed; kvm skipped: $KVM_REASON"
    exit 77
fi
session --kvm || exit 1
