#!/usr/bin/env bash
# fuzz_plugin_elf.sh: a short libFuzzer run of the plugin loader's ELF
# reading (engine/plugin_elf.c), seeded with the plugins the build made; a
# crash, a leak, a hang or an accepted file that breaks an invariant fails.
set -u
build=${SNAPLOG_BUILD:-build}
secs=${FUZZ_SECONDS:-5}
bin=$build/fuzz/fuzz_plugin_elf
[ -x "$bin" ] || { echo "$bin was not built (clang with libFuzzer)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/corpus"
for f in "$build"/tests/plugins/*.so "$build"/plugins/*.so; do
    [ -f "$f" ] && cp "$f" "$tmp/corpus/"
done
if ! (cd "$tmp" && "$OLDPWD/$bin" -max_total_time="$secs" -timeout=5 -rss_limit_mb=2048 corpus) \
    >"$tmp/log" 2>&1; then
    grep -E 'ERROR|SUMMARY|==[0-9]+==' "$tmp/log" | head -n 10
    exit 1
fi
echo "$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second.*' "$tmp/log" | tail -n 1)"
