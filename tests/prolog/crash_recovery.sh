#!/usr/bin/env bash
# tests/prolog/crash_recovery.sh: a query that crashes the engine in C code
# (a store to address 0, a C stack overflow, an undefined instruction:
# '$crash'/1) gets an error and the toplevel goes on, with everything the
# query did undone (its assertz) and what earlier queries did kept.  Under
# snapvm each toplevel query runs under a coarse guard snapshot
# (PLAT_COARSE_GUARD): the monitor restores it at the fault.  Natively there
# is no sandbox and the crash ends the engine, as a crash of any native
# program does: the native half checks that it ends with the signal's
# status rather than going on in an undefined state.
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

"$b/snaplog" --no-kvm -q <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
status=$?
[ "$status" = 139 ] || { echo "native: exit status $status, not 139 (SIGSEGV)"; cat "$tmp/err"; exit 1; }

if [ -n "${KVM_REASON:-}" ]; then
    echo "native passed; kvm skipped: $KVM_REASON"
    exit 77
fi
"$b/snaplog" --kvm -q <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
status=$?
[ "$status" = 0 ] || { echo "kvm: exit status $status"; cat "$tmp/err"; exit 1; }
printf 'true.\n\nX = 1.\n\nL = [1].\n\nX = still_here.\n\n\n' >"$tmp/want"
diff "$tmp/want" "$tmp/out" || { echo "kvm: wrong answers"; exit 1; }
n=$(grep -c '^ERROR: the query crashed in C code: ' "$tmp/err")
[ "$n" = 3 ] || { echo "kvm: $n crash reports, not 3"; cat "$tmp/err"; exit 1; }
grep -q 'segmentation fault at address 0x0 ' "$tmp/err" || { echo "kvm: no null store report"; cat "$tmp/err"; exit 1; }
grep -q 'illegal instruction' "$tmp/err" || { echo "kvm: no illegal instruction report"; cat "$tmp/err"; exit 1; }
