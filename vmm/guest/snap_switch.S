/* snap_switch.S: the register and stack half of snap_take and snap_restore.
 *
 * Like _setjmp/_longjmp, plus the stack segment between the caller and the
 * base frame, which snap_take_c copies out and snap_restore copies back.
 * struct snap_rec (snap_take.c): rbx 0, rbp 8, r12 16, r13 24, r14 32,
 * r15 40, sp 48, rip 56, stk 64, len 72.
 */
        .text

/* long snap_take(snap_id *id) */
        .globl  snap_take
        .type   snap_take, @function
        .p2align 4
snap_take:
        leaq    8(%rsp), %rsi           /* the caller's sp once we return */
        movq    (%rsp), %rdx            /* where a restore resumes */
        subq    $8, %rsp                /* 16-byte alignment for the call */
        call    snap_take_c
        addq    $8, %rsp
        testq   %rax, %rax
        jz      1f
        /* callee-saved registers are as our caller left them */
        movq    %rbx, 0(%rax)
        movq    %rbp, 8(%rax)
        movq    %r12, 16(%rax)
        movq    %r13, 24(%rax)
        movq    %r14, 32(%rax)
        movq    %r15, 40(%rax)
        xorl    %eax, %eax
        ret
1:      movq    $-1, %rax               /* errno set by snap_take_c */
        ret
        .size   snap_take, .-snap_take

/* _Noreturn void snap_restore(snap_id id, long v) */
        .globl  snap_restore
        .type   snap_restore, @function
        .p2align 4
snap_restore:
        movq    %rsi, %rbx              /* v; our caller's rbx is not needed */
        subq    $8, %rsp
        call    snap_restore_c          /* undoes the log; returns the record */
        /* The segment may cover our own frame: copy on a private stack. */
        leaq    snap_restore_stack_top(%rip), %rsp
        movq    64(%rax), %rsi
        movq    48(%rax), %rdi
        movq    72(%rax), %rcx
        /* 64 bytes per iteration, then the tail of 16-byte units; the
         * length is a multiple of 16 (sp and base are 16-aligned) */
        cmpq    $64, %rcx
        jb      2f
1:      movdqu  (%rsi), %xmm0
        movdqu  16(%rsi), %xmm1
        movdqu  32(%rsi), %xmm2
        movdqu  48(%rsi), %xmm3
        movdqu  %xmm0, (%rdi)
        movdqu  %xmm1, 16(%rdi)
        movdqu  %xmm2, 32(%rdi)
        movdqu  %xmm3, 48(%rdi)
        addq    $64, %rsi
        addq    $64, %rdi
        subq    $64, %rcx
        cmpq    $64, %rcx
        jae     1b
2:      testq   %rcx, %rcx
        jz      4f
3:      movdqu  (%rsi), %xmm0
        movdqu  %xmm0, (%rdi)
        addq    $16, %rsi
        addq    $16, %rdi
        subq    $16, %rcx
        jnz     3b
4:      movq    %rbx, %rdx
        movq    0(%rax), %rbx
        movq    8(%rax), %rbp
        movq    16(%rax), %r12
        movq    24(%rax), %r13
        movq    32(%rax), %r14
        movq    40(%rax), %r15
        movq    48(%rax), %rsp
        movq    56(%rax), %rcx
        movq    %rdx, %rax
        /* push + ret: one mispredicted return here, but the return stack
         * buffer stays aligned for the frames above (jmp * measured slower) */
        pushq   %rcx
        ret
        .size   snap_restore, .-snap_restore

        .bss
        .p2align 6
snap_restore_stack:
        .zero   4096
snap_restore_stack_top:

        .section .note.GNU-stack,"",@progbits
