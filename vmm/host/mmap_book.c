/* mmap_book.c: mmap bookkeeping (see mmap_book.h). */
#include "mmap_book.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 4096ULL

void mb_init(struct mmap_book *b, uint64_t lo, uint64_t hi)
{
    memset(b, 0, sizeof *b);
    b->lo = (lo + PAGE - 1) & ~(PAGE - 1);
    b->hi = hi & ~(PAGE - 1);
}

void mb_free(struct mmap_book *b)
{
    free(b->r);
    b->r = NULL;
    b->n = b->cap = 0;
}

static int insert_at(struct mmap_book *b, size_t i, uint64_t start, uint64_t end)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 16;
        struct mb_range *r = realloc(b->r, cap * sizeof *r);
        if (!r) return -ENOMEM;
        b->r = r;
        b->cap = cap;
    }
    memmove(&b->r[i + 1], &b->r[i], (b->n - i) * sizeof *b->r);
    b->r[i] = (struct mb_range){start, end};
    b->n++;
    b->in_use += end - start;
    return 0;
}

/* Index of the first range that ends after addr. */
static size_t first_after(const struct mmap_book *b, uint64_t addr)
{
    size_t lo = 0, hi = b->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->r[mid].end <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int mb_unmap(struct mmap_book *b, uint64_t addr, uint64_t len)
{
    uint64_t end;
    if (!len || (addr & (PAGE - 1)) || __builtin_add_overflow(len, PAGE - 1, &end)) return -EINVAL;
    len = end & ~(PAGE - 1);
    if (__builtin_add_overflow(addr, len, &end) || addr < b->lo || end > b->hi) return -EINVAL;
    size_t i = first_after(b, addr);
    while (i < b->n && b->r[i].start < end) {
        struct mb_range *r = &b->r[i];
        uint64_t cut_s = r->start > addr ? r->start : addr;
        uint64_t cut_e = r->end < end ? r->end : end;
        b->in_use -= cut_e - cut_s;
        if (cut_s > r->start && cut_e < r->end) { /* a hole in the middle: split */
            uint64_t tail_s = cut_e, tail_e = r->end;
            r->end = cut_s;
            b->in_use -= tail_e - tail_s; /* insert_at adds it back */
            if (insert_at(b, i + 1, tail_s, tail_e)) {
                /* Cannot record the split: keep the whole range mapped,
                 * which is safe (the memory stays owned). */
                b->r[i].end = tail_e;
                b->in_use += (tail_e - tail_s) + (cut_e - cut_s);
                return -ENOMEM;
            }
            return 0;
        }
        if (cut_s > r->start)
            r->end = cut_s, i++;
        else if (cut_e < r->end)
            r->start = cut_e, i++;
        else {
            memmove(r, r + 1, (b->n - i - 1) * sizeof *r);
            b->n--;
        }
    }
    return 0;
}

int64_t mb_map(struct mmap_book *b, uint64_t addr, uint64_t len, int fixed)
{
    uint64_t end;
    if (!len || __builtin_add_overflow(len, PAGE - 1, &end)) return -EINVAL;
    len = end & ~(PAGE - 1);
    if (len > b->hi - b->lo) return -ENOMEM;
    if (fixed) {
        if ((addr & (PAGE - 1)) || __builtin_add_overflow(addr, len, &end) || addr < b->lo ||
            end > b->hi)
            return -EINVAL;
        int rc = mb_unmap(b, addr, len);
        if (rc) return rc;
        rc = insert_at(b, first_after(b, addr), addr, end);
        return rc ? rc : (int64_t)addr;
    }
    /* Top-down first fit: the gap above range i-1 and below range i. */
    for (size_t i = b->n + 1; i-- > 0;) {
        uint64_t gap_hi = i == b->n ? b->hi : b->r[i].start;
        uint64_t gap_lo = i == 0 ? b->lo : b->r[i - 1].end;
        if (gap_hi - gap_lo >= len) {
            int rc = insert_at(b, i, gap_hi - len, gap_hi);
            return rc ? rc : (int64_t)(gap_hi - len);
        }
    }
    return -ENOMEM;
}

int mb_mapped(const struct mmap_book *b, uint64_t addr, uint64_t len)
{
    uint64_t end;
    if (__builtin_add_overflow(addr, len, &end)) return 0;
    size_t i = first_after(b, addr);
    uint64_t at = addr;
    for (; i < b->n && at < end; i++) {
        if (b->r[i].start > at) return 0;
        at = b->r[i].end;
    }
    return at >= end;
}

int mb_copy(struct mmap_book *dst, const struct mmap_book *src)
{
    struct mb_range *r = NULL;
    if (src->n) {
        r = malloc(src->n * sizeof *r);
        if (!r) return -ENOMEM;
        memcpy(r, src->r, src->n * sizeof *r);
    }
    *dst = *src;
    dst->r = r;
    dst->cap = src->n;
    return 0;
}
