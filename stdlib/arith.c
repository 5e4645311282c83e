/* arith.c - is/2, =:=/2, </2 and friends: evaluation of expressions. */
#include "arith.h"

#include <math.h>
#include <string.h>

#include "engine/compare.h"
#include "engine/db.h"
#include "engine/error.h"
#include "engine/unify.h"

/* A number while evaluating: an int64 or a double. */
struct num {
    bool is_float;
    int64_t i;
    double f;
};

static struct num eval(term_t t);

static double as_double(struct num n) { return n.is_float ? n.f : (double)n.i; }
static struct num mk_int(int64_t i) { return (struct num){false, i, 0}; }

static struct num mk_float(double f)
{
    if (isnan(f))
        err_evaluation(ATOM_undefined);
    if (isinf(f))
        err_evaluation(atom_from_cstr("float_overflow"));
    return (struct num){true, 0, f};
}

static _Noreturn void int_overflow(void) { err_evaluation(atom_from_cstr("int_overflow")); }

static int64_t need_int(struct num n, term_t culprit)
{
    if (n.is_float)
        err_type(ATOM_integer, culprit);
    return n.i;
}

static term_t to_term(struct num n) { return n.is_float ? term_float(n.f) : term_int(n.i); }

static int64_t floordiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static struct num to_integer(double d)
{
    if (!(d >= -9.2233720368547758e18 && d < 9.2233720368547758e18))
        int_overflow();
    return mk_int((int64_t)d);
}

static struct num eval_atom(atom_t a, term_t t)
{
    const char *s = atom_name(a);
    if (!strcmp(s, "pi"))
        return mk_float(M_PI);
    if (!strcmp(s, "e"))
        return mk_float(M_E);
    if (!strcmp(s, "inf") || !strcmp(s, "infinite"))
        return (struct num){true, 0, INFINITY};
    if (!strcmp(s, "nan"))
        return (struct num){true, 0, NAN};
    if (!strcmp(s, "epsilon"))
        return mk_float(2.220446049250313e-16);
    if (!strcmp(s, "max_tagged_integer"))
        return mk_int(TERM_INT_MAX);
    if (!strcmp(s, "min_tagged_integer"))
        return mk_int(TERM_INT_MIN);
    if (!strcmp(s, "random"))
        return mk_int(0);
    (void)t;
    err_type(ATOM_evaluable, err_pred_indicator(a, 0));
}

static struct num eval1(atom_t op, term_t x, term_t t)
{
    struct num a = eval(x);
    const char *s = atom_name(op);
    if (op == ATOM_minus) {
        if (a.is_float)
            return mk_float(-a.f);
        if (a.i == INT64_MIN)
            int_overflow();
        return mk_int(-a.i);
    }
    if (op == ATOM_plus)
        return a;
    if (!strcmp(s, "abs"))
        return a.is_float ? mk_float(fabs(a.f)) : a.i == INT64_MIN ? (int_overflow(), a) : mk_int(a.i < 0 ? -a.i : a.i);
    if (!strcmp(s, "sign"))
        return a.is_float ? mk_float(a.f > 0 ? 1.0 : a.f < 0 ? -1.0 : 0.0) : mk_int((a.i > 0) - (a.i < 0));
    if (!strcmp(s, "float"))
        return mk_float(as_double(a));
    if (!strcmp(s, "integer"))
        return a.is_float ? to_integer(round(a.f)) : a;
    if (!strcmp(s, "float_integer_part"))
        return mk_float(trunc(as_double(a)));
    if (!strcmp(s, "float_fractional_part"))
        return mk_float(as_double(a) - trunc(as_double(a)));
    if (!strcmp(s, "truncate"))
        return a.is_float ? to_integer(trunc(a.f)) : a;
    if (!strcmp(s, "round"))
        return a.is_float ? to_integer(round(a.f)) : a;
    if (!strcmp(s, "ceiling"))
        return a.is_float ? to_integer(ceil(a.f)) : a;
    if (!strcmp(s, "floor"))
        return a.is_float ? to_integer(floor(a.f)) : a;
    if (!strcmp(s, "\\"))
        return mk_int(~need_int(a, x));
    if (!strcmp(s, "msb")) {
        int64_t v = need_int(a, x);
        if (v <= 0)
            err_type(ATOM_not_less_than_zero, term_int(v));
        return mk_int(63 - __builtin_clzll((unsigned long long)v));
    }
    if (!strcmp(s, "succ"))
        return mk_int(need_int(a, x) + 1);
    double d = as_double(a);
    if (!strcmp(s, "sqrt")) {
        if (d < 0)
            err_evaluation(ATOM_undefined);
        return mk_float(sqrt(d));
    }
    if (!strcmp(s, "sin"))
        return mk_float(sin(d));
    if (!strcmp(s, "cos"))
        return mk_float(cos(d));
    if (!strcmp(s, "tan"))
        return mk_float(tan(d));
    if (!strcmp(s, "asin"))
        return mk_float(asin(d));
    if (!strcmp(s, "acos"))
        return mk_float(acos(d));
    if (!strcmp(s, "atan"))
        return mk_float(atan(d));
    if (!strcmp(s, "exp"))
        return mk_float(exp(d));
    if (!strcmp(s, "log")) {
        if (d <= 0)
            err_evaluation(ATOM_undefined);
        return mk_float(log(d));
    }
    (void)t;
    err_type(ATOM_evaluable, err_pred_indicator(op, 1));
}

static int64_t ipow(int64_t b, int64_t e, term_t culprit)
{
    if (e < 0) {
        if (b == 1)
            return 1;
        if (b == -1)
            return e % 2 ? -1 : 1;
        if (b == 0)
            err_evaluation(ATOM_zero_divisor);
        err_type(ATOM_float_t, culprit);
    }
    int64_t r = 1;
    while (e > 0) {
        if (e & 1 && __builtin_mul_overflow(r, b, &r))
            int_overflow();
        e >>= 1;
        if (e && __builtin_mul_overflow(b, b, &b))
            int_overflow();
    }
    return r;
}

static struct num eval2(atom_t op, term_t x, term_t y, term_t t)
{
    struct num a = eval(x), b = eval(y);
    const char *s = atom_name(op);
    bool ints = !a.is_float && !b.is_float;
    int64_t r;
    if (op == ATOM_plus) {
        if (!ints)
            return mk_float(as_double(a) + as_double(b));
        if (__builtin_add_overflow(a.i, b.i, &r))
            int_overflow();
        return mk_int(r);
    }
    if (op == ATOM_minus) {
        if (!ints)
            return mk_float(as_double(a) - as_double(b));
        if (__builtin_sub_overflow(a.i, b.i, &r))
            int_overflow();
        return mk_int(r);
    }
    if (op == ATOM_star) {
        if (!ints)
            return mk_float(as_double(a) * as_double(b));
        if (__builtin_mul_overflow(a.i, b.i, &r))
            int_overflow();
        return mk_int(r);
    }
    if (op == ATOM_slash) {
        if (ints) {
            if (b.i == 0)
                err_evaluation(ATOM_zero_divisor);
            if (b.i == -1 && a.i == INT64_MIN)
                int_overflow();
            if (a.i % b.i == 0)
                return mk_int(a.i / b.i);
        } else if (as_double(b) == 0.0) {
            err_evaluation(ATOM_zero_divisor);
        }
        return mk_float(as_double(a) / as_double(b));
    }
    if (op == ATOM_slash2 || !strcmp(s, "mod") || !strcmp(s, "rem") || !strcmp(s, "div")) {
        int64_t p = need_int(a, x), q = need_int(b, y);
        if (q == 0)
            err_evaluation(ATOM_zero_divisor);
        if (q == -1)
            return op == ATOM_slash2 || !strcmp(s, "div") ? (p == INT64_MIN ? (int_overflow(), a) : mk_int(-p)) : mk_int(0);
        if (op == ATOM_slash2)
            return mk_int(p / q);
        if (!strcmp(s, "rem"))
            return mk_int(p % q);
        if (!strcmp(s, "div"))
            return mk_int(floordiv(p, q));
        return mk_int(p - floordiv(p, q) * q);
    }
    if (!strcmp(s, "min"))
        return compare_numbers(to_term(a), to_term(b)) <= 0 ? a : b;
    if (!strcmp(s, "max"))
        return compare_numbers(to_term(a), to_term(b)) >= 0 ? a : b;
    if (!strcmp(s, "**")) {
        if (ints)
            return mk_int(ipow(a.i, b.i, t));
        return mk_float(pow(as_double(a), as_double(b)));
    }
    if (op == ATOM_hat) {
        if (ints)
            return mk_int(ipow(a.i, b.i, t));
        return mk_float(pow(as_double(a), as_double(b)));
    }
    if (!strcmp(s, "atan2") || !strcmp(s, "atan"))
        return mk_float(atan2(as_double(a), as_double(b)));
    if (!strcmp(s, "copysign"))
        return mk_float(copysign(as_double(a), as_double(b)));
    if (!strcmp(s, ">>"))
        return mk_int(need_int(a, x) >> (need_int(b, y) & 63));
    if (!strcmp(s, "<<")) {
        int64_t p = need_int(a, x), q = need_int(b, y);
        if (q >= 63 || (p != 0 && (p << q) >> q != p))
            int_overflow();
        return mk_int(p << q);
    }
    if (!strcmp(s, "/\\"))
        return mk_int(need_int(a, x) & need_int(b, y));
    if (!strcmp(s, "\\/"))
        return mk_int(need_int(a, x) | need_int(b, y));
    if (!strcmp(s, "xor"))
        return mk_int(need_int(a, x) ^ need_int(b, y));
    if (!strcmp(s, "gcd")) {
        int64_t p = need_int(a, x), q = need_int(b, y);
        while (q) {
            int64_t m = p % q;
            p = q;
            q = m;
        }
        return mk_int(p < 0 ? -p : p);
    }
    if (!strcmp(s, "log"))
        return mk_float(log(as_double(b)) / log(as_double(a)));
    if (!strcmp(s, "truncate"))
        return a;
    err_type(ATOM_evaluable, err_pred_indicator(op, 2));
}

static struct num eval(term_t t)
{
    t = term_deref(t);
    switch (term_tag(t)) {
    case TAG_INT:
        return mk_int(term_get_smallint(t));
    case TAG_FLT:
        return (struct num){true, 0, term_get_float(t)};
    case TAG_BIG: {
        int64_t v;
        if (term_get_int64(t, &v))
            return mk_int(v);
        int_overflow();
    }
    case TAG_REF:
        err_instantiation();
    case TAG_ATOM:
        return eval_atom(term_get_atom(t), t);
    case TAG_STR: {
        functor_t f = term_functor(t);
        unsigned n = functor_arity(f);
        if (f == FUNCTOR_dot2 && term_deref(term_arg(t, 2)) == TERM_NIL)
            return eval(term_arg(t, 1)); /* "a" as [97] */
        if (n == 1)
            return eval1(functor_name(f), term_arg(t, 1), t);
        if (n == 2)
            return eval2(functor_name(f), term_arg(t, 1), term_arg(t, 2), t);
        err_type(ATOM_evaluable, err_pred_indicator(functor_name(f), n));
    }
    default:
        err_type(ATOM_evaluable, t);
    }
}

term_t arith_eval(term_t expr) { return to_term(eval(expr)); }

/* is(-X, +Expr) is semidet. */
static bool bi_is(term_t *a) { return unify(a[0], arith_eval(a[1])); }

static int cmp(term_t *a) { return compare_numbers(arith_eval(a[0]), arith_eval(a[1])); }

/* Comparisons (+E1, +E2) are semidet.  NaN compares unequal to everything. */
static bool has_nan(term_t x, term_t y)
{
    return (term_is_float(x) && isnan(term_get_float(x))) || (term_is_float(y) && isnan(term_get_float(y)));
}
static bool bi_eq(term_t *a)
{
    term_t x = arith_eval(a[0]), y = arith_eval(a[1]);
    return !has_nan(x, y) && compare_numbers(x, y) == 0;
}
static bool bi_ne(term_t *a)
{
    term_t x = arith_eval(a[0]), y = arith_eval(a[1]);
    return has_nan(x, y) || compare_numbers(x, y) != 0;
}
static bool bi_lt(term_t *a) { return cmp(a) < 0; }
static bool bi_gt(term_t *a) { return cmp(a) > 0; }
static bool bi_le(term_t *a) { return cmp(a) <= 0; }
static bool bi_ge(term_t *a) { return cmp(a) >= 0; }

/* succ(?N, ?M) is semidet. */
static bool bi_succ(term_t *a)
{
    term_t x = term_deref(a[0]), y = term_deref(a[1]);
    if (term_is_var(x)) {
        if (term_is_var(y))
            err_instantiation();
        int64_t m = err_need_int(y);
        if (m < 0)
            err_type(ATOM_not_less_than_zero, y);
        return m > 0 && unify(x, term_int(m - 1));
    }
    int64_t n = err_need_int(x);
    if (n < 0)
        err_type(ATOM_not_less_than_zero, x);
    return unify(y, term_int(n + 1));
}

/* plus(?X, ?Y, ?Z) is semidet. */
static bool bi_plus(term_t *a)
{
    term_t x = term_deref(a[0]), y = term_deref(a[1]), z = term_deref(a[2]);
    if (!term_is_var(x) && !term_is_var(y))
        return unify(z, term_int(err_need_int(x) + err_need_int(y)));
    if (!term_is_var(x) && !term_is_var(z))
        return unify(y, term_int(err_need_int(z) - err_need_int(x)));
    if (!term_is_var(y) && !term_is_var(z))
        return unify(x, term_int(err_need_int(z) - err_need_int(y)));
    err_instantiation();
}

void arith_register(void)
{
    db_register_det("is", 2, bi_is);
    db_register_test("=:=", 2, bi_eq);
    db_register_test("=\\=", 2, bi_ne);
    db_register_test("<", 2, bi_lt);
    db_register_test(">", 2, bi_gt);
    db_register_test("=<", 2, bi_le);
    db_register_test(">=", 2, bi_ge);
    db_register_det("succ", 2, bi_succ);
    db_register_det("plus", 3, bi_plus);
}
