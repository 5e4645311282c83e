/* kvm_vcpu.h: the VM, its vCPU thread and the poll thread that serves the
 * request ring (KVM backend internals, shared with coarse_kvm.c). */
#ifndef KVM_VCPU_H
#define KVM_VCPU_H

#include "gmem.h"
#include "sys_serve.h"
#include "vm.h"

#include <pthread.h>
#include <stdint.h>

struct coarse_kvm;

struct kvm_vcpu_state {
    const struct vm_opts *opts;
    int kvm, vm, vcpu;
    struct kvm_run *run; /* the vCPU's shared page; owned */
    size_t run_size;
    uint8_t *ram; /* guest RAM [0, ram_size); THP-backed; owned */
    uint64_t ram_size;
    uint64_t prog_end, shadow_size;
    uint64_t entry, sp;
    struct gmem mem;           /* the program window of ram */
    struct snapvm_ring *ring;  /* host address of the guest's ring page */
    struct coarse_kvm *coarse; /* coarse snapshots, created on first use */
    pthread_t vcpu_thread, poll_thread;
    int poll_running, wake_fd;
    uint64_t claimed;  /* the request sequence number being served */
    volatile int done; /* the guest has ended (exit, fatal, interrupt) */
    /* --stats */
    uint64_t exits_mmio_serve, exits_mmio_fault, exits_other, exits_intr;
    uint64_t crashes_recovered; /* faults undone by a guard snapshot */
    uint64_t served_poller, served_vcpu, poller_sleeps;
    double t_start, t_guest, t_host;
};

/* kvm_vcpu_open creates the VM (one memslot of opts->mem bytes, THP
 * advised, not prefaulted) and its vCPU.  Returns 0, or -1 after printing
 * what failed. */
int kvm_vcpu_open(struct kvm_vcpu_state *v, const struct vm_opts *o);
void kvm_vcpu_close(struct kvm_vcpu_state *v);

/* kvm_vcpu_loop runs the guest until it ends; returns its exit status
 * (vm_run's conventions).  Starts and stops the poll thread. */
int kvm_vcpu_loop(struct kvm_vcpu_state *v, struct sys_state *sys);

/* kvm_vcpu_stats prints the --stats lines to stderr. */
void kvm_vcpu_stats(struct kvm_vcpu_state *v, const struct sys_state *sys);

/* kvm_fail prints "snapvm: WHAT: strerror(errno)" and returns -1. */
int kvm_fail(struct kvm_vcpu_state *v, const char *what);

#endif
