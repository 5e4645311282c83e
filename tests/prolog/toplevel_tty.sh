#!/usr/bin/env bash
# tests/prolog/toplevel_tty.sh: the toplevel on a pseudo-terminal (tmux):
# the ?- prompt, ';' for the next answer, Enter to stop, an error printed
# and the toplevel going on, get_single_char/1 keys without Enter, [user]
# clauses ended by Ctrl-D, halt. ending the session; through the launcher,
# so the line is read by the host side's readline (SNAPVM_HOST_FD).  On
# each backend: under KVM the key read without Enter goes through the
# monitor's terminal ioctls (a missing TCSETS once left `;` waiting for the
# next line).
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog" ] || { echo "$b/snaplog was not built"; exit 77; }
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 77; }
s=snaplog-tty-$$
tmp=$(mktemp -d)
trap 'tmux kill-session -t "$s" 2>/dev/null; rm -rf "$tmp"' EXIT
type() { tmux send-keys -t "$s" -l "$1"; sleep 0.4; }
enter() { tmux send-keys -t "$s" Enter; sleep 0.4; }

session() { # session BACKEND-FLAG: 0 when the screen shows every line wanted
    rm -f "$tmp/status"
    tmux new-session -d -s "$s" -x 100 -y 30 "$b/snaplog $1 -q; echo exit=\$? >$tmp/status; sleep 5"
    sleep 1
    type 'member(X, [a,b,c]).'; enter
    tmux send-keys -t "$s" -H 3b; sleep 0.8 # ';' alone, no Enter (a bare ; is tmux's separator)
    # the next answer is there before any Enter
    tmux capture-pane -p -t "$s" >"$tmp/screen"
    grep -q '^X = b' "$tmp/screen" || { echo "$1: ';' without Enter gave no next answer"; cat "$tmp/screen"; return 1; }
    enter
    type 'foo.'; enter
    # get_single_char/1: keys without Enter; [user]: clauses typed, Ctrl-D
    type 'get_single_char(C), get_single_char(D).'; enter
    type 'q'; type 'z'
    type '[user].'; enter
    type 'zz(1).'; enter
    tmux send-keys -t "$s" C-d; sleep 0.4
    type 'zz(X).'; enter
    type 'halt.'; enter
    sleep 0.5
    tmux capture-pane -p -t "$s" >"$tmp/screen"
    tmux kill-session -t "$s" 2>/dev/null
    local want=('?- member(X, [a,b,c]).' 'X = a ;' 'X = b .' '?- foo.' 'ERROR: Unknown procedure: foo/0 (DWIM could not correct goal)'
        'C = 113,' 'D = 122.' '|: zz(1).' 'X = 1.' '?- halt.')
    for line in "${want[@]}"; do
        grep -qxF "$line" "$tmp/screen" || { echo "$1: missing: $line"; cat "$tmp/screen"; return 1; }
    done
    grep -qx 'exit=0' "$tmp/status" || { echo "$1: exit status: $(cat "$tmp/status" 2>/dev/null)"; return 1; }
}

session --no-kvm || exit 1
if [ -n "${KVM_REASON:-}" ]; then
    echo "native passed; kvm skipped: $KVM_REASON"
    exit 77
fi
session --kvm || exit 1
