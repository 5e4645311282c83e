#!/usr/bin/env bash
# tests/prolog/plugin_session.sh: plugins at the toplevel.  A plugin loaded
# under a choice point stays loaded when backtracking passes the load, and
# its globals are back as its install function left them; a crash in plugin
# code (probe's boom/0: a store through a null pointer) undoes that query
# only and the session goes on with the plugin; loads that cannot work say
# why (no such file, not ELF, an undefined symbol, a built-in redefined,
# whose install is then taken back whole).  On each backend.
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog" ] || { echo "$b/snaplog was not built"; exit 77; }
[ -f "$b/tests/plugins/probe.so" ] || { echo "$b/tests/plugins/probe.so was not built"; exit 77; }
export SNAPLOG_PLUGIN_PATH=$PWD/$b/tests/plugins
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/in" <<'PL'
member(X, [1, 2]), use_foreign_library(foreign(probe)), X = 2.
hello(H).
bump(N).
boom.
bump(N).
use_foreign_library(foreign(nope)).
use_foreign_library('/etc/passwd').
use_foreign_library(foreign(badsym)).
use_foreign_library(foreign(clash)).
catch(clash_ok, error(E, _), true).
atom_length(abc, L).
PL

session() { # session BACKEND-FLAG
    "$b/snaplog" "$1" -q <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
    local status=$?
    [ "$status" = 0 ] || { echo "$1: exit status $status"; cat "$tmp/err"; return 1; }
    printf '%s\n\n' 'X = 2.' "H = 'hello from install'." 'N = 1.' 'N = 2.' \
        'E = existence_error(procedure, clash_ok/0).' 'L = 3.' >"$tmp/want"
    printf '\n' >>"$tmp/want"
    diff "$tmp/want" "$tmp/out" || { echo "$1: wrong answers"; return 1; }
    local want
    for want in '^ERROR: the query crashed in C code: segmentation fault at address 0x0 ' \
        "^ERROR: use_foreign_library/1: source_sink \`foreign(nope)' does not exist\$" \
        '^ERROR: use_foreign_library/1: /etc/passwd: not an ELF file$' \
        '^ERROR: use_foreign_library/1: .*/badsym.so: undefined symbol: no_such_function_in_the_engine$' \
        "^ERROR: use_foreign_library/1: No permission to modify static procedure \`atom_length/2'\$"; do
        grep -q "$want" "$tmp/err" || { echo "$1: no line matching $want"; cat "$tmp/err"; return 1; }
    done
    [ "$(wc -l <"$tmp/err")" = 6 ] || { echo "$1: unexpected messages"; cat "$tmp/err"; return 1; }
}

session --no-kvm || exit 1
if [ -n "${KVM_REASON:-}" ]; then
    echo "native passed; kvm skipped: $KVM_REASON"
    exit 77
fi
session --kvm || exit 1
