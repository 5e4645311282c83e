#!/usr/bin/env bash
# sandbox_kvm.sh: --sandbox end to end on this machine's KVM backend: paths
# that try to leave the directory ("..", absolute paths, symbolic links out
# of it) are ENOENT, a file round trip inside works.  kvm_qemu.sh makes the
# same checks under QEMU where there is no /dev/kvm.  Skips (77) without a
# usable /dev/kvm.
set -u
build=${SNAPLOG_BUILD:-build}
[ -z "${KVM_REASON-unset}" ] || { echo "no usable /dev/kvm: ${KVM_REASON:-not run by tests/run}"; exit 77; }
top=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
box=$tmp/box
mkdir -p "$box/sub" "$tmp/outside"
echo secret >"$tmp/outside/secret"
echo inside >"$box/inside.txt"
ln -s "$tmp/outside/secret" "$box/escape"
ln -s ../../outside/secret "$box/sub/up"
cd "$box" || exit 1
got=$("$top/$build/snapvm" --kvm --sandbox "$box" "$top/$build/tests/vmm/open_paths" /inside.txt \
    sub/../inside.txt ../../outside/secret "$tmp/outside/secret" escape sub/up </dev/null 2>&1 | tr '\n' '|')
want="/inside.txt: inside|sub/../inside.txt: inside|../../outside/secret: No such file or directory|$tmp/outside/secret: No such file or directory|escape: No such file or directory|sub/up: No such file or directory|SUCCESS|"
fails=0
if [ "$got" != "$want" ]; then
    echo "FAIL --sandbox paths:"; echo "  got  $got"; echo "  want $want"
    fails=$((fails + 1))
fi
out=$("$top/$build/snapvm" --kvm --sandbox "$box" "$top/$build/tests/vmm/file_roundtrip" </dev/null 2>&1)
st=$?
if [ $st != 0 ] || [ "$(tail -n 1 <<<"$out")" != SUCCESS ]; then
    echo "FAIL --sandbox file round trip (status $st):"; sed 's/^/  /' <<<"$out"
    fails=$((fails + 1))
fi
[ "$(ls "$box" | tr '\n' ' ')" = "escape inside.txt sub " ] || { echo "FAIL: files left in the box: $(ls "$box")"; fails=$((fails + 1)); }
[ "$(cat "$tmp/outside/secret")" = secret ] || { echo "FAIL: the file outside changed"; fails=$((fails + 1)); }
[ $fails = 0 ] && echo "--sandbox under KVM: paths confined, file round trip inside"
[ $fails = 0 ]
