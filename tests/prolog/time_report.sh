#!/usr/bin/env bash
# tests/prolog/time_report.sh: time/1 (library(statistics)) reports on
# user_error, in swipl's words, when its goal succeeds (again on each
# retry), fails or raises, and passes answers, failure and the exception on
# unchanged; -q does not silence it (as swipl).  The figures vary, so each
# report line is matched against swipl 9.0.4's shape:
#   % 1,234 inferences, 0.002 CPU in 0.002 seconds (97% CPU, 617000 Lips)
# On each backend.
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog" ] || { echo "$b/snaplog was not built"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shape='^% [0-9][0-9,]* inferences, [0-9]+\.[0-9]{3} CPU in [0-9]+\.[0-9]{3} seconds \(([0-9]+|\?)% CPU, ([0-9]+|Infinite) Lips\)$'
goal='time(member(X, [a,b])), writeln(X), X == b,
      ( time(fail) -> writeln(wrong) ; writeln(failed) ),
      catch(time(throw(ball)), B, (writeln(caught(B)))),
      numlist(1, 20000, L), time(msort(L, _)),
      time(between(1, 30000, _)), writeln(done)'
want_out='a
b
failed
caught(ball)
done'
fail=0
backends="--no-kvm"
[ -z "${KVM_REASON:-}" ] && backends="$backends --kvm"
for be in $backends; do
    "$b/snaplog" "$be" -q -g "$goal" -t halt >"$tmp/out" 2>"$tmp/err"
    status=$?
    if [ $status != 0 ] || [ "$(cat "$tmp/out")" != "$want_out" ]; then
        echo "$be: status $status, output:"; cat "$tmp/out"; cat "$tmp/err"; fail=1; continue
    fi
    # two reports for member (one per answer), one each for fail, throw,
    # msort and between (once: its first answer ends the conjunction)
    n=$(wc -l <"$tmp/err")
    if [ "$n" != 6 ]; then
        echo "$be: $n report lines, want 6:"; cat "$tmp/err"; fail=1; continue
    fi
    if grep -Evq "$shape" "$tmp/err"; then
        echo "$be: a report not in swipl's shape:"; grep -Ev "$shape" "$tmp/err"; fail=1
    fi
done
[ $fail = 0 ] && [ -n "${KVM_REASON:-}" ] && { echo "native passed; kvm skipped: $KVM_REASON"; exit 77; }
exit $fail
