/* Randomised differential test of the snapshot runtime.
 *
 * Random writes of every shape (1-32 byte stores, unaligned vector stores,
 * struct assignments up to 512 bytes, memcpy, memset, snprintf, strcpy,
 * qsort, pread) into malloc'd objects (allocated and freed at random),
 * tracked globals, a buffer on the stack and the cells of a bump region
 * (allocated, filled, its top lowered at random, even below an older
 * snapshot's, and rewritten after snap_bump_reclaim as a collector does),
 * and persistent stores
 * (snap_write_persistent) into the globals, which the driver applies to
 * every live snapshot's copy too; random takes, restores (of any
 * live snapshot, several times) and drops.  At each take, a full copy of the
 * state and its hash go to persistent memory; after each restore every byte
 * is compared with it.  The driver's own state (the random generator, the
 * counters, the ids) is persistent too, or each restore would replay it.
 *
 *   snap_difftest [OPS [SEED]]     defaults: 100000 ops, seed 1
 * On a mismatch: the seed, the operation, where, and exit status 1.
 * make test runs 10^5 ops here (and snap_difftest_checked); make
 * test-snap-slow runs 10^6 ops on several seeds.
 */
//! args: 100000 1
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "snap.h"
#include "snap_test.h"

#define NOBJ 64
#define GSIZE 16384
#define SSIZE 2048
#define MAXD 24
#define HSIZE (256 << 10)

/* tracked state */
static unsigned char G[GSIZE] __attribute__((aligned(64)));
static unsigned char *obj[NOBJ];
static size_t objsz[NOBJ];
/* a bump region; its top in persistent memory, as the engine's (the runtime
 * puts it back at a restore) */
static unsigned char *H;
static void **Htop;
static size_t hused(void) { return (size_t)((unsigned char *)*Htop - H); }

struct copy { /* the state at a take, in persistent memory */
    unsigned char g[GSIZE], s[SSIZE], h[HSIZE];
    size_t htop;
    unsigned char *obj[NOBJ];
    size_t objsz[NOBJ];
    unsigned char *data; /* the objects' bytes one after the other */
    size_t cap;
    uint64_t hash;
    int patched; /* a persistent store changed the copy: its hash is stale */
};

struct driver { /* persistent */
    uint64_t rng, seed;
    long op, nops, takes, restores, drops, writes;
    int depth;
    snap_id ids[MAXD];
    struct copy *cp[MAXD];
    int fd;
    unsigned long kinds; /* DIFFTEST_KINDS: a mask of write kinds, to narrow a failure */
};
static struct driver *D;

static inline uint64_t rnd(void)
{
    uint64_t x = D->rng;
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    return D->rng = x;
}

static uint64_t mix(const void *p, size_t n, uint64_t h)
{
    const unsigned char *c = p;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, c + i, 8);
        h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
        h ^= h >> 29;
    }
    for (; i < n; i++) h = (h ^ c[i]) * 0x100000001b3ULL;
    return h;
}

static uint64_t state_hash(const unsigned char *s)
{
    uint64_t h = mix(G, GSIZE, 0xcbf29ce484222325ULL);
    h = mix(s, SSIZE, h);
    for (int i = 0; i < NOBJ; i++) h = mix(obj[i], objsz[i], h);
    return mix(H, hused(), h);
}

static void fail(const char *what, long off)
{
    fprintf(stderr, "difftest: MISMATCH, seed %lu, after %ld ops (%ld takes, %ld restores, %ld drops): %s, offset %ld\n",
            (unsigned long)D->seed, D->op, D->takes, D->restores, D->drops, what, off);
    exit(1);
}

static void save(int level, const unsigned char *s)
{
    struct copy *c = D->cp[level];
    if (!c) c = D->cp[level] = snap_persistent(sizeof *c);
    memcpy(c->g, G, GSIZE);
    memcpy(c->s, s, SSIZE);
    c->htop = hused();
    memcpy(c->h, H, c->htop);
    size_t total = 0;
    for (int i = 0; i < NOBJ; i++) total += objsz[i];
    if (total > c->cap) {
        c->data = snap_prealloc(c->data, total);
        CHECK(c->data);
        c->cap = total;
    }
    unsigned char *d = c->data;
    for (int i = 0; i < NOBJ; i++) {
        c->obj[i] = obj[i];
        c->objsz[i] = objsz[i];
        memcpy(d, obj[i], objsz[i]);
        d += objsz[i];
    }
    c->hash = state_hash(s);
    c->patched = 0;
}

static void verify(int level, const unsigned char *s)
{
    struct copy *c = D->cp[level];
    if (memcmp(G, c->g, GSIZE) != 0)
        for (long i = 0; i < GSIZE; i++)
            if (G[i] != c->g[i]) fail("globals", i);
    if (memcmp(s, c->s, SSIZE) != 0)
        for (long i = 0; i < SSIZE; i++)
            if (s[i] != c->s[i]) fail("stack buffer", i);
    if (hused() != c->htop) fail("bump region's top", (long)hused());
    if (memcmp(H, c->h, c->htop) != 0)
        for (long i = 0; i < (long)c->htop; i++)
            if (H[i] != c->h[i]) fail("bump region", i);
    const unsigned char *d = c->data;
    for (int k = 0; k < NOBJ; k++) {
        if (obj[k] != c->obj[k] || objsz[k] != c->objsz[k]) fail("object table", k);
        if (memcmp(obj[k], d, objsz[k]) != 0)
            for (size_t i = 0; i < objsz[k]; i++)
                if (obj[k][i] != d[i]) fail("malloc'd object", (long)(k * 1000000 + i));
        d += objsz[k];
    }
    if (!c->patched && state_hash(s) != c->hash) fail("hash", 0);
}

/* Stores at any address go through types of alignment 1 (which the
 * compiler checks at both ends); typed stores are at their type's alignment,
 * as C requires: a misaligned `long` store is checked at its first byte
 * only, and its tail in the next line is missed when the first line is
 * logged already (undefined behaviour; -fsanitize=alignment finds it). */
typedef uint16_t u16u __attribute__((aligned(1)));
typedef uint32_t u32u __attribute__((aligned(1)));
typedef uint64_t u64u __attribute__((aligned(1)));
typedef long v2u __attribute__((vector_size(16), aligned(1)));
typedef long v4u __attribute__((vector_size(32), aligned(1)));
struct S24 { long a[3]; };
struct S64 { long a[8]; };
struct S100 { int a[25]; };
struct S200 { long a[25]; };
struct S512 { long a[64]; };

static int cmp_u8(const void *a, const void *b) { return *(const unsigned char *)a - *(const unsigned char *)b; }

/* a random place with n bytes of room: in an object, the globals, s or the
 * bump region's cells */
static unsigned char *place(size_t n, unsigned char *s)
{
    int r = (int)(rnd() % 5);
    unsigned char *base;
    size_t size;
    if (r == 0) {
        base = G, size = GSIZE;
    } else if (r == 1) {
        base = s, size = SSIZE;
    } else if (r == 4) {
        base = H, size = hused();
    } else {
        int k = (int)(rnd() % NOBJ);
        base = obj[k], size = objsz[k];
    }
    if (size < n) return 0;
    return base + rnd() % (size - n + 1);
}

static void write_op(unsigned char *s)
{
    static const unsigned char src[600] = "source bytes for copies: 0123456789abcdefghijklmnopqrstuvwxyz";
    uint64_t v = rnd();
    int kind = (int)(rnd() % 18);
    if (!(D->kinds >> kind & 1)) return;
    size_t sizes[] = {1, 2, 4, 8, 16, 32, 16, 24, 64, 100, 200, 512};
    if (kind == 17) { /* persistent: no restore undoes it, in any live snapshot */
        size_t n = 1 + rnd() % 100, off = rnd() % (GSIZE - n);
        unsigned char b[100];
        for (size_t i = 0; i < n; i++) b[i] = (unsigned char)(v >> (i % 8 * 8));
        D->writes++;
        snap_write_persistent(G + off, b, n);
        for (int l = 0; l < D->depth; l++) {
            memcpy(D->cp[l]->g + off, b, n);
            D->cp[l]->patched = 1;
        }
        return;
    }
    size_t n = kind < 12 ? sizes[kind] : 1 + rnd() % 300;
    unsigned char *p = place(n + 8, s);
    if (!p) return;
    if (kind >= 7 && kind <= 11) p = (unsigned char *)(((uintptr_t)p + 7) & ~(uintptr_t)7); /* structs of longs, ints */
    D->writes++;
    switch (kind) {
    case 0: *p = (unsigned char)v; break;
    case 1: *(u16u *)p = (uint16_t)v; break; /* unaligned on purpose */
    case 2: *(u32u *)p = (uint32_t)v; break;
    case 3: if (v & 1) *(u64u *)p = v; else *(uint64_t *)((uintptr_t)p & ~(uintptr_t)7) = v; break;
    case 4: *(v2u *)p = (v2u){(long)v, (long)~v}; break;
    case 5: *(v4u *)p = (v4u){(long)v, 1, 2, (long)~v}; break;
    case 6: *(__int128 *)((uintptr_t)p & ~(uintptr_t)15) = v; break;
    case 7: { struct S24 x = {{(long)v, 2, 3}}; memcpy(p, &x, 0); *(struct S24 *)p = x; } break;
    case 8: { struct S64 x; for (int i = 0; i < 8; i++) x.a[i] = (long)(v + i); *(struct S64 *)p = x; } break;
    case 9: { struct S100 x; for (int i = 0; i < 25; i++) x.a[i] = (int)(v + i); *(struct S100 *)p = x; } break;
    case 10: { struct S200 x; for (int i = 0; i < 25; i++) x.a[i] = (long)(v ^ i); *(struct S200 *)p = x; } break;
    case 11: { struct S512 x; for (int i = 0; i < 64; i++) x.a[i] = (long)(v * i); *(struct S512 *)p = x; } break;
    case 12: memcpy(p, src + v % 300, n); break;
    case 13: memset(p, (int)v, n); break;
    case 14: snprintf((char *)p, n, "%lu-%lx-%s", (unsigned long)v, (unsigned long)v, "text"); break;
    case 15: qsort(p, n, 1, cmp_u8); break;
    case 16: if (pread(D->fd, p, n, (off_t)(v % 4096)) < 0) fail("pread", 0); break;
    }
}

static void realloc_op(void)
{
    int k = (int)(rnd() % NOBJ);
    free(obj[k]);
    size_t n = 1 + rnd() % (rnd() % 4 == 0 ? 131072 : 4096); /* about 2 MiB in all */
    obj[k] = malloc(n);
    CHECK(obj[k]);
    memset(obj[k], (int)k, n);
    objsz[k] = n;
}

static void fill_random(unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) p[i] = (unsigned char)rnd();
}

/* The bump region: allocate cells and fill them (fresh above the newest
 * take's top) or not, lower the top (the program's own reset, below an older snapshot's
 * top too), or rewrite from a point up after snap_bump_reclaim. */
static void bump_op(void)
{
    int r = (int)(rnd() % 8);
    size_t used = hused();
    if (r < 5) {
        size_t n = 8 * (1 + rnd() % 256);
        if (used + n > HSIZE) {
            *Htop = H + (rnd() % (used + 1) & ~(size_t)7);
            return;
        }
        unsigned char *p = *Htop;
        *Htop = p + n;
        if (r) fill_random(p, n); /* else the cells keep what they held */
    } else if (r < 7) {
        *Htop = H + (rnd() % (used + 1) & ~(size_t)7);
    } else {
        unsigned char *from = H + (rnd() % (used + 1) & ~(size_t)7);
        CHECK(snap_bump_reclaim(Htop, from) == 0);
        fill_random(from, used - (size_t)(from - H));
    }
}

static __attribute__((noinline)) void run(void)
{
    unsigned char s[SSIZE];
    for (int i = 0; i < SSIZE; i++) s[i] = (unsigned char)i;
    while (D->op < D->nops) {
        D->op++;
        int r = (int)(rnd() % 100);
        if (r < 3 && D->depth < MAXD) {
            int level = D->depth;
            save(level, s);
            D->takes++;
            long v = snap_take(&D->ids[level]);
            if (v < 0) fail("snap_take failed", 0);
            if (v > 0) { /* restored: v - 1 is the level */
                level = (int)v - 1;
                verify(level, s);
            }
            D->depth = level + 1;
        } else if (r < 5 && D->depth > 0) {
            /* mostly the newest, sometimes an older one */
            int level = rnd() % 2 ? D->depth - 1 : (int)(rnd() % D->depth);
            D->restores++;
            snap_restore(D->ids[level], level + 1);
        } else if (r < 6 && D->depth > 0) {
            int level = (int)(rnd() % D->depth);
            D->drops++;
            CHECK(snap_drop(D->ids[level]) == 0);
            D->depth = level;
        } else if (r < 9) {
            realloc_op();
        } else if (r < 12) {
            bump_op();
        } else {
            write_op(s);
        }
    }
    if (D->depth) CHECK(snap_drop(D->ids[0]) == 0);
}

int main(int argc, char **argv)
{
    D = snap_persistent(sizeof *D);
    D->nops = argc > 1 ? atol(argv[1]) : 100000;
    D->seed = argc > 2 ? strtoul(argv[2], 0, 10) : 1;
    D->rng = D->seed * 0x9e3779b97f4a7c15ULL + 1;
    const char *kinds = getenv("DIFFTEST_KINDS");
    D->kinds = kinds ? strtoul(kinds, 0, 0) : ~0UL;
    D->fd = open("/proc/self/exe", O_RDONLY);
    CHECK(D->fd >= 0);
    H = snap_palloc(HSIZE);
    Htop = snap_persistent(sizeof *Htop);
    CHECK(H && Htop);
    *Htop = H;
    CHECK(snap_register_bump(Htop, H, H + HSIZE) == 0);
    for (int k = 0; k < NOBJ; k++) {
        objsz[k] = 1 + k * 997;
        obj[k] = malloc(objsz[k]);
        memset(obj[k], k, objsz[k]);
    }
    run();
    printf("difftest: seed %lu, %ld ops: %ld takes, %ld restores, %ld drops, %ld writes, all restores exact\n",
           (unsigned long)D->seed, D->op, D->takes, D->restores, D->drops, D->writes);
    printf("SUCCESS\n");
    return 0;
}
