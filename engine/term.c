/* term.c - constructors and accessors of terms (layout in term.h). */
#include "term.h"

#include <string.h>

term_t term_new_var(void)
{
    term_t *c = heap_alloc(1);
    *c = term_mkptr(c, TAG_REF);
    return *c;
}

term_t term_int(int64_t v)
{
    if (term_int_fits(v))
        return term_smallint(v);
    term_t t = term_big_new(1, v < 0);
    /* magnitude of INT64_MIN is representable in uint64_t */
    term_big_limbs(t, NULL, NULL)[0] = v < 0 ? -(uint64_t)v : (uint64_t)v;
    return t;
}

bool term_get_int64(term_t t, int64_t *v)
{
    if (term_is_smallint(t)) {
        *v = term_get_smallint(t);
        return true;
    }
    if (!term_is_big(t))
        return false;
    size_t n;
    bool neg;
    uint64_t *l = term_big_limbs(t, &n, &neg);
    if (n != 1)
        return false;
    if (neg) {
        if (l[0] > (uint64_t)1 << 63)
            return false;
        *v = (int64_t)-l[0];
    } else {
        if (l[0] > (uint64_t)INT64_MAX)
            return false;
        *v = (int64_t)l[0];
    }
    return true;
}

term_t term_float(double d)
{
    term_t *c = heap_alloc(2);
    c[0] = term_hdr_box(2);
    memcpy(&c[1], &d, sizeof d);
    return term_mkptr(c, TAG_FLT);
}

term_t term_string(const char *s, size_t len)
{
    size_t cells = 2 + (len + 1 + 7) / 8;
    term_t *c = heap_alloc(cells);
    c[0] = term_hdr_box(cells);
    c[1] = len;
    c[cells - 1] = 0; /* pads and terminates */
    memcpy(&c[2], s, len);
    ((char *)&c[2])[len] = 0;
    return term_mkptr(c, TAG_STRG);
}

const char *term_string_chars(term_t t, size_t *len)
{
    term_t *c = term_ptr(t);
    if (len)
        *len = (size_t)c[1];
    return (const char *)&c[2];
}

term_t term_big_new(size_t n, bool negative)
{
    term_t *c = heap_alloc(n + 2);
    c[0] = term_hdr_box(n + 2);
    c[1] = negative ? -(uint64_t)n : (uint64_t)n;
    memset(&c[2], 0, n * 8);
    return term_mkptr(c, TAG_BIG);
}

uint64_t *term_big_limbs(term_t t, size_t *n, bool *negative)
{
    term_t *c = term_ptr(t);
    int64_t s = (int64_t)c[1];
    if (n)
        *n = (size_t)(s < 0 ? -s : s);
    if (negative)
        *negative = s < 0;
    return &c[2];
}

term_t term_compound(functor_t f, const term_t *args)
{
    unsigned n = functor_arity(f);
    term_t *c = heap_alloc(n + 1);
    c[0] = term_hdr_functor(f);
    if (args) {
        memcpy(&c[1], args, n * sizeof *args);
    } else {
        for (unsigned i = 1; i <= n; i++)
            c[i] = term_mkptr(&c[i], TAG_REF);
    }
    return term_mkptr(c, TAG_STR);
}

term_t term_compound1(functor_t f, term_t a1) { return term_compound(f, &a1); }

term_t term_compound2(functor_t f, term_t a1, term_t a2)
{
    term_t a[2] = {a1, a2};
    return term_compound(f, a);
}

bool term_name_arity(term_t t, atom_t *name, unsigned *arity)
{
    if (term_is_atom(t)) {
        *name = term_get_atom(t);
        *arity = 0;
        return true;
    }
    if (term_is_compound(t)) {
        functor_t f = term_functor(t);
        *name = functor_name(f);
        *arity = functor_arity(f);
        return true;
    }
    return false;
}

bool term_init(size_t heap_cells) { return atom_init() && heap_init(heap_cells * 8); }
