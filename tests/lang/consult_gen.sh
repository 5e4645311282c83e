#!/usr/bin/env bash
# tests/lang/consult_gen.sh: the consult benchmark's generator
# (tests/bench/stdlib/consult_50k) at a tenth of its size: the file it
# writes loads with no message at all (no syntax error, no singleton or
# discontiguous warning) and its bench(1) check of the clause counts
# passes, in snaplog on both backends and, where installed, in swipl.
set -u
top=${SNAPLOG_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
b=$top/${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog" ] || { echo "snaplog not built"; exit 77; }
command -v python3 > /dev/null || { echo "python3 is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prog=$("$top/tests/bench/stdlib/consult_50k" "$work" 5000) || exit 1
runs=("$b/snaplog --no-kvm -q -g bench(1) -t halt $prog")
[ -z "${KVM_REASON:-}" ] && runs+=("$b/snaplog --kvm -q -g bench(1) -t halt $prog")
command -v swipl > /dev/null && runs+=("swipl -q -g bench(1) -t halt $prog")
fail=0
for r in "${runs[@]}"; do
    if ! $r > "$work/out" 2> "$work/err" || [ -s "$work/err" ] || [ -s "$work/out" ]; then
        echo "$r: failed or printed something:"
        head -20 "$work/out" "$work/err"
        fail=1
    fi
done
[ $fail = 0 ] && echo "consult_gen: 5,000 generated clauses load silently, counts right (${#runs[@]} runs)"
exit $fail
