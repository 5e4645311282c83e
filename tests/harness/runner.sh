#!/usr/bin/env bash
# The runner's own test: a throwaway tree with one passing and one failing
# case of every kind, and fakes for what they run; the runner must count each
# case, show the failures with their diff, and end with the summary line.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/tests/vmm" "$t/tests/snap" "$t/tests/prolog" "$t/tests/x" "$t/b/tests/unit" "$t/b/tests/vmm"
cp "$top/tests/run" "$t/tests/run"
errors=0
check() { # check WHAT: the condition is the command after it
    local what=$1
    shift
    if ! "$@"; then
        echo "runner self-test: $what" >&2
        errors=$((errors + 1))
    fi
}

# guest programs: shell scripts stand in for the static binaries
printf '#!/bin/sh\necho hello\necho SUCCESS\n' >"$t/b/tests/vmm/good"
printf '#!/bin/sh\necho "bad.c:12: expected 3, got 4" >&2\nexit 1\n' >"$t/b/tests/vmm/bad"
printf '#!/bin/sh\necho "boom at 0x0" >&2\nexit 139\n' >"$t/b/tests/vmm/crash"
chmod +x "$t"/b/tests/vmm/*
echo '// good' >"$t/tests/vmm/good.c"
echo '// bad' >"$t/tests/vmm/bad.c"
printf '//! status: 139\n//! stdout: -\n//! stderr: boom at 0x[0-9a-f]+\n' >"$t/tests/vmm/crash.c"
echo '// never built' >"$t/tests/vmm/missing.c"

# a cmocka-like unit program: 3 cases, 1 failed
cat >"$t/b/tests/unit/test_fake" <<'EOF'
#!/bin/sh
echo "[==========] Running 3 test(s)."
echo "[  ERROR   ] --- 1 != 2"
echo "[   LINE   ] --- fake.c:7: error: Failure!"
echo "[  FAILED  ] two"
echo "[  PASSED  ] 2 test(s)."
echo "[  FAILED  ] 1 test(s), listed below:"
echo "[  FAILED  ] two"
exit 1
EOF
chmod +x "$t/b/tests/unit/test_fake"

# prolog golden files with a fake snaplog that cats the file's expected text
cat >"$t/b/snaplog" <<'EOF'
#!/bin/sh
for a; do case $a in *.pl) sed -n 's/^% out: //p' "$a";; esac; done
EOF
chmod +x "$t/b/snaplog"
printf '%% out: X = 1\n' >"$t/tests/prolog/same.pl"
echo 'X = 1' >"$t/tests/prolog/same.expected"
printf '%% out: X = 2\n' >"$t/tests/prolog/differ.pl"
echo 'X = 1' >"$t/tests/prolog/differ.expected"

# script tests
printf 'exit 0\n' >"$t/tests/x/ok.sh"
printf 'echo "needs a thing"\nexit 77\n' >"$t/tests/x/skipme.sh"
printf 'echo oops\nexit 3\n' >"$t/tests/x/broken.sh"

out=$("$t/tests/run" --build b --backend native 2>&1)
status=$?
last=$(printf '%s\n' "$out" | tail -n 1)
# passed: unit 2, vmm good+crash, prolog same, script ok; failed: unit 1,
# vmm bad+missing, prolog differ, script broken; skipped: script skipme
check "summary line was '$last'" [ "$last" = "6 passed, 5 failed, 1 skipped" ]
check "exit status $status on failures" [ "$status" != 0 ]
check "no diff shown for prolog/differ" grep -q '^      | +X = 2' <<<"$out"
check "no reason for vmm/bad" grep -q 'bad.c:12: expected 3, got 4' <<<"$out"
check "no reason for unit failure" grep -q 'fake.c:7: error' <<<"$out"
check "missing binary not reported" grep -q 'FAIL  vmm/missing: .*was not built' <<<"$out"

# the kvm backend is skipped, never passed, where it cannot run
out=$("$t/tests/run" --build b --backend kvm --kinds vmm 2>&1)
last=$(printf '%s\n' "$out" | tail -n 1)
check "kvm-only run: '$last'" [ "$last" = "0 passed, 1 failed, 3 skipped" ]

# all green: exit 0 and no skipped part in the line
rm "$t/tests/vmm/bad.c" "$t/tests/vmm/missing.c" "$t/tests/prolog/differ.pl" "$t/tests/x/broken.sh" \
    "$t/tests/x/skipme.sh" "$t/b/tests/unit/test_fake"
out=$("$t/tests/run" --build b --backend native 2>&1)
status=$?
last=$(printf '%s\n' "$out" | tail -n 1)
check "green run: '$last'" [ "$last" = "4 passed, 0 failed" ]
check "green run: status $status" [ "$status" = 0 ]

[ $errors = 0 ]
