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

static bool variant(vmap *m, term_t a, term_t b)
{
    for (;;) {
        a = term_deref(a);
        b = term_deref(b);
        if (term_tag(a) != term_tag(b))
            return false;
        switch (term_tag(a)) {
        case TAG_REF:
            return same_var(m, a, b);
        case TAG_ATOM:
        case TAG_INT:
            return a == b;
        case TAG_FLT:
        case TAG_STRG:
        case TAG_BIG: {
            size_t n = term_box_cells(a);
            return n == term_box_cells(b) && memcmp(term_ptr(a), term_ptr(b), n * 8) == 0;
        }
        case TAG_STR: {
            if (term_functor(a) != term_functor(b))
                return false;
            unsigned n = functor_arity(term_functor(a));
            for (unsigned i = 1; i < n; i++)
                if (!variant(m, term_arg(a, i), term_arg(b, i)))
                    return false;
            a = term_arg(a, n);
            b = term_arg(b, n);
            continue;
        }
        default:
            return false;
        }
    }
}

bool lt_variant(term_t a, term_t b)
{
    vmap m = {0};
    bool r = variant(&m, a, b);
    free(m.a);
    free(m.b);
    return r;
}
