#!/usr/bin/env bash
# tests/prolog/toplevel_tty.sh: the toplevel on a pseudo-terminal (tmux):
# the ?- prompt, ';' for the next answer, Enter to stop, an error printed
# and the toplevel going on, halt. ending the session; through the launcher,
# so the line is read by the host side's readline (SNAPVM_HOST_FD).
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog" ] || { echo "$b/snaplog was not built"; exit 77; }
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 77; }
s=snaplog-tty-$$
tmp=$(mktemp -d)
trap 'tmux kill-session -t "$s" 2>/dev/null; rm -rf "$tmp"' EXIT
tmux new-session -d -s "$s" -x 100 -y 30 "$b/snaplog --no-kvm -q; echo exit=\$? >$tmp/status; sleep 5"
type() { tmux send-keys -t "$s" -l "$1"; sleep 0.4; }
enter() { tmux send-keys -t "$s" Enter; sleep 0.4; }
sleep 1
type 'member(X, [a,b,c]).'; enter
tmux send-keys -t "$s" -H 3b; sleep 0.4 # ';' (a bare ; is tmux's command separator)
enter
type 'foo.'; enter
type 'halt.'; enter
sleep 0.5
tmux capture-pane -p -t "$s" >"$tmp/screen"
want=('?- member(X, [a,b,c]).' 'X = a ;' 'X = b .' '?- foo.' 'ERROR: Unknown procedure: foo/0' '?- halt.')
for line in "${want[@]}"; do
    grep -qxF "$line" "$tmp/screen" || { echo "missing: $line"; cat "$tmp/screen"; exit 1; }
done
grep -qx 'exit=0' "$tmp/status" || { echo "exit status: $(cat "$tmp/status" 2>/dev/null)"; exit 1; }
