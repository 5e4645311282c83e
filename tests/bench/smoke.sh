#!/usr/bin/env bash
# tests/bench/smoke.sh: the benchmark runner works end to end (a few runs of
# two programs on swipl, in its smoke mode), and a program whose answer is
# wrong makes it report the failure and exit 1.  Speed is not measured.
set -u
cd "${SNAPLOG_TOP:-$(dirname "$0")/../..}" || exit 1
if ! command -v swipl >/dev/null; then
    echo "swipl is not installed (make deps)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run=(tests/bench/run --smoke --systems swipl --no-micro --no-plot --out "$tmp/out")

# 1. Two correct programs: exit 0, one timed row each, no failure.
if ! "${run[@]}" nrev queens >"$tmp/log" 2>&1; then
    cat "$tmp/log"; echo "runner failed on correct programs"; exit 1
fi
for p in nrev queens; do
    if ! grep -Eq "^$p +[0-9]+ +[0-9]+ \([0-9]+\)" "$tmp/out/results.txt"; then
        cat "$tmp/out/results.txt"; echo "no timed row for $p in results.txt"; exit 1
    fi
done
grep -q '^| nrev |' "$tmp/out/results.md" || { echo "no nrev row in results.md"; exit 1; }
grep -q '^nrev,swipl,' "$tmp/out/results.csv" || { echo "no nrev run in results.csv"; exit 1; }

# 2. The same nrev with a bug (append drops the last element): the runner
#    must say WRONG for swipl and exit 1.
mkdir -p "$tmp/broken"
sed 's/^nrev_app(\[\], L, L)\./nrev_app([], _, [])./' tests/bench/nrev.pl >"$tmp/broken/nrev.pl"
if cmp -s tests/bench/nrev.pl "$tmp/broken/nrev.pl"; then
    echo "could not break nrev.pl (its append changed?)"; exit 1
fi
if "${run[@]}" --dir "$tmp/broken" nrev >"$tmp/log2" 2>&1; then
    cat "$tmp/log2"; echo "runner exited 0 on a wrong answer"; exit 1
fi
if ! grep -q 'nrev on swipl: WRONG' "$tmp/log2"; then
    cat "$tmp/log2"; echo "runner did not report the wrong answer"; exit 1
fi
# 3. The library suite: its own table; bench_setup runs before bench (the
#    program fails without it); a program limited to other systems is n/a,
#    not a failure.
mkdir -p "$tmp/lib/stdlib"
cp tests/bench/nrev.pl "$tmp/lib/"
cat >"$tmp/lib/stdlib/setup_used.pl" <<'PL'
%! iterations: 200
:- dynamic(setup_used_fact/1).
bench_setup(N) :- retractall(setup_used_fact(_)), assertz(setup_used_fact(N)).
bench(N) :- setup_used_fact(M), M =:= N.
PL
cat >"$tmp/lib/stdlib/elsewhere.pl" <<'PL'
%! iterations: 200
%! systems: gprolog
bench(_).
PL
if ! "${run[@]}" --dir "$tmp/lib" >"$tmp/log3" 2>&1; then
    cat "$tmp/log3"; echo "runner failed on the library suite"; exit 1
fi
if ! grep -q '^Library benchmarks' "$tmp/out/results.txt" ||
   ! grep -Eq '^setup_used +[0-9]+ +[0-9]+ \([0-9]+\)' "$tmp/out/results.txt" ||
   ! grep -Eq '^elsewhere +[0-9]+ +n/a' "$tmp/out/results.txt"; then
    cat "$tmp/out/results.txt"; echo "library table wrong (setup_used timed, elsewhere n/a)"; exit 1
fi
echo "bench runner: ok"
