#!/usr/bin/env bash
# kvm_qemu.sh: the KVM backend, tested where there is no /dev/kvm: QEMU
# emulates a machine with AMD SVM (TCG, -cpu max), Debian's kernel boots in
# it from a busybox initramfs, loads kvm_amd, and runs every tests/vmm
# program under `snapvm --kvm`; each must give the status, last stdout line
# and stderr its source declares for the kvm backend.  Under TCG a guest is
# slow, so malloc_stress (about 90 s there) is left out and guest RAM is
# 256 MiB (oom fills all of it).
#
# Needs qemu-system-x86_64, a static busybox, and a Debian x86-64 kernel with
# its kvm modules: /boot/vmlinuz-V + /lib/modules/V (package linux-image-amd64),
# or SNAPVM_QEMU_KERNEL=DIR holding boot/vmlinuz-* and lib/modules/* (an
# extracted linux-image .deb).  Skips (77) when one is missing.
# timeout: 600
# (about 40 s on a quiet machine; TCG slows by the load on the host's cores,
# so the QEMU run may take several minutes on a busy CI machine)
set -u
build=${SNAPLOG_BUILD:-build}
top=$PWD
skip() { echo "$1"; exit 77; }
# With a usable /dev/kvm here, tests/run runs every guest program on the real
# KVM backend and sandbox_kvm.sh checks --sandbox: minutes of TCG add nothing.
if [ -n "${KVM_REASON+set}" ] && [ -z "$KVM_REASON" ] && [ "${SNAPVM_QEMU:-0}" != 1 ]; then
    skip "this machine has a usable /dev/kvm: the guest tests run on it (SNAPVM_QEMU=1 runs QEMU too)"
fi
command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 is not installed"
busybox=
for b in /bin/busybox /usr/bin/busybox; do
    if [ -x "$b" ] && ldd "$b" 2>&1 | grep -q 'not a dynamic executable'; then busybox=$b; fi
done
[ -n "$busybox" ] || skip "no static busybox (package busybox-static)"
kernel= moddir=
for root in ${SNAPVM_QEMU_KERNEL:-} ""; do
    for vmlinuz in "$root"/boot/vmlinuz-*; do
        [ -f "$vmlinuz" ] || continue
        v=${vmlinuz##*/vmlinuz-}
        m=$root/lib/modules/$v/kernel
        if ls "$m"/arch/x86/kvm/kvm-amd.ko* >/dev/null 2>&1; then kernel=$vmlinuz moddir=$m; fi
    done
    [ -n "$kernel" ] && break
done
[ -n "$kernel" ] || skip "no kernel with kvm modules (package linux-image-amd64, or SNAPVM_QEMU_KERNEL)"
[ -r "$kernel" ] || skip "$kernel is not readable"
[ -x "$build/snapvm" ] || skip "$build/snapvm was not built"

tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
ir=$tmp/ir
mkdir -p "$ir"/{bin,dev,proc,sys,tmp,t,mod}
cp "$busybox" "$ir/bin/busybox"
for m in virt/lib/irqbypass drivers/crypto/ccp/ccp arch/x86/kvm/kvm arch/x86/kvm/kvm-amd; do
    f=$(ls "$moddir/$m".ko* 2>/dev/null | head -n 1)
    [ -n "$f" ] || continue # built in
    case $f in
    *.xz) xz -dc "$f" >"$ir/mod/$(basename "$m").ko" ;;
    *.zst) zstd -dqc "$f" >"$ir/mod/$(basename "$m").ko" ;;
    *) cp "$f" "$ir/mod/" ;;
    esac
done
cp "$build/snapvm" "$ir/bin/"
for l in $(ldd "$build/snapvm" | grep -o '/[^ ]*'); do
    mkdir -p "$ir$(dirname "$l")"
    cp -L "$l" "$ir$l"
done
want=()
for src in tests/vmm/*.c; do
    n=$(basename "$src" .c)
    [ "$n" = malloc_stress ] && continue
    only=$(sed -n 's|^[[:space:]]*//! backends: *||p' "$src" | head -n 1)
    [ -n "$only" ] && [[ " $only " != *" kvm "* ]] && continue
    [ -x "$build/tests/vmm/$n" ] || { echo "FAIL $n: not built"; exit 1; }
    cp "$build/tests/vmm/$n" "$ir/t/"
    sed -n 's|^[[:space:]]*//! args: *||p' "$src" | head -n 1 >"$ir/t/$n.args"
    want+=("$n")
done
cat >"$ir/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
for m in irqbypass ccp kvm kvm-amd; do [ -f /mod/$m.ko ] && insmod /mod/$m.ko; done
[ -c /dev/kvm ] || echo "NOKVM $(grep -o -w -E 'svm|vmx' /proc/cpuinfo | head -n 1)"
cd /tmp # inside the QEMU guest: its own tmpfs
for f in /t/*; do
    case $f in *.args) continue ;; esac
    n=${f##*/}
    timeout 300 /bin/snapvm --kvm --mem 256M $f $(cat $f.args) </dev/null >out 2>err
    echo "RESULT $n $? $(tail -n 1 out)"
    sed "s/^/STDERR $n /" err | head -n 5
done
# --sandbox: paths that try to leave the directory, and a file round trip in it
mkdir -p /tmp/box/sub /tmp/outside
echo secret >/tmp/outside/secret
echo inside >/tmp/box/inside.txt
ln -s /tmp/outside/secret /tmp/box/escape
ln -s ../../outside/secret /tmp/box/sub/up
/bin/snapvm --kvm --mem 256M --sandbox /tmp/box /t/open_paths /inside.txt sub/../inside.txt \
    ../../outside/secret /tmp/outside/secret escape sub/up /init </dev/null >out 2>&1
echo "SANDBOX $(tr '\n' '|' <out)"
/bin/snapvm --kvm --mem 256M --sandbox /tmp/box /t/file_roundtrip </dev/null >out 2>&1
echo "SANDBOX-FILES $? $(tail -n 1 out) $(ls /tmp/box | tr '\n' ' ')"
echo DONE
poweroff -f
INIT
chmod +x "$ir/init"
(cd "$ir" && find . | "$busybox" cpio -o -H newc 2>/dev/null | gzip -1) >"$tmp/initrd.gz"
start=$(date +%s)
timeout 540 qemu-system-x86_64 -accel tcg -cpu max -m 2G -smp 2 -kernel "$kernel" \
    -initrd "$tmp/initrd.gz" -append "console=ttyS0 quiet panic=-1" -nographic -no-reboot \
    </dev/null >"$tmp/log" 2>&1
secs=$(($(date +%s) - start))
grep -q NOKVM "$tmp/log" && skip "the QEMU guest has no /dev/kvm ($(grep '^NOKVM' "$tmp/log"))"
grep -q DONE "$tmp/log" || { echo "FAIL: the QEMU run did not finish in ${secs}s:"; tail -n 20 "$tmp/log"; exit 1; }
tr -d '\r' <"$tmp/log" | sed -E 's/^.*(RESULT|STDERR|SANDBOX|DONE|NOKVM)/\1/' >"$tmp/log2"
fails=0
for n in "${want[@]}"; do
    src=tests/vmm/$n.c
    ws=$(sed -n 's|^[[:space:]]*//! status: *||p' "$src" | head -n 1); ws=${ws:-0}
    wo=$(sed -n 's|^[[:space:]]*//! stdout: *||p' "$src" | head -n 1); wo=${wo:-SUCCESS}
    we=$(sed -n 's|^[[:space:]]*//! \(snapvm-\)\{0,1\}stderr: *||p' "$src" | head -n 1)
    line=$(grep "^RESULT $n " "$tmp/log2" | head -n 1)
    read -r _ _ st last <<<"$line"
    err=$(sed -n "s|^STDERR $n ||p" "$tmp/log2")
    why=
    if [ -z "$line" ]; then why="no result"
    elif [ "$st" != "$ws" ]; then why="status $st, expected $ws"
    elif [ "$wo" != - ] && [ "$last" != "$wo" ]; then why="last line '$last', expected '$wo'"
    elif [ -n "$we" ] && ! grep -Eq -- "$we" <<<"$err"; then why="stderr does not match /$we/"
    fi
    if [ -n "$why" ]; then
        echo "FAIL $n [kvm under qemu]: $why"
        [ -n "$err" ] && sed 's/^/    /' <<<"$err"
        fails=$((fails + 1))
    fi
done
want_sb='SANDBOX /inside.txt: inside|sub/../inside.txt: inside|../../outside/secret: No such file or directory|/tmp/outside/secret: No such file or directory|escape: No such file or directory|sub/up: No such file or directory|/init: No such file or directory|SUCCESS|'
got_sb=$(grep '^SANDBOX ' "$tmp/log2" | head -n 1)
if [ "$got_sb" != "$want_sb" ]; then
    echo "FAIL --sandbox: $got_sb"
    fails=$((fails + 1))
fi
got_sf=$(grep '^SANDBOX-FILES ' "$tmp/log2" | head -n 1)
if [ "$got_sf" != "SANDBOX-FILES 0 SUCCESS escape inside.txt sub " ]; then
    echo "FAIL --sandbox file round trip: $got_sf"
    fails=$((fails + 1))
fi
echo "${#want[@]} programs under snapvm --kvm in QEMU (TCG, emulated SVM) in ${secs}s, $fails failed"
[ $fails = 0 ]
