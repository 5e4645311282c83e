#!/usr/bin/env bash
# tests/prolog/chain_interrupt.sh: a deterministic last-call loop that the
# clause program runs by itself (cl_exec's chain: loop(X) :- loop(X), and
# a two-predicate cycle that allocates as it goes, so that the collector
# must run between steps) still stops at Ctrl-C, and the toplevel answers
# the query after it, on each backend.
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog" ] || { echo "$b/snaplog was not built"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/loops.pl" <<'EOF'
loop(X) :- loop(X).
grow(L) :- grow2([x|L]).
grow2(L) :- grow(L).
EOF

run_loops() { # run_loops BACKEND-FLAG
    local fifo="$dir/fifo.$1" out="$dir/out.$1" err="$dir/err.$1"
    mkfifo "$fifo"
    setsid "$b/snaplog" "$1" -q "$dir/loops.pl" <"$fifo" >"$out" 2>"$err" &
    local pid=$!
    exec 4>"$fifo"
    for q in 'loop(a).' 'grow([]).'; do
        echo "$q" >&4
        sleep 1.5
        kill -INT -- -"$pid"
        sleep 0.5
    done
    echo 'Y = done.' >&4
    exec 4>&-
    wait "$pid" || { echo "$1: exit status $?"; cat "$err"; return 1; }
    local n
    n=$(grep -c '^% Execution Aborted$' "$err")
    [ "$n" = 2 ] || { echo "$1: $n abort messages, not 2"; cat "$err"; return 1; }
    grep -q '^Y = done\.$' "$out" || { echo "$1: no answer after the loops"; cat "$out" "$err"; return 1; }
}

run_loops --no-kvm || exit 1
if [ -n "${KVM_REASON:-}" ]; then
    echo "native passed; kvm skipped: $KVM_REASON"
    exit 77
fi
run_loops --kvm || exit 1
