/* mmap_book.h: anonymous mmap as bookkeeping over finite guest RAM.
 *
 * Under snapvm nothing changes the page tables after boot (DESIGN 1): the
 * whole mmap area is mapped once, and mmap/munmap only decide which part of
 * it the program owns.  Addresses are handed out top-down, first fit, like
 * Linux; munmap'd ranges are reused; a full area is ENOMEM.  Zeroing the
 * memory is the caller's business (mb_unmap says what to zero).
 */
#ifndef MMAP_BOOK_H
#define MMAP_BOOK_H

#include <stddef.h>
#include <stdint.h>

struct mb_range {
    uint64_t start, end; /* [start, end), page aligned */
};

struct mmap_book {
    uint64_t lo, hi;    /* the area, page aligned */
    size_t n, cap;      /* ranges in use, sorted by start, never adjacent-merged */
    struct mb_range *r; /* owned; free with mb_free */
    uint64_t in_use;    /* bytes mapped */
};

/* mb_init: an empty book over [lo, hi).  mb_free releases its memory. */
void mb_init(struct mmap_book *b, uint64_t lo, uint64_t hi);
void mb_free(struct mmap_book *b);

/* mb_map reserves len bytes (rounded up to pages).  With fixed, exactly at
 * addr (page aligned, inside the area), replacing whatever was there (the
 * caller zeroes it).  Returns the address, or -ENOMEM / -EINVAL. */
int64_t mb_map(struct mmap_book *b, uint64_t addr, uint64_t len, int fixed);

/* mb_unmap releases [addr, addr+len) (pages), splitting ranges as needed;
 * unmapping a hole is not an error, as in Linux.  Returns 0 or -EINVAL
 * (misaligned, zero length, outside the area). */
int mb_unmap(struct mmap_book *b, uint64_t addr, uint64_t len);

/* mb_mapped: 1 when every page of [addr, addr+len) is mapped. */
int mb_mapped(const struct mmap_book *b, uint64_t addr, uint64_t len);

/* mb_copy makes (dst) an independent copy of (src) (for coarse snapshots).
 * Returns 0 or -ENOMEM. */
int mb_copy(struct mmap_book *dst, const struct mmap_book *src);

#endif
