#!/usr/bin/env bash
# tests/prolog/arith_scratch_memory.sh: GMP's scratch memory does not leak.
# Each iteration builds a 20,000-bit intermediate and then raises (a zero
# divisor, a type error) half-way through the evaluation, abandoning GMP's
# blocks; 100,000 of them would leak about 500 MB if no later evaluation
# freed them.  Peak RSS must stay under 128 MB.  Prints the measured peak.
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog-engine" ] || { echo "$b/snaplog-engine was not built"; exit 77; }
command -v /usr/bin/time >/dev/null || { echo "no /usr/bin/time"; exit 77; }
goal='( between(1, 50000, _),
        catch(_ is (2**20000 + 1) // 0, error(evaluation_error(zero_divisor), _), true),
        catch(_ is (3**12000) << 1.5, error(type_error(integer, 1.5), _), true),
        fail ; true ),
      X is 2**20000 mod 1000, write(X), nl'
out=$(/usr/bin/time -f 'peak %M' "$b/snaplog-engine" -q -g "$goal" -t halt 2>&1) || { echo "$out"; exit 1; }
echo "$out"
peak=$(echo "$out" | sed -n 's/^peak \([0-9]*\)$/\1/p')
[ "$(echo "$out" | head -1)" = 376 ] || { echo "wrong answer"; exit 1; }
[ -n "$peak" ] && [ "$peak" -lt 131072 ] || { echo "peak RSS ${peak} KB, want < 131072"; exit 1; }
