/* kvm_x86_64.h: the KVM backend of the monitor (x86-64, guest at CPL3).
 *
 * Builds the whole guest from the host (page tables with 2 MiB pages over
 * THP-backed RAM, GDT, TSS, IDT with CPL3 gates on IST1, the shim, the
 * program, its stack) and enters the program at CPL3 with KVM_SET_SREGS:
 * the guest runs no ring-0 code (DESIGN 1).  Written from the KVM API
 * documentation and the pvm-guest prototype's measurements; see
 * docs/snapvm.md for what could and could not be run on this machine.
 */
#ifndef KVM_X86_64_H
#define KVM_X86_64_H

#include "snapvm_abi.h"
#include "vm.h"

/* kvm_run_program runs (argv, envp) under KVM with (o) (name and mem set).
 * Returns the exit status as vm_run does. */
int kvm_run_program(const struct vm_opts *o, char *const argv[], char *const envp[]);

/* kvm_layout computes where program memory ends for (mem) bytes of guest
 * RAM, so that the barrier shadow of all of it fits above it in RAM and
 * below the shadow window; *shadow_size gets the shadow's size (2 MiB
 * multiple).  Returns 0 when (mem) is too small. */
uint64_t kvm_layout(uint64_t mem, uint64_t *shadow_size);

/* kvm_build_guest writes the monitor's part of the guest into v->ram
 * (v->ram_size bytes, v->prog_end and v->shadow_size set): the shim, page
 * tables, GDT, TSS, IDT, platform struct and ring.  No KVM call: the unit
 * tests walk the result. */
struct kvm_vcpu_state;
void kvm_build_guest(struct kvm_vcpu_state *v);

/* The monitor's pages in the first 2 MiB (4 KiB page table PT0). */
#define KVM_PML4_GPA   0x1000ULL
#define KVM_GDT_GPA    0x8000ULL
#define KVM_IDT_GPA    0x9000ULL
#define KVM_TSS_GPA    0xa000ULL
#define KVM_STACK_SIZE (8ULL << 20)

/* Where the shadow window's 2 MiB mapping starts (the page holding
 * SNAPVM_SHADOW_OFFSET). */
#define KVM_SHADOW_VA (SNAPVM_SHADOW_OFFSET & ~(SNAPVM_HUGE_SIZE - 1))

#endif
