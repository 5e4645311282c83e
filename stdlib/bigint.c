/* bigint.c - GMP's memory in persistent scratch blocks; BIG terms <-> mpz_t.
 *
 * Each block GMP asks for is a snap_palloc block with a small header that
 * links it into one list, rooted in persistent memory: a restore changes
 * neither the blocks nor the list, so big_release() finds and frees all of
 * them, whatever was undone or thrown since they were allocated.  The
 * allocation functions are ordinary instrumented code; their writes land in
 * persistent memory only, which the barrier never logs.
 */
#include "bigint.h"

#include <stdlib.h>
#include <string.h>

#include "engine/compare.h"
#include "engine/error.h"
#include "engine/mem.h"
#include "lang/numtext.h"

/* 32 bytes keep the limbs 16-byte aligned, as snap_palloc gives them. */
struct block {
    struct block *prev, *next;
    size_t size;
    size_t pad;
};

struct scratch {
    struct block *head;
};

/* Set once by big_init, before any snapshot; the list itself is persistent. */
static struct scratch *S;

static void link_block(struct block *b)
{
    b->prev = NULL;
    b->next = S->head;
    if (S->head)
        S->head->prev = b;
    S->head = b;
}

static void unlink_block(struct block *b)
{
    if (b->prev)
        b->prev->next = b->next;
    else
        S->head = b->next;
    if (b->next)
        b->next->prev = b->prev;
}

/* GMP has no failure return: raising the error abandons its frames, and the
 * blocks it held stay listed until big_release. */
static void *scratch_alloc(size_t size)
{
    struct block *b = mem_palloc(sizeof *b + size);
    if (!b)
        err_resource(ATOM_memory);
    b->size = size;
    link_block(b);
    return b + 1;
}

static void *scratch_realloc(void *p, size_t old, size_t size)
{
    (void)old;
    struct block *b = (struct block *)p - 1;
    unlink_block(b);
    struct block *nb = mem_prealloc(b, sizeof *b + size);
    if (!nb) {
        link_block(b);
        err_resource(ATOM_memory);
    }
    nb->size = size;
    link_block(nb);
    return nb + 1;
}

static void scratch_free(void *p, size_t size)
{
    (void)size;
    struct block *b = (struct block *)p - 1;
    unlink_block(b);
    mem_pfree(b);
}

/* The text conversions free their own scratch blocks (not big_release):
 * the writer may run while no evaluation has ended. */
static char *big_text(const uint64_t *limbs, size_t n, bool neg)
{
    mpz_t z;
    mpz_roinit_n(z, (const mp_limb_t *)limbs, neg ? -(mp_size_t)n : (mp_size_t)n);
    char *s = mpz_get_str(NULL, 10, z);
    size_t len = strlen(s);
    char *copy = malloc(len + 1);
    if (copy)
        memcpy(copy, s, len + 1);
    scratch_free(s, len + 1);
    return copy;
}

static uint64_t big_read(const char *digits, size_t len, int radix, bool neg)
{
    char *s = scratch_alloc(len + 1);
    memcpy(s, digits, len);
    s[len] = 0;
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, s, radix);
    scratch_free(s, len + 1);
    if (neg)
        mpz_neg(z, z);
    term_t t = big_to_term(z);
    mpz_clear(z);
    return t;
}

void big_init(void)
{
    if (S)
        return;
    S = mem_pzalloc(sizeof *S);
    if (!S)
        return; /* start-up without memory: the engine fails before any arithmetic */
    mp_set_memory_functions(scratch_alloc, scratch_realloc, scratch_free);
    nt_big_to_text = big_text;
    nt_big_from_text = big_read;
}

bool big_scratch_live(void) { return S->head != NULL; }

void big_release(void)
{
    struct block *b = S->head;
    S->head = NULL;
    while (b) {
        struct block *next = b->next;
        mem_pfree(b);
        b = next;
    }
}

void big_view(term_t t, mpz_t z)
{
    size_t n;
    bool neg;
    const uint64_t *l = term_big_limbs(t, &n, &neg);
    mpz_roinit_n(z, (const mp_limb_t *)l, neg ? -(mp_size_t)n : (mp_size_t)n);
}

term_t big_to_term(const mpz_t z)
{
    if (mpz_fits_slong_p(z))
        return term_int(mpz_get_si(z));
    size_t n = mpz_size(z);
    term_t t = term_big_new(n, mpz_sgn(z) < 0);
    memcpy(term_big_limbs(t, NULL, NULL), mpz_limbs_read(z), n * sizeof(mp_limb_t));
    return t;
}

double big_to_double(const mpz_t z)
{
    return compare_limbs_to_double((const uint64_t *)mpz_limbs_read(z), mpz_size(z), mpz_sgn(z) < 0);
}

size_t big_bits(const mpz_t z) { return mpz_sgn(z) ? mpz_sizeinbase(z, 2) : 0; }

void big_check_size(double bits)
{
    double bytes = bits / 8 + 64;
    if (bytes > (double)(heap_limit - heap_top))
        err_resource(ATOM_memory);
}
