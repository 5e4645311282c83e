/* atom.c - the persistent atom and functor tables.
 *
 * Everything that changes after atom_init (counts, hash slots, the entry
 * arrays) lives in persistent memory reached through pointers written once
 * during atom_init, before the first snapshot: a restore can then never roll
 * back a table that a surviving persistent term still refers to.
 */
#include "atom.h"

#include <string.h>

#include "mem.h"

struct atom_entry {
    const char *name; /* persistent, NUL-terminated */
    size_t len;
    uint32_t hash;
};


struct tables {
    struct atom_entry *atoms;
    size_t natoms, atoms_cap;
    uint64_t *atom_slots; /* open addressing: hash << 32 | index + 1, 0 = empty;
                           * the hash here spares a probe the entry's cache line */
    size_t atom_slots_cap; /* power of two */
    struct functor_entry *functors;
    size_t nfunctors, functors_cap;
    uint32_t *functor_slots;
    size_t functor_slots_cap;
    char *names, *names_end; /* the free part of the current name chunk */
};

static struct tables *T;
struct functor_entry *const *functor_entries; /* &T->functors, set once */

/* Eight bytes at a time: names are short, and a byte-wise hash was a fifth
 * of atom_codes/2's cost.  The tail is read as a partial word. */
static uint32_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 0x9e3779b97f4a7c15ull ^ len;
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
        s += 8;
        len -= 8;
    }
    if (len) {
        uint64_t w = 0;
        memcpy(&w, s, len);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
    }
    h ^= h >> 29;
    h *= 0xc4ceb9fe1a85ec53ull;
    return (uint32_t)(h >> 32);
}

static uint32_t hash_functor(atom_t name, unsigned arity)
{
    uint64_t k = (uint64_t)name << 8 ^ arity;
    k *= 0x9e3779b97f4a7c15ull;
    return (uint32_t)(k >> 32);
}

/* Double a slot array and reinsert; hashes come from the entries. */
static bool atom_rehash(void)
{
    size_t cap = T->atom_slots_cap ? T->atom_slots_cap * 2 : 1024;
    uint64_t *slots = mem_pzalloc(cap * sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < T->natoms; i++) {
        uint32_t h = T->atoms[i].hash;
        size_t j = h & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = (uint64_t)h << 32 | ((uint32_t)i + 1);
    }
    mem_pfree(T->atom_slots);
    T->atom_slots = slots;
    T->atom_slots_cap = cap;
    return true;
}

static bool functor_rehash(void)
{
    size_t cap = T->functor_slots_cap ? T->functor_slots_cap * 2 : 512;
    uint32_t *slots = mem_pzalloc(cap * sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < T->nfunctors; i++) {
        size_t j = hash_functor(T->functors[i].name, T->functors[i].arity) & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = (uint32_t)i + 1;
    }
    mem_pfree(T->functor_slots);
    T->functor_slots = slots;
    T->functor_slots_cap = cap;
    return true;
}

/* The slot of name (hash h): its atom, or the empty slot where it goes. */
static size_t atom_probe(const char *name, size_t len, uint32_t h)
{
    size_t mask = T->atom_slots_cap - 1;
    for (size_t j = h & mask;; j = (j + 1) & mask) {
        uint64_t s = T->atom_slots[j];
        if (!s)
            return j;
        if ((uint32_t)(s >> 32) == h) {
            const struct atom_entry *e = &T->atoms[(uint32_t)s - 1];
            if (e->len == len && memcmp(e->name, name, len) == 0)
                return j;
        }
    }
}

bool atom_lookup(const char *name, size_t len, atom_t *a)
{
    uint64_t s = T->atom_slots[atom_probe(name, len, hash_bytes(name, len))];
    if (!s)
        return false;
    *a = (uint32_t)s - 1;
    return true;
}

/* Room for an atom's name: names are never freed, so short ones are packed
 * into 64 KiB chunks, without a block header or a power-of-two size class
 * each; the names of atoms made one after another lie side by side, and
 * atom_intern's compare touches fewer cache lines. */
#define NAME_CHUNK ((size_t)64 << 10)
static char *name_copy_room(size_t n)
{
    if (n > NAME_CHUNK / 16)
        return mem_palloc(n);
    if ((size_t)(T->names_end - T->names) < n) {
        char *c = mem_palloc(NAME_CHUNK);
        if (!c)
            return NULL;
        T->names = c;
        T->names_end = c + NAME_CHUNK;
    }
    char *p = T->names;
    T->names += n;
    return p;
}

atom_t atom_intern(const char *name, size_t len)
{
    uint32_t h = hash_bytes(name, len);
    size_t j = atom_probe(name, len, h);
    if (T->atom_slots[j])
        return (uint32_t)T->atom_slots[j] - 1;
    /* keep the load factor at most one half */
    if ((T->natoms + 1) * 2 > T->atom_slots_cap) {
        if (!atom_rehash())
            return (atom_t)-1;
        j = atom_probe(name, len, h);
    }
    if (T->natoms == T->atoms_cap) {
        size_t cap = T->atoms_cap * 2;
        struct atom_entry *n = mem_prealloc(T->atoms, cap * sizeof *n);
        if (!n)
            return (atom_t)-1;
        T->atoms = n;
        T->atoms_cap = cap;
    }
    char *copy = name_copy_room(len + 1);
    if (!copy)
        return (atom_t)-1;
    memcpy(copy, name, len);
    copy[len] = 0;
    atom_t a = (atom_t)T->natoms++;
    T->atoms[a] = (struct atom_entry){copy, len, h};
    T->atom_slots[j] = (uint64_t)h << 32 | (a + 1);
    return a;
}

atom_t atom_from_cstr(const char *name) { return atom_intern(name, strlen(name)); }
const char *atom_name(atom_t a) { return T->atoms[a].name; }
size_t atom_length(atom_t a) { return T->atoms[a].len; }
size_t atom_count(void) { return T->natoms; }

int atom_compare(atom_t a, atom_t b)
{
    if (a == b)
        return 0;
    const struct atom_entry *x = &T->atoms[a], *y = &T->atoms[b];
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->name, y->name, n);
    if (c)
        return c < 0 ? -1 : 1;
    return x->len < y->len ? -1 : x->len > y->len;
}

functor_t functor_intern(atom_t name, unsigned arity)
{
    uint32_t h = hash_functor(name, arity);
    size_t j;
    for (j = h & (T->functor_slots_cap - 1); T->functor_slots[j]; j = (j + 1) & (T->functor_slots_cap - 1)) {
        const struct functor_entry *e = &T->functors[T->functor_slots[j] - 1];
        if (e->name == name && e->arity == arity)
            return T->functor_slots[j] - 1;
    }
    if ((T->nfunctors + 1) * 2 > T->functor_slots_cap) {
        if (!functor_rehash())
            return (functor_t)-1;
        for (j = h & (T->functor_slots_cap - 1); T->functor_slots[j]; j = (j + 1) & (T->functor_slots_cap - 1))
            ;
    }
    if (T->nfunctors == T->functors_cap) {
        size_t cap = T->functors_cap * 2;
        struct functor_entry *n = mem_prealloc(T->functors, cap * sizeof *n);
        if (!n)
            return (functor_t)-1;
        T->functors = n;
        T->functors_cap = cap;
    }
    functor_t f = (functor_t)T->nfunctors++;
    T->functors[f] = (struct functor_entry){name, arity};
    T->functor_slots[j] = f + 1;
    return f;
}


static const char *const predeclared_atoms[] = {
#define A(id, text) text,
#include "atoms.def"
#undef A
};

static const struct functor_entry predeclared_functors[] = {
#define F(id, name, arity) {ATOM_##name, arity},
#include "functors.def"
#undef F
};

bool atom_init(void)
{
    if (T)
        return true;
    T = mem_pzalloc(sizeof *T);
    if (!T)
        return false;
    functor_entries = &T->functors;
    T->atoms_cap = 1024;
    T->functors_cap = 512;
    T->atoms = mem_palloc(T->atoms_cap * sizeof *T->atoms);
    T->functors = mem_palloc(T->functors_cap * sizeof *T->functors);
    if (!T->atoms || !T->functors || !atom_rehash() || !functor_rehash())
        return false;
    /* Predeclared entries get the indices of their enum constants. */
    for (size_t i = 0; i < ATOM_PREDECLARED_COUNT; i++)
        if (atom_from_cstr(predeclared_atoms[i]) != i)
            return false;
    for (size_t i = 0; i < FUNCTOR_PREDECLARED_COUNT; i++)
        if (functor_intern(predeclared_functors[i].name, predeclared_functors[i].arity) != i)
            return false;
    return true;
}
