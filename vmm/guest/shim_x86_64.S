/* shim_x86_64.S: the guest's system call entry, at CPL3 (or CPL0).
 *
 * LSTAR points here.  On kvm_pvm `syscall` at CPL3 arrives still at CPL3;
 * on VT-x/SVM it arrives at CPL0 on the user stack.  Either way the shim
 * posts the call to the request ring, spins a little for the host's poll
 * thread, and falls back to one MMIO exit (the vCPU thread serves the
 * request) so that it never waits on a busy host.  No privileged
 * instruction is used; it returns with sysretq at CPL0, with popfq + jmp
 * at CPL3.  Like the kernel it clobbers only rax (result), rcx and r11.
 * It touches the stack only 128 bytes below rsp (past the red zone).
 */
#define SNAPVM_ABI_ASM
#include "snapvm_abi.h"

#define RING(off) (SNAPVM_RING_GVA + (off))
#define ARG(i) RING(SNAPVM_RING_ARGS + 8 * (i))

    .code64
    .text
    .globl shim_start
shim_start:
/* offset SNAPVM_SHIM_SYSCALL (0) */
sys_entry:
    mov %rax, ARG(0)            /* nr */
    mov %rdi, ARG(1)
    mov %rsi, ARG(2)
    mov %rdx, ARG(3)
    mov %r10, ARG(4)
    mov %r8, ARG(5)
    mov %r9, ARG(6)
    mov %rcx, ARG(7)            /* return rip */
    movl $1, RING(SNAPVM_RING_CALL) /* SNAPVM_CALL_SYSCALL */
    movl $0, RING(SNAPVM_RING_CALL + 4)
    mov RING(SNAPVM_RING_REQ_SEQ), %rax
    inc %rax
    mov %rax, RING(SNAPVM_RING_REQ_SEQ) /* x86 TSO: the stores above are seen first */
    mov RING(SNAPVM_RING_SPIN), %rcx
1:  cmp RING(SNAPVM_RING_RESP_SEQ), %rax
    je 3f
    pause
    dec %rcx
    jnz 1b
    /* No answer: exit to the monitor, whose vCPU thread serves the request
     * unless the poll thread has claimed it; then wait for that answer. */
    movabs %eax, SNAPVM_MMIO_SERVE
2:  cmp RING(SNAPVM_RING_RESP_SEQ), %rax
    je 3f
    pause
    jmp 2b
3:  cmpq $SNAPVM_ACT_WRFSBASE, RING(SNAPVM_RING_ACTION)
    jne 4f
    mov RING(SNAPVM_RING_ACTION_ARG), %rax
    wrfsbase %rax               /* arch_prctl(ARCH_SET_FS): native at CPL3 */
4:  mov RING(SNAPVM_RING_RET), %rax
    mov ARG(7), %rcx
    lea -128(%rsp), %rsp
    push %rax
    mov %cs, %eax
    test $3, %al
    pop %rax
    jz 5f
    push %r11                   /* CPL3: restore the caller's flags, return */
    popfq
    lea 128(%rsp), %rsp
    jmp *%rcx
5:  lea 128(%rsp), %rsp         /* CPL0 (VT-x/SVM): flags from r11, rip from rcx */
    sysretq

    .org SNAPVM_SHIM_FAULTS
#include "fault_x86_64.S"
