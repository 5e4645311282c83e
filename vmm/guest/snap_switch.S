/* snap_switch.S: the register and stack half of snap_take and snap_restore.
 *
 * Like _setjmp/_longjmp, plus the stack segment between the caller and the
 * base frame, which snap_take_c copies out and snap_restore copies back.
 * struct snap_rec (snap_take.c): rbx 0, rbp 8, r12 16, r13 24, r14 32,
 * r15 40, sp 48, rip 56, stk 64, len 72.
 */
/* COPYSEG: %rcx bytes (a multiple of 16) from (%rsi) to (%rdi), which do not
 * overlap; clobbers rcx, rsi, rdi, r8, r9, xmm0-3 (ymm0-3 with AVX).  With
 * AVX, from 128 bytes: 128 per iteration and the last 128 (overlapping what
 * the loop copied); below, 32 and 16. */
/* 128 bytes from (src) to (dst) with AVX moves */
.macro V128 src, dst
        vmovdqu (\src), %ymm0
        vmovdqu 32(\src), %ymm1
        vmovdqu 64(\src), %ymm2
        vmovdqu 96(\src), %ymm3
        vmovdqu %ymm0, (\dst)
        vmovdqu %ymm1, 32(\dst)
        vmovdqu %ymm2, 64(\dst)
        vmovdqu %ymm3, 96(\dst)
.endm

.macro COPYSEG
        cmpb    $0, snap_stack_avx(%rip)
        je      .Lsse\@
        cmpq    $128, %rcx
        jb      .Lv32\@
        leaq    -128(%rsi,%rcx), %r8
        leaq    -128(%rdi,%rcx), %r9
.Lv128\@:
        V128    %rsi, %rdi
        subq    $-128, %rsi
        subq    $-128, %rdi
        addq    $-128, %rcx
        cmpq    $128, %rcx
        ja      .Lv128\@
        V128    %r8, %r9
        jmp     .Lvend\@
.Lv32\@:
        cmpq    $32, %rcx
        jb      .Lv16\@
        vmovdqu (%rsi), %ymm0
        vmovdqu %ymm0, (%rdi)
        addq    $32, %rsi
        addq    $32, %rdi
        subq    $32, %rcx
        jmp     .Lv32\@
.Lv16\@:
        testq   %rcx, %rcx
        jz      .Lvend\@
        vmovdqu (%rsi), %xmm0
        vmovdqu %xmm0, (%rdi)
.Lvend\@:
        vzeroupper
        jmp     .Ldone\@
.Lsse\@:
        cmpq    $64, %rcx
        jb      .Ls16\@
.Ls64\@:
        movdqu  (%rsi), %xmm0
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
        jae     .Ls64\@
.Ls16\@:
        testq   %rcx, %rcx
        jz      .Ldone\@
        movdqu  (%rsi), %xmm0
        movdqu  %xmm0, (%rdi)
        addq    $16, %rsi
        addq    $16, %rdi
        subq    $16, %rcx
        jmp     .Ls16\@
.Ldone\@:
.endm

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
        /* the stack segment, from the caller's frame up to the base */
        movq    48(%rax), %rsi
        movq    64(%rax), %rdi
        movq    72(%rax), %rcx
        addq    $15, %rcx
        andq    $-16, %rcx
        COPYSEG
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
        /* the length is a multiple of 16 (sp and base are 16-aligned) */
        COPYSEG
        movq    %rbx, %rdx
        movq    0(%rax), %rbx
        movq    8(%rax), %rbp
        movq    16(%rax), %r12
        movq    24(%rax), %r13
        movq    32(%rax), %r14
        movq    40(%rax), %r15
        movq    48(%rax), %rsp
        movq    56(%rax), %rcx
        movq    %rdx, %rax
        /* An indirect jump, predicted when the take site repeats (a loop's
         * choice point): 12 ns less per cycle in micro_snap_cycle than push
         * + ret, whose return always mispredicts.  The return-stack entry of
         * the call to snap_restore stays behind: the take's caller, when it
         * returns, mispredicts once (push + ret would have had the same one
         * here). */
        jmp     *%rcx
        .size   snap_restore, .-snap_restore

        .bss
        .p2align 6
snap_restore_stack:
        .zero   4096
snap_restore_stack_top:

        .section .note.GNU-stack,"",@progbits
