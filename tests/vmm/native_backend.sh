#!/usr/bin/env bash
# native_backend.sh: every guest test program run through `snapvm --no-kvm`
# (the native backend of the monitor, not just the bare program) gives the
# status and last stdout line its source declares, and snapvm's fault
# message (//! snapvm-stderr: REGEX); without /dev/kvm the automatic
# fallback says why in one line.
set -u
build=${SNAPLOG_BUILD:-build}
snapvm=$build/snapvm
[ -x "$snapvm" ] || { echo "$snapvm was not built"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
decl() { sed -n "s|^[[:space:]]*//! $2: *||p" "$1" | head -n 1; }
fails=0 n=0
for src in tests/vmm/*.c; do
    name=$(basename "$src" .c)
    bin=$build/tests/vmm/$name
    only=$(decl "$src" backends)
    [ -n "$only" ] && [[ " $only " != *" native "* ]] && continue
    [ -x "$bin" ] || { echo "FAIL $name: not built"; fails=$((fails + 1)); continue; }
    want_status=$(decl "$src" status); want_status=${want_status:-0}
    want_out=$(decl "$src" stdout); want_out=${want_out:-SUCCESS}
    want_err=$(decl "$src" snapvm-stderr)
    args=$(decl "$src" args)
    n=$((n + 1))
    # shellcheck disable=SC2086
    timeout 60 "$snapvm" --no-kvm "$bin" $args </dev/null >"$tmp/out" 2>"$tmp/err"
    status=$?
    why=
    if [ "$status" != "$want_status" ]; then
        why="status $status, expected $want_status"
    elif [ "$want_out" != - ] && [ "$(tail -n 1 "$tmp/out")" != "$want_out" ]; then
        why="last stdout line '$(tail -n 1 "$tmp/out")', expected '$want_out'"
    elif [ -n "$want_err" ] && ! grep -Eq -- "snapvm: .*$name: $want_err" "$tmp/err"; then
        why="stderr does not match /$want_err/: $(head -c 300 "$tmp/err")"
    fi
    if [ -n "$why" ]; then
        echo "FAIL $name: $why"
        fails=$((fails + 1))
    fi
done
# The automatic fallback: one line that says why, then the program's output.
if [ ! -e /dev/kvm ]; then
    "$snapvm" "$build/tests/vmm/hello" >"$tmp/out" 2>"$tmp/err"
    if [ "$(cat "$tmp/err")" != "snapvm: /dev/kvm: no such device; running natively (--no-kvm)" ] ||
        [ "$(tail -n 1 "$tmp/out")" != SUCCESS ]; then
        echo "FAIL fallback note: $(cat "$tmp/err")"
        fails=$((fails + 1))
    fi
    "$snapvm" --kvm "$build/tests/vmm/hello" >"$tmp/out" 2>"$tmp/err"
    st=$?
    if [ $st != 70 ] || ! grep -q -- '--no-kvm' "$tmp/err"; then
        echo "FAIL --kvm without /dev/kvm: status $st: $(cat "$tmp/err")"
        fails=$((fails + 1))
    fi
fi
echo "$n programs under snapvm --no-kvm, $fails failed"
[ $fails = 0 ]
