#!/usr/bin/env bash
# tests/prolog/launcher_note.sh: the `snaplog` launcher says in one line of
# stderr, under its own name, when it runs the engine natively because KVM
# is unusable, and says nothing with -q (as swipl -q silences informational
# messages).  Under KVM neither run prints anything.
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog" ] || { echo "$b/snaplog was not built"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$b/snaplog" -q -g 'write(ok), nl' -t halt >"$tmp/out" 2>"$tmp/err"
if [ "$(cat "$tmp/out")" != ok ] || [ -s "$tmp/err" ]; then
    echo "snaplog -q: want stdout 'ok' and an empty stderr, got:"; cat "$tmp/out" "$tmp/err"; exit 1
fi
"$b/snaplog" -g 'write(ok), nl' -t halt >"$tmp/out" 2>"$tmp/err"
lines=$(wc -l <"$tmp/err")
if [ "$(cat "$tmp/out")" != ok ] || [ "$lines" -gt 1 ] ||
   { [ "$lines" = 1 ] && ! grep -qx 'snaplog: .*; running natively (--no-kvm)' "$tmp/err"; }; then
    echo "snaplog: want stdout 'ok' and at most the one-line note, got:"; cat "$tmp/out" "$tmp/err"; exit 1
fi
echo "note: $(cat "$tmp/err")"
