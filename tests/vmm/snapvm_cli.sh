#!/usr/bin/env bash
# snapvm_cli.sh: the snapvm command itself: options, exit statuses, broken
# ELF files (truncated, wrong machine, overlapping segments, out of range,
# dynamic, not ELF) each refused with its own words while snapvm survives,
# --trace-syscalls and --stats natively, Ctrl-C -> 130.
set -u
build=${SNAPLOG_BUILD:-build}
snapvm=$build/snapvm
hello=$build/tests/vmm/hello
[ -x "$snapvm" ] && [ -x "$hello" ] || { echo "snapvm or tests/vmm/hello not built"; exit 77; }
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
fails=0
# expect STATUS STDERR-REGEX -- ARGS...
expect() {
    local want=$1 re=$2
    shift 3
    "$snapvm" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    local st=$?
    if [ "$st" != "$want" ] || ! grep -Eq -- "$re" "$tmp/err" "$tmp/out"; then
        echo "FAIL snapvm $*: status $st (want $want), output: $(head -c 300 "$tmp/err")"
        fails=$((fails + 1))
    fi
}
expect 0 'usage: snapvm' -- --help
expect 0 '^snapvm \(snaplog\) [0-9.]+, ABI [0-9]+' -- --version
expect 2 'usage: snapvm' --
expect 2 'unrecognized option' -- --frobnicate "$hello"
expect 2 '--mem 12X: want a size' -- --mem 12X "$hello"
expect 2 '--mem 1M: want a size' -- --mem 1M "$hello"
expect 127 'no-such-program: No such file or directory' -- "$tmp/no-such-program"
expect 2 '--sandbox needs the kvm backend' -- --no-kvm --sandbox "$tmp" "$hello"

# Broken ELF files, made from a good one.
python3 - "$hello" "$tmp" <<'PY'
import struct, sys
good = open(sys.argv[1], 'rb').read()
d = sys.argv[2]
def put(name, data): open(f"{d}/{name}", 'wb').write(data)
put('truncated', good[:len(good) // 2])
put('tiny', good[:40])
b = bytearray(good); b[18:20] = struct.pack('<H', 183); put('aarch64', b)
b = bytearray(good); b[4] = 1; put('elf32', b)
phoff, = struct.unpack_from('<Q', good, 32)
phnum, = struct.unpack_from('<H', good, 56)
loads = [i for i in range(phnum) if struct.unpack_from('<I', good, phoff + 56 * i)[0] == 1]
b = bytearray(good)   # second PT_LOAD moved onto the first
v0, = struct.unpack_from('<Q', good, phoff + 56 * loads[0] + 16)
off1, = struct.unpack_from('<Q', good, phoff + 56 * loads[1] + 8)
struct.pack_into('<QQ', b, phoff + 56 * loads[1] + 16, v0 + (off1 % 4096), v0 + (off1 % 4096))
struct.pack_into('<Q', b, phoff + 56 * loads[1] + 48, 1)   # p_align 1: only the overlap is wrong
put('overlap', b)
b = bytearray(good)   # last PT_LOAD far above guest memory
struct.pack_into('<QQ', b, phoff + 56 * loads[-1] + 16, 0x7f0000000000, 0x7f0000000000)
struct.pack_into('<Q', b, phoff + 56 * loads[-1] + 48, 1)
put('outofrange', b)
put('text', b'#!/bin/sh\necho not an ELF\n')
PY
for be in --no-kvm ""; do
    expect 126 'truncated: segment [0-9]+ needs file bytes' -- $be "$tmp/truncated"
    expect 126 'truncated: ELF header needs 64 bytes, file has 40' -- $be "$tmp/tiny"
    expect 126 'wrong machine: e_machine 183 \(aarch64\), want 62 \(x86-64\)' -- $be "$tmp/aarch64"
    expect 126 'wrong class: 32-bit ELF' -- $be "$tmp/elf32"
    expect 126 'overlapping segments: segment [0-9]+' -- $be "$tmp/overlap"
    expect 126 'outside the program.s memory' -- $be "$tmp/outofrange"
    expect 126 'not an ELF file' -- $be "$tmp/text"
done
if [ -x /bin/true ] && file -L /bin/true | grep -q dynamic; then
    expect 126 'dynamic executable \(program interpreter /lib.*\): link it with -static' -- /bin/true
fi
# snapvm is still fine after all that
expect 0 'SUCCESS' -- --no-kvm "$hello"

# --trace-syscalls and --stats, natively
"$snapvm" --no-kvm --trace-syscalls --stats "$hello" >"$tmp/out" 2>"$tmp/err"
for re in '^write\(1, 0x[0-9a-f]+, [0-9]+\) = [0-9]+$' '^exit_group\(0' '^brk\(0\) = 0x' \
    'snapvm: stats: backend native, [0-9.]+ ms total' 'snapvm: stats: [0-9]+ system calls'; do
    grep -Eq -- "$re" "$tmp/err" || { echo "FAIL trace/stats: no line /$re/"; fails=$((fails + 1)); }
done

# Ctrl-C: SIGINT to snapvm ends the program with 130
cat >"$tmp/sleeper.c" <<'C'
#include <unistd.h>
int main(void) { for (int i = 0; i < 300; i++) sleep(1); return 0; }
C
if gcc -static -O2 "$tmp/sleeper.c" -o "$tmp/sleeper" 2>/dev/null; then
    "$snapvm" --no-kvm "$tmp/sleeper" 2>/dev/null &
    pid=$!
    sleep 0.5
    kill -INT $pid
    wait $pid
    st=$?
    [ $st = 130 ] || { echo "FAIL Ctrl-C: status $st, want 130"; fails=$((fails + 1)); }
fi
echo "snapvm command checks: $fails failed"
[ $fails = 0 ]
