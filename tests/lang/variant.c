/* tests/lang/variant.c: structural variant test (a bijection between the
 * variables of the two terms, built as they are met left to right). */
#include "variant.h"

#include <stdlib.h>
#include <string.h>

typedef struct vmap {
    term_t *a, *b;
    size_t n, cap;
} vmap;

static bool same_var(vmap *m, term_t a, term_t b)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->a[i] == a || m->b[i] == b)
            return m->a[i] == a && m->b[i] == b;
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 16;
        m->a = realloc(m->a, m->cap * sizeof *m->a);
        m->b = realloc(m->b, m->cap * sizeof *m->b);
        if (!m->a || !m->b)
            abort();
    }
    m->a[m->n] = a;
    m->b[m->n] = b;
    m->n++;
    return true;
}

/* variant: an explicit stack of pairs still to compare, so deep terms
 * (1+2+...+n nests to the left) do not exhaust the C stack */
static bool variant(vmap *m, term_t a0, term_t b0)
{
    size_t n = 0, cap = 64;
    term_t *st = malloc(cap * 2 * sizeof *st);
    if (!st)
        abort();
    st[n * 2] = a0, st[n * 2 + 1] = b0, n++;
    bool same = true;
    while (same && n > 0) {
        n--;
        term_t a = term_deref(st[n * 2]), b = term_deref(st[n * 2 + 1]);
        if (term_tag(a) != term_tag(b)) {
            same = false;
            break;
        }
        switch (term_tag(a)) {
        case TAG_REF:
            same = same_var(m, a, b);
            break;
        case TAG_ATOM:
        case TAG_INT:
            same = a == b;
            break;
        case TAG_FLT:
        case TAG_STRG:
        case TAG_BIG: {
            size_t k = term_box_cells(a);
            same = k == term_box_cells(b) && memcmp(term_ptr(a), term_ptr(b), k * 8) == 0;
            break;
        }
        case TAG_STR: {
            if (term_functor(a) != term_functor(b)) {
                same = false;
                break;
            }
            unsigned ar = functor_arity(term_functor(a));
            /* pushed last to first, so arguments are compared left to
             * right and variables are paired in order of appearance */
            for (unsigned i = ar; i >= 1; i--) {
                if (n == cap) {
                    cap *= 2;
                    st = realloc(st, cap * 2 * sizeof *st);
                    if (!st)
                        abort();
                }
                st[n * 2] = term_arg(a, i), st[n * 2 + 1] = term_arg(b, i), n++;
            }
            break;
        }
        default:
            same = false;
        }
    }
    free(st);
    return same;
}

bool lt_variant(term_t a, term_t b)
{
    vmap m = {0};
    bool r = variant(&m, a, b);
    free(m.a);
    free(m.b);
    return r;
}
