#!/usr/bin/env bash
# fuzz.sh: a short libFuzzer run of the request dispatcher and the ELF loader
# (a few seconds each); a crash, a leak or a hang fails the test.
set -u
build=${SNAPLOG_BUILD:-build}
secs=${FUZZ_SECONDS:-4}
for t in fuzz_elf fuzz_hc; do
    [ -x "$build/fuzz/$t" ] || { echo "$build/fuzz/$t was not built (clang with libFuzzer)"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Seed the ELF fuzzer with real programs, so that it starts from valid files.
mkdir -p "$tmp/elf" "$tmp/hc"
for f in "$build"/tests/vmm/hello "$build"/tests/vmm/static_pie; do
    [ -f "$f" ] && head -c 65536 "$f" >"$tmp/elf/$(basename "$f")"
done
fails=0
for t in fuzz_elf:elf fuzz_hc:hc; do
    bin=${t%%:*} corpus=$tmp/${t##*:}
    if ! (cd "$tmp" && "$OLDPWD/$build/fuzz/$bin" -max_total_time="$secs" -timeout=5 \
        -rss_limit_mb=2048 "$corpus") >"$tmp/$bin.log" 2>&1; then
        echo "FAIL $bin:"
        grep -E 'ERROR|SUMMARY|==[0-9]+==' "$tmp/$bin.log" | head -n 10
        fails=$((fails + 1))
    else
        echo "$bin: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second.*' "$tmp/$bin.log" | tail -n 1)"
    fi
done
[ $fails = 0 ]
