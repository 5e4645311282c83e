/* shim_blob.S: the guest shim (vmm/guest/shim_x86_64.S, linked flat at
 * SNAPVM_SHIM_GVA) as bytes in the monitor, copied into each guest. */
    .section .rodata
    .balign 16
    .globl kvm_shim_blob, kvm_shim_blob_end
kvm_shim_blob:
    .incbin SHIM_BIN
kvm_shim_blob_end:
    .section .note.GNU-stack, "", @progbits
