/* coarse_kvm.c: coarse snapshots by KVM dirty logging (see coarse_kvm.h).
 *
 * KVM's dirty log says which pages changed, not what they held, so the
 * monitor keeps a reference copy R of guest RAM equal to the state at the
 * newest snapshot, and for every older snapshot an undo list: the pages
 * that changed between it and the next one, with their contents at it.
 * Invariant: R == RAM except the pages in (KVM dirty log since the last
 * sync) | (pages the host wrote since then, gmem's bitmap).
 *   take:    sync; each dirty page p: push (p, R[p]) on the newest's undo
 *            list, R[p] = RAM[p].  Cost: 2 copies per dirty page.
 *   restore: sync; each dirty page: RAM[p] = R[p]; then undo lists newest
 *            first down to the target: RAM[p] = R[p] = saved.
 *   drop:    undo lists applied to R only, those pages marked dirty.
 * The first take copies only the host-resident pages of RAM (mincore):
 * untouched memory is zero in both.  Dirty logging starts then, so a run
 * that never snapshots pays nothing for it.
 */
#define _GNU_SOURCE
#include "coarse_kvm.h"

#include <errno.h>
#include <linux/kvm.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#define PG 4096ULL

struct undo {
    uint64_t n, cap;
    uint64_t *page; /* page numbers */
    uint8_t *data;  /* n pages of contents */
};

struct snap {
    uint64_t id;
    int guard; /* SNAPVM_COARSE_GUARD: the crash point while live */
    struct kvm_regs regs;
    struct kvm_sregs sregs;
    struct kvm_fpu fpu;
    uint64_t brk_cur, fsbase;
    struct mmap_book mmap;
    struct undo undo; /* pages changed between this snapshot and the next */
};

struct coarse_kvm {
    uint8_t *ref; /* R: guest RAM as at the newest snapshot */
    uint64_t npages;
    uint64_t *kvm_bits; /* KVM_GET_DIRTY_LOG buffer */
    int n;              /* live snapshots */
    uint64_t next_id;
    struct snap s[SNAPVM_COARSE_MAX_LIVE];
};

static int undo_push(struct undo *u, uint64_t page, const uint8_t *data)
{
    if (u->n == u->cap) {
        uint64_t cap = u->cap ? 2 * u->cap : 64;
        uint64_t *p = realloc(u->page, cap * sizeof *p);
        if (!p) return -ENOMEM;
        u->page = p;
        uint8_t *d = realloc(u->data, cap * PG);
        if (!d) return -ENOMEM;
        u->data = d;
        u->cap = cap;
    }
    u->page[u->n] = page;
    memcpy(u->data + u->n * PG, data, PG);
    u->n++;
    return 0;
}

static void undo_free(struct undo *u)
{
    free(u->page);
    free(u->data);
    memset(u, 0, sizeof *u);
}

static int init(struct kvm_vcpu_state *v)
{
    struct coarse_kvm *c = calloc(1, sizeof *c);
    if (!c) return -ENOMEM;
    c->npages = v->ram_size / PG;
    c->ref = mmap(NULL, v->ram_size, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    c->kvm_bits = calloc((c->npages + 63) / 64, 8);
    v->mem.dirty = calloc((c->npages + 63) / 64, 8);
    if (c->ref == MAP_FAILED || !c->kvm_bits || !v->mem.dirty) {
        if (c->ref != MAP_FAILED) munmap(c->ref, v->ram_size);
        free(c->kvm_bits);
        free(c);
        free(v->mem.dirty);
        v->mem.dirty = NULL;
        return -ENOMEM;
    }
    /* R = RAM, copying only what the host has resident. */
    unsigned char *vec = malloc(c->npages);
    if (vec && mincore(v->ram, v->ram_size, vec) == 0) {
        for (uint64_t p = 0; p < c->npages; p++)
            if (vec[p] & 1) memcpy(c->ref + p * PG, v->ram + p * PG, PG);
    } else {
        memcpy(c->ref, v->ram, v->ram_size);
    }
    free(vec);
    struct kvm_userspace_memory_region r = {
        .slot = 0,
        .flags = KVM_MEM_LOG_DIRTY_PAGES,
        .guest_phys_addr = 0,
        .memory_size = v->ram_size,
        .userspace_addr = (uint64_t)(uintptr_t)v->ram,
    };
    if (ioctl(v->vm, KVM_SET_USER_MEMORY_REGION, &r) < 0) {
        int e = errno;
        munmap(c->ref, v->ram_size);
        free(c->kvm_bits);
        free(c);
        free(v->mem.dirty);
        v->mem.dirty = NULL;
        return -e;
    }
    v->coarse = c;
    return 0;
}

/* Collect the pages changed since the last sync into (out) (a bitmap the
 * size of kvm_bits), clearing both sources. */
static int sync_dirty(struct kvm_vcpu_state *v, uint64_t *out)
{
    struct coarse_kvm *c = v->coarse;
    struct kvm_dirty_log log = {.slot = 0, .dirty_bitmap = c->kvm_bits};
    memset(c->kvm_bits, 0, (c->npages + 63) / 64 * 8);
    if (ioctl(v->vm, KVM_GET_DIRTY_LOG, &log) < 0) return -errno;
    for (uint64_t w = 0; w < (c->npages + 63) / 64; w++) {
        out[w] = c->kvm_bits[w] | v->mem.dirty[w];
        v->mem.dirty[w] = 0;
    }
    return 0;
}

#define FOR_EACH_BIT(bits, nwords, p)                                                              \
    for (uint64_t w_ = 0; w_ < (nwords); w_++)                                                     \
        for (uint64_t m_ = (bits)[w_], p; m_ && (p = w_ * 64 + (uint64_t)__builtin_ctzll(m_), 1);  \
             m_ &= m_ - 1)

/* Complete the pending MMIO write so that the registers are consistent
 * (KVM API: KVM_RUN with immediate_exit set completes it, then returns
 * EINTR without running the guest). */
static void complete_mmio(struct kvm_vcpu_state *v)
{
    v->run->immediate_exit = 1;
    ioctl(v->vcpu, KVM_RUN, 0);
    v->run->immediate_exit = 0;
}

static int take(struct kvm_vcpu_state *v, struct sys_state *sys, uint64_t *bits, uint64_t *id)
{
    struct coarse_kvm *c = v->coarse;
    uint64_t nw = (c->npages + 63) / 64;
    if (c->n == SNAPVM_COARSE_MAX_LIVE) return -ENOSPC;
    int rc = sync_dirty(v, bits);
    if (rc) return rc;
    FOR_EACH_BIT(bits, nw, p)
    {
        if (c->n && undo_push(&c->s[c->n - 1].undo, p, c->ref + p * PG)) {
            /* Keep the invariant: mark every page of this sync dirty again
             * (for those already done R == RAM, so that costs nothing). */
            for (uint64_t w = 0; w < nw; w++) v->mem.dirty[w] |= bits[w];
            return -ENOMEM;
        }
        memcpy(c->ref + p * PG, v->ram + p * PG, PG);
    }
    struct snap *s = &c->s[c->n];
    memset(s, 0, sizeof *s);
    if (ioctl(v->vcpu, KVM_GET_REGS, &s->regs) < 0 ||
        ioctl(v->vcpu, KVM_GET_SREGS, &s->sregs) < 0 || ioctl(v->vcpu, KVM_GET_FPU, &s->fpu) < 0)
        return -errno;
    if (mb_copy(&s->mmap, &sys->mmap)) return -ENOMEM;
    s->brk_cur = sys->brk_cur;
    s->fsbase = sys->fsbase;
    s->id = ++c->next_id;
    c->n++;
    *id = s->id;
    return 0;
}

static int find(struct coarse_kvm *c, uint64_t id)
{
    for (int i = 0; i < c->n; i++)
        if (c->s[i].id == id) return i;
    return -1;
}

static void pop_to(struct coarse_kvm *c, int k)
{
    while (c->n > k + 1) {
        c->n--;
        undo_free(&c->s[c->n].undo);
        mb_free(&c->s[c->n].mmap);
    }
    undo_free(&c->s[k].undo);
}

static int restore(struct kvm_vcpu_state *v, struct sys_state *sys, uint64_t *bits, int k)
{
    struct coarse_kvm *c = v->coarse;
    uint64_t nw = (c->npages + 63) / 64;
    int rc = sync_dirty(v, bits);
    if (rc) return rc;
    FOR_EACH_BIT(bits, nw, p)
    memcpy(v->ram + p * PG, c->ref + p * PG, PG);
    for (int j = c->n - 2; j >= k; j--) {
        struct undo *u = &c->s[j].undo;
        for (uint64_t i = u->n; i-- > 0;) {
            memcpy(v->ram + u->page[i] * PG, u->data + i * PG, PG);
            memcpy(c->ref + u->page[i] * PG, u->data + i * PG, PG);
        }
    }
    pop_to(c, k);
    struct snap *s = &c->s[k];
    if (ioctl(v->vcpu, KVM_SET_REGS, &s->regs) < 0 ||
        ioctl(v->vcpu, KVM_SET_SREGS, &s->sregs) < 0 || ioctl(v->vcpu, KVM_SET_FPU, &s->fpu) < 0)
        return -errno;
    struct mmap_book copy;
    if (mb_copy(&copy, &s->mmap)) return -ENOMEM;
    mb_free(&sys->mmap);
    sys->mmap = copy;
    sys->brk_cur = s->brk_cur;
    sys->fsbase = s->fsbase;
    return 0;
}

static void drop(struct kvm_vcpu_state *v, int k)
{
    struct coarse_kvm *c = v->coarse;
    /* R becomes the state at snapshot k-1: undo newest first, into R only. */
    for (int j = c->n - 2; j >= k - 1 && j >= 0; j--) {
        struct undo *u = &c->s[j].undo;
        for (uint64_t i = u->n; i-- > 0;) {
            memcpy(c->ref + u->page[i] * PG, u->data + i * PG, PG);
            gmem_mark_dirty(&v->mem, u->page[i] * PG, PG);
        }
    }
    if (k == 0) {
        pop_to(c, 0);
        mb_free(&c->s[0].mmap);
        c->n = 0;
    } else {
        pop_to(c, k - 1);
    }
}

void coarse_kvm_serve(struct kvm_vcpu_state *v, struct sys_state *sys, uint64_t seq)
{
    struct snapvm_coarse req;
    memcpy(&req, &v->ring->req.u.coarse, sizeof req); /* copied once */
    complete_mmio(v);
    int64_t ret = 0;
    uint64_t bits_words = v->ram_size / PG / 64 + 1;
    uint64_t *bits = NULL;
    if (!v->coarse) ret = init(v);
    if (!ret && !(bits = calloc(bits_words, 8))) ret = -ENOMEM;
    if (!ret) {
        struct coarse_kvm *c = v->coarse;
        int k = req.op == SNAPVM_COARSE_TAKE || req.op == SNAPVM_COARSE_GUARD ? 0 : find(c, req.id);
        switch (req.op) {
        case SNAPVM_COARSE_GUARD:
        case SNAPVM_COARSE_TAKE: {
            /* The answer (ret 0, the id) must be in RAM before the copy, so
             * that a restore finds it there; the restore then says 1. */
            uint64_t id = c->next_id + 1;
            v->ring->req.u.coarse.id = id;
            v->ring->req.ret = 0;
            v->ring->resp_seq = seq;
            gmem_mark_dirty(&v->mem, SNAPVM_RING_GVA, PG);
            ret = take(v, sys, bits, &id);
            if (!ret) c->s[c->n - 1].guard = req.op == SNAPVM_COARSE_GUARD;
            break;
        }
        case SNAPVM_COARSE_RESTORE:
            ret = k < 0 ? -EINVAL : restore(v, sys, bits, k);
            if (ret == 0) {
                /* The guest resumes waiting for the answer to its take,
                 * whose sequence number the restored ring holds; and a
                 * repeated number must be claimable again. */
                v->ring->req.ret = 1;
                v->ring->req.action = SNAPVM_ACT_NONE;
                v->ring->resp_seq = v->ring->req_seq;
                __atomic_store_n(&v->claimed, 0, __ATOMIC_RELEASE);
                /* resp_seq/ret now differ from R: the next sync sees them */
                gmem_mark_dirty(&v->mem, SNAPVM_RING_GVA, PG);
                free(bits);
                return;
            }
            break;
        case SNAPVM_COARSE_DROP:
            if (k < 0)
                ret = -EINVAL;
            else
                drop(v, k);
            break;
        default: ret = -EINVAL;
        }
    }
    free(bits);
    v->ring->req.ret = ret;
    v->ring->req.action = SNAPVM_ACT_NONE;
    /* A host write like any other: R must learn of it at the next sync. */
    gmem_mark_dirty(&v->mem, SNAPVM_RING_GVA, PG);
    __atomic_store_n(&v->ring->resp_seq, seq, __ATOMIC_RELEASE);
}

int coarse_kvm_recover(struct kvm_vcpu_state *v, struct sys_state *sys, int sig, uint64_t addr,
                       uint64_t rip)
{
    struct coarse_kvm *c = v->coarse;
    int k = c ? c->n - 1 : -1;
    while (k >= 0 && !c->s[k].guard)
        k--;
    if (k < 0) return -1;
    complete_mmio(v); /* the fault stub's doorbell write */
    uint64_t *bits = calloc(v->ram_size / PG / 64 + 1, 8);
    if (!bits || restore(v, sys, bits, k)) {
        free(bits);
        return -1;
    }
    free(bits);
    /* The guest resumes waiting for the answer to its guard's take, as
     * after a RESTORE, with 2 and the fault. */
    v->ring->req.ret = 2;
    v->ring->req.action = SNAPVM_ACT_NONE;
    v->ring->req.u.coarse.sig = (uint64_t)sig;
    v->ring->req.u.coarse.addr = addr;
    v->ring->req.u.coarse.rip = rip;
    v->ring->resp_seq = v->ring->req_seq;
    __atomic_store_n(&v->claimed, 0, __ATOMIC_RELEASE);
    gmem_mark_dirty(&v->mem, SNAPVM_RING_GVA, PG);
    return 0;
}

void coarse_kvm_free(struct kvm_vcpu_state *v)
{
    struct coarse_kvm *c = v->coarse;
    if (!c) return;
    for (int i = 0; i < c->n; i++) {
        undo_free(&c->s[i].undo);
        mb_free(&c->s[i].mmap);
    }
    munmap(c->ref, v->ram_size);
    free(c->kvm_bits);
    free(v->mem.dirty);
    v->mem.dirty = NULL;
    free(c);
    v->coarse = NULL;
}
