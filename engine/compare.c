/* compare.c - standard order of terms, iterative over a work stack. */
#include "compare.h"

#include <math.h>
#include <string.h>

#include "wstack.h"

static int class_of(term_t t)
{
    switch (term_tag(t)) {
    case TAG_REF:
        return 0;
    case TAG_INT:
    case TAG_BIG:
    case TAG_FLT:
        return 1;
    case TAG_ATOM:
        return 3;
    case TAG_STRG:
        return 4;
    default:
        return 5;
    }
}

static double big_to_double(term_t t)
{
    size_t n;
    bool neg;
    uint64_t *l = term_big_limbs(t, &n, &neg);
    double d = 0;
    for (size_t i = n; i-- > 0;)
        d = d * 18446744073709551616.0 + (double)l[i];
    return neg ? -d : d;
}

static int compare_bigs(term_t a, term_t b)
{
    size_t na, nb;
    bool ga, gb;
    uint64_t *la = term_big_limbs(a, &na, &ga), *lb = term_big_limbs(b, &nb, &gb);
    if (ga != gb)
        return ga ? -1 : 1;
    int mag = 0;
    if (na != nb) {
        mag = na < nb ? -1 : 1;
    } else {
        for (size_t i = na; i-- > 0;)
            if (la[i] != lb[i]) {
                mag = la[i] < lb[i] ? -1 : 1;
                break;
            }
    }
    return ga ? -mag : mag;
}

/* Integer a against float d: exact when the double is integral and in range. */
static int compare_int_float(term_t a, double d)
{
    if (isnan(d))
        return 1;
    if (term_is_smallint(a)) {
        int64_t v = term_get_smallint(a);
        if (d >= 9.2e18)
            return -1;
        if (d <= -9.2e18)
            return 1;
        /* compare against floor(d) exactly in integers, then the fraction */
        double f = floor(d);
        int64_t fi = (int64_t)f;
        if (v != fi)
            return v < fi ? -1 : 1;
        return f == d ? 0 : -1;
    }
    double x = big_to_double(a);
    return x < d ? -1 : x > d;
}

int compare_numbers(term_t a, term_t b)
{
    if (term_is_smallint(a) && term_is_smallint(b))
        return (term_get_smallint(a) > term_get_smallint(b)) - (term_get_smallint(a) < term_get_smallint(b));
    if (term_is_float(a) && term_is_float(b)) {
        double x = term_get_float(a), y = term_get_float(b);
        if (isnan(x) || isnan(y))
            return isnan(x) - isnan(y);
        return (x > y) - (x < y);
    }
    if (term_is_float(a))
        return -compare_int_float(b, term_get_float(a));
    if (term_is_float(b))
        return compare_int_float(a, term_get_float(b));
    /* at least one bignum: a normalised bignum lies outside the small range */
    bool neg;
    if (term_is_smallint(a)) {
        term_big_limbs(b, NULL, &neg);
        return neg ? 1 : -1;
    }
    if (term_is_smallint(b)) {
        term_big_limbs(a, NULL, &neg);
        return neg ? -1 : 1;
    }
    return compare_bigs(a, b);
}

static int compare_atomic(term_t a, term_t b)
{
    switch (term_tag(a)) {
    case TAG_REF:
        return a < b ? -1 : a > b;
    case TAG_ATOM:
        return atom_compare(term_get_atom(a), term_get_atom(b));
    case TAG_STRG: {
        size_t la, lb;
        const char *sa = term_string_chars(a, &la), *sb = term_string_chars(b, &lb);
        int c = memcmp(sa, sb, la < lb ? la : lb);
        if (c)
            return c < 0 ? -1 : 1;
        return la < lb ? -1 : la > lb;
    }
    default: {
        int c = compare_numbers(a, b);
        if (c)
            return c;
        /* 1.0 @< 1: the float first */
        if (term_is_float(a) != term_is_float(b))
            return term_is_float(a) ? -1 : 1;
        return 0;
    }
    }
}

int compare_terms(term_t a, term_t b)
{
    struct wstack s;
    wstack_init(&s);
    int c = 0;
    for (;;) {
        a = term_deref(a);
        b = term_deref(b);
        if (a != b) {
            int ca = class_of(a), cb = class_of(b);
            if (ca != cb) {
                c = ca < cb ? -1 : 1;
                break;
            }
            if (ca != 5) {
                if ((c = compare_atomic(a, b)) != 0)
                    break;
            } else {
                functor_t fa = term_functor(a), fb = term_functor(b);
                if (fa != fb) {
                    unsigned na = functor_arity(fa), nb = functor_arity(fb);
                    if (na != nb)
                        c = na < nb ? -1 : 1;
                    else
                        c = atom_compare(functor_name(fa), functor_name(fb));
                    break;
                }
                unsigned n = functor_arity(fa);
                for (unsigned i = n; i >= 2; i--) {
                    wstack_push(&s, term_arg(a, i));
                    wstack_push(&s, term_arg(b, i));
                }
                a = term_arg(a, 1);
                b = term_arg(b, 1);
                continue;
            }
        }
        if (wstack_empty(&s))
            break;
        b = wstack_pop(&s);
        a = wstack_pop(&s);
    }
    wstack_fini(&s);
    return c;
}
