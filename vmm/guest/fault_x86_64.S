/* fault_x86_64.S: CPL3 fault stubs, included by shim_x86_64.S at
 * SNAPVM_SHIM_FAULTS.
 *
 * Every IDT gate (vectors 0-31) has the DPL3 code selector 0x33 and IST1,
 * so an exception in the program is delivered without a privilege change
 * on a stack of our own (a stack overflow still reports).  Each stub is 16
 * bytes: it makes the frame uniform (a zero where the CPU pushes no error
 * code), copies vector, error code, rip, cs, rflags and rsp to the fault
 * record, and reports with one MMIO exit.  The monitor reads CR2 itself.
 * It never returns: the monitor ends the guest.
 */
    .balign 16
fault_stubs:
    .irp v,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    .balign 16
    .if (\v == 8 || (\v >= 10 && \v <= 14) || \v == 17 || \v == 21 || \v == 29 || \v == 30)
    .else
    pushq $0
    .endif
    pushq $\v
    jmp fault_common
    .endr
fault_common:
    mov %rax, SNAPVM_FAULT_GVA + 48 /* scratch slot after the record */
    pop %rax
    mov %rax, SNAPVM_FAULT_GVA + 0  /* vector */
    pop %rax
    mov %rax, SNAPVM_FAULT_GVA + 8  /* error code */
    pop %rax
    mov %rax, SNAPVM_FAULT_GVA + 16 /* rip */
    pop %rax
    mov %rax, SNAPVM_FAULT_GVA + 24 /* cs */
    pop %rax
    mov %rax, SNAPVM_FAULT_GVA + 32 /* rflags */
    pop %rax
    mov %rax, SNAPVM_FAULT_GVA + 40 /* rsp */
    movabs %eax, SNAPVM_MMIO_FAULT
1:  pause
    jmp 1b
