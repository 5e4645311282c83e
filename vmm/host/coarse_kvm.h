/* coarse_kvm.h: coarse snapshots of the whole guest under KVM.
 *
 * Memory by KVM dirty logging, so that each operation copies only the
 * pages written since the previous one; registers (general, special, FPU)
 * and the monitor's per-guest state (brk, mmap bookkeeping, fs base) with
 * them.  Semantics are those of snap.h: a stack of snapshots, restore keeps
 * the one restored (it can be restored again) and drops newer ones, drop
 * forgets one and every newer one.
 */
#ifndef COARSE_KVM_H
#define COARSE_KVM_H

#include "kvm_vcpu.h"

/* coarse_kvm_serve serves the SNAPVM_CALL_COARSE request with sequence
 * (seq) in the ring, on the vCPU thread during its MMIO exit, and answers
 * it (a restore answers at the restored point with ret 1). */
void coarse_kvm_serve(struct kvm_vcpu_state *v, struct sys_state *sys, uint64_t seq);

/* coarse_kvm_recover: the program faulted (sig, at rip, page-fault address
 * addr or 0).  With a live guard snapshot (SNAPVM_COARSE_GUARD) it restores
 * the newest, whose take then returns 2 with the fault, and returns 0; -1
 * when there is none (or the restore failed): the fault ends the program. */
int coarse_kvm_recover(struct kvm_vcpu_state *v, struct sys_state *sys, int sig, uint64_t addr,
                       uint64_t rip);

/* coarse_kvm_free releases every snapshot (at the end of the run). */
void coarse_kvm_free(struct kvm_vcpu_state *v);

#endif
