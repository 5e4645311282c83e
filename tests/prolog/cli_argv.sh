#!/usr/bin/env bash
# tests/prolog/cli_argv.sh: the command line as swipl reads it.  Options
# come first; the first other argument is a file, and so is each following
# one ending in .pl; from the next argument on, everything is argv, options
# included; "--" ends options or files; -g goals run before the main goal.
# library(main) with argv_options/3,
# and a main goal of initialization(main, main) that fails or raises, and
# a -g or -t goal that fails, with
# swipl's message and exit status; the REPL's banner and "% halt" unless -q.  Every expected line was checked against
# swipl 9.0.4 (the same commands with swipl for snaplog).  On each backend.
set -u
b=${SNAPLOG_BUILD:-build}
[ -x "$b/snaplog" ] || { echo "$b/snaplog was not built"; exit 77; }
d=tests/prolog/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf ':- initialization(main, main).\nmain :- fail.\n' >"$tmp/fails.pl"
printf ':- initialization(main, main).\nmain :- atom_length(_, _).\n' >"$tmp/raises.pl"

check() { # check BACKEND WANT-STATUS WANT-OUTPUT ARGS...
    local be=$1 want_status=$2 want=$3
    shift 3
    local got status
    got=$("$b/snaplog" "$be" "$@" 2>&1)
    status=$?
    if [ "$got" != "$want" ] || [ "$status" != "$want_status" ]; then
        printf '%s: snaplog %s\n  want (status %s):\n%s\n  got (status %s):\n%s\n' "$be" "$*" "$want_status" "$want" "$status" "$got"
        return 1
    fi
}

run() { # run BACKEND
    local be=$1
    check "$be" 0 $'[zz,\'-q\',\'-g\',true]\nmore_loaded' $d/argv_show.pl $d/argv_more.pl zz -q -g true || return 1
    check "$be" 0 $'[\'tests/prolog/data/argv_more.pl\']\nmore_not_loaded' $d/argv_show.pl -- $d/argv_more.pl || return 1
    check "$be" 0 $'[]\nmore_loaded' -q $d/argv_show.pl $d/argv_more.pl || return 1
    check "$be" 0 $'[a,\'--no-kvm\']\nmore_not_loaded' -q $d/argv_show.pl a --no-kvm || return 1
    check "$be" 0 "[a,b,'-v']-[verbose(true),n(3),name(x_y),color(false)]" \
        $d/argv_script.pl a --verbose --n=3 --name=x_y b --no-color -v || return 1
    check "$be" 0 "[x,'--n=1']-[]" $d/argv_script.pl x -- --n=1 || return 1
    check "$be" 1 "[]-[fail(true)]
ERROR: $PWD/$d/argv_script.pl:3: user:main: false" $d/argv_script.pl --fail || return 1
    check "$be" 1 "ERROR: $tmp/fails.pl:1: user:main: false" "$tmp/fails.pl" || return 1
    check "$be" 0 $'g1\n[]\nmore_not_loaded' -g 'writeln(g1)' $d/argv_show.pl || return 1
    # a -g goal that fails: "ERROR: -g Goal: false" and status 1, silent
    # with -q; a failing -t goal: status 1 and nothing said
    check "$be" 1 "ERROR: -g fail: false" -g fail -t halt || return 1
    check "$be" 1 "" -q -g fail -t halt || return 1
    check "$be" 1 "" -q -t fail || return 1
    check "$be" 2 "ERROR: $tmp/raises.pl:1: user:main atom_length/2: Arguments are not sufficiently instantiated" \
        "$tmp/raises.pl" || return 1
    # the REPL: a banner and, at end of input, "% halt" on stderr, as swipl;
    # neither with -q; the answers alone on stdout either way
    local err out
    out=$(echo 'X = 1.' | "$b/snaplog" "$be" 2>"$tmp/err")
    err=$(cat "$tmp/err")
    [ "$out" = 'X = 1.' ] || { echo "$be: REPL answers: $out"; return 1; }
    case $err in
    "Welcome to snaplog "*"% halt") ;;
    *) echo "$be: REPL without -q wrote on stderr: $err"; return 1 ;;
    esac
    out=$(echo 'X = 1.' | "$b/snaplog" "$be" -q 2>"$tmp/err")
    [ "$out" = 'X = 1.' ] && [ ! -s "$tmp/err" ] || { echo "$be: REPL with -q: $out / $(cat "$tmp/err")"; return 1; }
}

run --no-kvm || exit 1
if [ -n "${KVM_REASON:-}" ]; then
    echo "native passed; kvm skipped: $KVM_REASON"
    exit 77
fi
run --kvm || exit 1
