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
    case TAG_STRG:
        return 3; /* swipl 9.0.4 orders strings before atoms */
    case TAG_ATOM:
        return 4;
    default:
        return 5;
    }
}

double compare_limbs_to_double(const uint64_t *l, size_t n, bool neg)
{
    if (n == 0)
        return 0.0;
    double d;
    if (n == 1) {
        d = (double)l[0]; /* the conversion rounds to nearest */
    } else {
        /* the top 64 bits, with a sticky bit for everything below them, round
         * exactly as the whole number would: the sticky bit lies below the
         * rounding position of a 53-bit mantissa */
        unsigned lead = (unsigned)__builtin_clzll(l[n - 1]);
        size_t bits = n * 64 - lead;
        if (bits > 1100)
            return neg ? -INFINITY : INFINITY;
        size_t shift = bits - 64, k = shift / 64;
        unsigned off = (unsigned)(shift % 64);
        uint64_t m = off ? l[k] >> off | l[k + 1] << (64 - off) : l[k];
        bool sticky = off && (l[k] & (((uint64_t)1 << off) - 1)) != 0;
        for (size_t i = 0; i < k && !sticky; i++)
            sticky = l[i] != 0;
        d = ldexp((double)(m | sticky), (int)shift);
    }
    return neg ? -d : d;
}

static double int_to_double(term_t t)
{
    if (term_is_smallint(t))
        return (double)term_get_smallint(t);
    size_t n;
    bool neg;
    const uint64_t *l = term_big_limbs(t, &n, &neg);
    return compare_limbs_to_double(l, n, neg);
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

/* Doubles in the standard order: NaN first (equal to itself). */
static int compare_doubles(double x, double y)
{
    if (isnan(x) || isnan(y))
        return isnan(y) - isnan(x);
    return (x > y) - (x < y);
}

int compare_numbers(term_t a, term_t b)
{
    if (term_is_smallint(a) && term_is_smallint(b))
        return (term_get_smallint(a) > term_get_smallint(b)) - (term_get_smallint(a) < term_get_smallint(b));
    /* a float against an integer: the integer converted to the nearest
     * double, as swipl 9 compares them (2**60+1 =:= 2.0**60) */
    if (term_is_float(a))
        return compare_doubles(term_get_float(a), term_is_float(b) ? term_get_float(b) : int_to_double(b));
    if (term_is_float(b))
        return compare_doubles(int_to_double(a), term_get_float(b));
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
        /* -0.0 @< 0.0: equal in value, not identical */
        if (term_is_float(a))
            return (signbit(term_get_float(b)) != 0) - (signbit(term_get_float(a)) != 0);
        return 0;
    }
    }
}

int compare_terms(term_t a, term_t b)
{
    struct wstack s;
    wstack_init(&s);
    struct wmap *seen = NULL; /* compound pairs assumed identical, past WALK_CYCLE_STEPS */
    size_t steps = 0;
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
                if (fa == FUNCTOR_dot2) {
                    /* a run of identical heads (a code list's small ints):
                     * along the tails with nothing on the stack, each cell
                     * a step of walk_enter's count */
                    bool tails = false;
                    while (steps < WALK_CYCLE_STEPS && term_deref(term_arg(a, 1)) == term_deref(term_arg(b, 1))) {
                        steps++;
                        term_t ta = term_deref(term_arg(a, 2)), tb = term_deref(term_arg(b, 2));
                        a = ta;
                        b = tb;
                        if (ta == tb || !term_is_list_cell(ta) || !term_is_list_cell(tb)) {
                            tails = true;
                            break;
                        }
                    }
                    if (tails)
                        continue;
                }
                if (walk_enter(&seen, &steps, a, b)) {
                    wstack_push_arg_pairs(&s, a, b, functor_arity(fa));
                    a = term_arg(a, 1);
                    b = term_arg(b, 1);
                    continue;
                }
            }
        }
        if (wstack_empty(&s))
            break;
        b = wstack_pop(&s);
        a = wstack_pop(&s);
    }
    wstack_fini(&s);
    wmap_free(seen);
    return c;
}
