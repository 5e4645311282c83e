#!/usr/bin/env bash
# tests/prolog/io_interleave.sh: output to user_output, user_error, the
# error messages and the toplevel's own answers come out in the order they
# were written when both streams go to one file (2>&1), on each backend:
# user_output is flushed before anything goes to user_error, and at halt.
# The order is what swipl 9.0.4 gives for the same program.  Also: a file
# stream left open and output without a newline are flushed by halt/1.
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog" ] || { echo "$b/snaplog was not built"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/p.pl" <<'PL'
main :-
    write(one), nl, format(user_error, "two~n", []), write(three), nl,
    print_message(error, format("four", [])), write(user_output, five), nl(user_output),
    write(user_error, six), nl(user_error), format("seven~n"), write(eight).
PL
want='one
two
three
ERROR: four
five
six
seven
eight'
fail=0
for be in ${TEST_BACKENDS:-native kvm}; do
    flag=--no-kvm
    if [ "$be" = kvm ]; then
        [ -n "${KVM_REASON:-}" ] && continue
        flag=--kvm
    fi
    "$b/snaplog" $flag -q -g main -t halt "$tmp/p.pl" >"$tmp/out" 2>&1
    if [ "$(cat "$tmp/out")" != "$want" ]; then
        echo "[$be] order differs:"; diff <(echo "$want") "$tmp/out"; fail=1
    fi
    rm -f "$tmp/open.txt"
    "$b/snaplog" $flag -q -g "open('$tmp/open.txt', write, S), write(S, unclosed), write(partial), halt(3)" \
        >"$tmp/out" 2>&1
    status=$?
    if [ $status != 3 ] || [ "$(cat "$tmp/out")" != partial ] || [ "$(cat "$tmp/open.txt" 2>&1)" != unclosed ]; then
        echo "[$be] halt(3) did not flush: status $status, stdout '$(cat "$tmp/out")', file '$(cat "$tmp/open.txt" 2>&1)'"
        fail=1
    fi
done
exit $fail
