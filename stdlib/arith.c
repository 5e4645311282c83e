/* arith.c - is/2, the arithmetic comparisons, succ/2, plus/3 and between/3: evaluation
 * of expressions over small integers, GMP bignums and floats, with swipl's
 * results and errors (docs/arith.md).
 *
 * A value under evaluation is a struct num: an int64_t, a double, or an
 * mpz_t.  Integers stay int64_t while they fit, so small-integer arithmetic
 * never touches GMP; an operation that overflows redoes itself on mpz_t, and
 * a GMP result that fits int64_t turns back into one.  An mpz_t is either a
 * read-only view of a BIG box on the heap or scratch memory (bigint.h),
 * released when the evaluation ends; only its copy on the heap outlives it.
 */
#include "arith.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "bigint.h"
#include "engine/compare.h"
#include "engine/db.h"
#include "engine/error.h"
#include "engine/mem.h"
#include "engine/solve.h"
#include "engine/unify.h"

enum kind { N_INT, N_FLT, N_BIG };

struct num {
    enum kind k;
    int64_t i;
    double f;
    mpz_t z;
};

enum op {
    OP_NONE,
    /* arity 0 */
    OP_PI, OP_E, OP_INF, OP_NAN, OP_EPSILON, OP_MAXTAG, OP_MINTAG, OP_RANDOM_FLOAT, OP_CPUTIME, OP_REALTIME,
    /* arity 1 */
    OP_NEG, OP_POS, OP_ABS, OP_SIGN, OP_FLOAT, OP_INTEGER, OP_FIP, OP_FFP, OP_TRUNCATE, OP_ROUND, OP_CEILING,
    OP_FLOOR, OP_NOT, OP_MSB, OP_SQRT, OP_SIN, OP_COS, OP_TAN, OP_ASIN, OP_ACOS, OP_ATAN, OP_EXP, OP_LOG,
    OP_LOG2, OP_RANDOM,
    /* arity 2 */
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_IDIV, OP_MOD, OP_REM, OP_FLOORDIV, OP_MIN, OP_MAX, OP_POW, OP_CARET,
    OP_ATAN2, OP_SHR, OP_SHL, OP_AND, OP_OR, OP_XOR, OP_GCD, OP_COPYSIGN,
};

static const struct {
    const char *name;
    unsigned arity;
    enum op op;
} functions[] = {
    {"pi", 0, OP_PI}, {"e", 0, OP_E}, {"inf", 0, OP_INF}, {"infinite", 0, OP_INF}, {"nan", 0, OP_NAN},
    {"epsilon", 0, OP_EPSILON}, {"max_tagged_integer", 0, OP_MAXTAG}, {"min_tagged_integer", 0, OP_MINTAG},
    {"random_float", 0, OP_RANDOM_FLOAT}, {"cputime", 0, OP_CPUTIME}, {"realtime", 0, OP_REALTIME},
    {"-", 1, OP_NEG}, {"+", 1, OP_POS}, {"abs", 1, OP_ABS}, {"sign", 1, OP_SIGN}, {"float", 1, OP_FLOAT},
    {"integer", 1, OP_INTEGER}, {"float_integer_part", 1, OP_FIP}, {"float_fractional_part", 1, OP_FFP},
    {"truncate", 1, OP_TRUNCATE}, {"round", 1, OP_ROUND}, {"ceiling", 1, OP_CEILING}, {"floor", 1, OP_FLOOR},
    {"\\", 1, OP_NOT}, {"msb", 1, OP_MSB}, {"sqrt", 1, OP_SQRT}, {"sin", 1, OP_SIN}, {"cos", 1, OP_COS},
    {"tan", 1, OP_TAN}, {"asin", 1, OP_ASIN}, {"acos", 1, OP_ACOS}, {"atan", 1, OP_ATAN}, {"exp", 1, OP_EXP},
    {"log", 1, OP_LOG}, {"log2", 1, OP_LOG2}, {"random", 1, OP_RANDOM},
    {"+", 2, OP_ADD}, {"-", 2, OP_SUB}, {"*", 2, OP_MUL}, {"/", 2, OP_DIV}, {"//", 2, OP_IDIV},
    {"mod", 2, OP_MOD}, {"rem", 2, OP_REM}, {"div", 2, OP_FLOORDIV}, {"min", 2, OP_MIN}, {"max", 2, OP_MAX},
    {"**", 2, OP_POW}, {"^", 2, OP_CARET}, {"atan2", 2, OP_ATAN2}, {"atan", 2, OP_ATAN2}, {">>", 2, OP_SHR},
    {"<<", 2, OP_SHL}, {"/\\", 2, OP_AND}, {"\\/", 2, OP_OR}, {"xor", 2, OP_XOR}, {"gcd", 2, OP_GCD},
    {"copysign", 2, OP_COPYSIGN},
};

/* Persistent, set up once by arith_register (before any snapshot): the
 * function table indexed by atom, and the random generator's state, which
 * must not backtrack (repeat, X is random(10) would see one number). */
struct arith_state {
    size_t natoms;
    uint8_t *ops[3];
    uint64_t rng;
    atom_t inf, infinite; /* between/3's unbounded High */
};
static struct arith_state *A;

static void eval(term_t t, struct num *r);

/* --- errors ---------------------------------------------------------------- */

/* error(Formal, context(Name/Arity, _)): swipl names the function, not the
 * predicate, in the errors a function raises about its arguments. */
static _Noreturn void fn_error(term_t formal, atom_t name, unsigned arity)
{
    term_t ctx = term_compound2(FUNCTOR_context2, err_pred_indicator(name, arity), term_new_var());
    solve_throw(term_compound2(FUNCTOR_error2, formal, ctx));
}

static _Noreturn void zero_div(atom_t name, unsigned arity)
{
    fn_error(term_compound1(FUNCTOR_evaluation_error1, term_atom(ATOM_zero_divisor)), name, arity);
}

static term_t num_term(const struct num *n);

static void need_int(const struct num *n, atom_t name, unsigned arity)
{
    if (n->k == N_FLT)
        fn_error(term_compound2(FUNCTOR_type_error2, term_atom(ATOM_integer), num_term(n)), name, arity);
}

static _Noreturn void not_less_than_one(const struct num *n, atom_t name)
{
    fn_error(term_compound2(FUNCTOR_domain_error2, term_atom(atom_from_cstr("not_less_than_one")), num_term(n)),
             name, 1);
}

/* A float result as swipl checks it: NaN is undefined, an infinity an
 * overflow (flags float_undefined and float_overflow at their default). */
static void check_float(double d)
{
    if (isnan(d))
        err_evaluation(ATOM_undefined);
    if (isinf(d))
        err_evaluation(atom_from_cstr("float_overflow"));
}

/* --- values ---------------------------------------------------------------- */

static void set_int(struct num *r, int64_t v)
{
    r->k = N_INT;
    r->i = v;
}

static void set_flt(struct num *r, double f)
{
    r->k = N_FLT;
    r->f = f;
}

static void set_checked(struct num *r, double f)
{
    check_float(f);
    set_flt(r, f);
}

/* r->z has just been computed: back to an int64_t when it fits. */
static void norm(struct num *r)
{
    if (mpz_fits_slong_p(r->z)) {
        set_int(r, mpz_get_si(r->z));
    } else {
        r->k = N_BIG;
    }
}

/* An integer as an mpz_t (scratch for a small one). */
static void as_big(struct num *n)
{
    if (n->k == N_INT) {
        mpz_init_set_si(n->z, n->i);
        n->k = N_BIG;
    }
}

/* The result r of a GMP operation: a fresh mpz_t, distinct from the
 * operands' (which may be views of the heap that GMP must not write). */
static mpz_ptr out(struct num *r)
{
    mpz_init(r->z);
    r->k = N_BIG;
    return r->z;
}

/* A float operand: overflow when an integer is beyond the double range. */
static double to_float(const struct num *n)
{
    if (n->k == N_FLT)
        return n->f;
    if (n->k == N_INT)
        return (double)n->i;
    double d = big_to_double(n->z);
    check_float(d);
    return d;
}

/* The integer d (integral, finite) as a value. */
static void set_from_double(struct num *r, double d)
{
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
        set_int(r, (int64_t)d);
    } else {
        mpz_set_d(out(r), d);
    }
}

static term_t num_term(const struct num *n)
{
    switch (n->k) {
    case N_INT:
        return term_int(n->i);
    case N_FLT:
        return term_float(n->f);
    default:
        return big_to_term(n->z);
    }
}

static bool is_zero(const struct num *n) { return n->k == N_INT ? n->i == 0 : n->k == N_FLT && n->f == 0.0; }

static int sign_of(const struct num *n)
{
    if (n->k == N_INT)
        return (n->i > 0) - (n->i < 0);
    if (n->k == N_BIG)
        return mpz_sgn(n->z);
    return (n->f > 0) - (n->f < 0);
}

/* -1, 0, 1, or 2 when a NaN makes the pair unordered.  An integer against a
 * float compares as the nearest double, as swipl 9 does. */
static int num_cmp(const struct num *a, const struct num *b)
{
    if (a->k == N_INT && b->k == N_INT)
        return (a->i > b->i) - (a->i < b->i);
    if (a->k == N_FLT || b->k == N_FLT) {
        double x = a->k == N_FLT ? a->f : a->k == N_INT ? (double)a->i : big_to_double(a->z);
        double y = b->k == N_FLT ? b->f : b->k == N_INT ? (double)b->i : big_to_double(b->z);
        if (isnan(x) || isnan(y))
            return 2;
        return (x > y) - (x < y);
    }
    int c;
    if (a->k == N_INT)
        c = -mpz_cmp_si(b->z, a->i);
    else if (b->k == N_INT)
        c = mpz_cmp_si(a->z, b->i);
    else
        c = mpz_cmp(a->z, b->z);
    return (c > 0) - (c < 0);
}

/* --- random numbers (splitmix64; persistent state) ------------------------- */

static uint64_t rng_next(void)
{
    uint64_t z = (A->rng += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static void seed_from_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    A->rng = (uint64_t)ts.tv_sec * 1000000007u ^ (uint64_t)ts.tv_nsec;
}

/* set_random(+Option) is det: seed(random) seeds from the clock, seed(N)
 * with the integer N, so that a run can be repeated.  The errors are
 * swipl's: type_error(random_option, O), type_error(seed, S). */
static bool bi_set_random(term_t *a)
{
    term_t o = term_deref(a[0]);
    if (term_is_var(o))
        err_instantiation();
    if (!term_is_compound(o) || term_functor(o) != functor_intern(atom_from_cstr("seed"), 1))
        err_type(atom_from_cstr("random_option"), o);
    term_t s = term_deref(term_arg(o, 1));
    if (term_is_var(s))
        err_instantiation();
    if (term_is_atom(s) && term_get_atom(s) == atom_from_cstr("random"))
        seed_from_clock();
    else if (term_is_smallint(s))
        A->rng = (uint64_t)term_get_smallint(s);
    else
        err_type(atom_from_cstr("seed"), s);
    return true;
}

/* random(N): 0 =< X < N, N >= 1. */
static void random_below(const struct num *n, struct num *r)
{
    if (n->k == N_INT) {
        /* multiply-shift with rejection: exactly uniform */
        uint64_t bound = (uint64_t)n->i, threshold = -bound % bound;
        for (;;) {
            unsigned __int128 m = (unsigned __int128)rng_next() * bound;
            if ((uint64_t)m >= threshold) {
                set_int(r, (int64_t)(m >> 64));
                return;
            }
        }
    }
    /* a bignum bound: 64 more random bits than it has, reduced (bias < 2^-64) */
    size_t limbs = mpz_size(n->z) + 1;
    mpz_t x;
    mpz_init2(x, (mp_bitcnt_t)limbs * 64);
    mp_limb_t *l = mpz_limbs_write(x, (mp_size_t)limbs);
    for (size_t i = 0; i < limbs; i++)
        l[i] = rng_next();
    mpz_limbs_finish(x, (mp_size_t)limbs);
    mpz_mod(out(r), x, n->z);
    norm(r);
}

/* --- the functions ----------------------------------------------------------- */

static void eval0(enum op op, atom_t name, struct num *r)
{
    struct timespec ts;
    switch (op) {
    case OP_PI:
        set_flt(r, M_PI);
        return;
    case OP_E:
        set_flt(r, M_E);
        return;
    case OP_INF:
        set_flt(r, INFINITY);
        return;
    case OP_NAN:
        set_flt(r, NAN);
        return;
    case OP_EPSILON:
        set_flt(r, 2.220446049250313e-16);
        return;
    case OP_MAXTAG:
        set_int(r, TERM_INT_MAX);
        return;
    case OP_MINTAG:
        set_int(r, TERM_INT_MIN);
        return;
    case OP_RANDOM_FLOAT: {
        uint64_t x;
        while ((x = rng_next() >> 11) == 0) /* in (0.0, 1.0) */
            ;
        set_flt(r, (double)x * 0x1p-53);
        return;
    }
    case OP_CPUTIME:
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        set_flt(r, (double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
        return;
    case OP_REALTIME: /* clock_gettime, not time(): snapvm serves the former */
        clock_gettime(CLOCK_REALTIME, &ts);
        set_int(r, (int64_t)ts.tv_sec);
        return;
    default:
        err_type(ATOM_evaluable, err_pred_indicator(name, 0));
    }
}

/* truncate, round, ceiling, floor, integer: NaN and infinities come back as
 * they are (swipl 9.0.4: X is integer(inf) gives 1.0Inf). */
static void to_integer(struct num *r, double (*fn)(double))
{
    if (r->k != N_FLT || isnan(r->f) || isinf(r->f))
        return;
    set_from_double(r, fn(r->f));
}

/* A float function of one argument: an infinite argument is an overflow,
 * as swipl reports cos(inf). */
static void float_fn(struct num *r, double (*fn)(double))
{
    double x = to_float(r);
    if (isinf(x))
        check_float(x);
    set_checked(r, fn(x));
}

/* r = -a (a and r distinct). */
static void eval_neg(struct num *a, struct num *r)
{
    if (a->k == N_FLT) {
        set_flt(r, -a->f);
    } else if (a->k == N_INT && a->i != INT64_MIN) {
        set_int(r, -a->i);
    } else {
        as_big(a);
        mpz_neg(out(r), a->z);
        norm(r);
    }
}

/* The sign stays: float_fractional_part(-0.0) is -0.0, as swipl's. */
static double fraction(double x) { return copysign(x - trunc(x), x); }

static void eval1(enum op op, atom_t name, term_t x, struct num *r)
{
    eval(x, r);
    switch (op) {
    case OP_NEG: {
        struct num a = *r;
        eval_neg(&a, r);
        return;
    }
    case OP_POS:
        return;
    case OP_ABS:
        if (r->k == N_FLT) {
            r->f = fabs(r->f);
        } else if (r->k == N_INT && r->i != INT64_MIN) {
            r->i = r->i < 0 ? -r->i : r->i;
        } else {
            as_big(r);
            struct num a = *r;
            mpz_abs(out(r), a.z);
            norm(r);
        }
        return;
    case OP_SIGN:
        if (r->k != N_FLT)
            set_int(r, sign_of(r));
        else if (!isnan(r->f))
            r->f = r->f > 0 ? 1.0 : r->f < 0 ? -1.0 : 0.0;
        return;
    case OP_FLOAT:
        set_flt(r, to_float(r));
        return;
    case OP_INTEGER:
        to_integer(r, round);
        return;
    case OP_TRUNCATE:
        to_integer(r, trunc);
        return;
    case OP_ROUND:
        to_integer(r, round);
        return;
    case OP_CEILING:
        to_integer(r, ceil);
        return;
    case OP_FLOOR:
        to_integer(r, floor);
        return;
    case OP_FIP:
        if (r->k == N_FLT)
            float_fn(r, trunc);
        return;
    case OP_FFP:
        if (r->k != N_FLT)
            set_int(r, 0);
        else
            float_fn(r, fraction);
        return;
    case OP_NOT:
        need_int(r, name, 1);
        if (r->k == N_INT) {
            r->i = ~r->i;
        } else {
            struct num a = *r;
            mpz_com(out(r), a.z);
            norm(r);
        }
        return;
    case OP_MSB:
        need_int(r, name, 1);
        if (sign_of(r) <= 0)
            not_less_than_one(r, name);
        set_int(r, r->k == N_INT ? 63 - __builtin_clzll((uint64_t)r->i) : (int64_t)big_bits(r->z) - 1);
        return;
    case OP_SQRT:
        float_fn(r, sqrt);
        return;
    case OP_SIN:
        float_fn(r, sin);
        return;
    case OP_COS:
        float_fn(r, cos);
        return;
    case OP_TAN:
        float_fn(r, tan);
        return;
    case OP_ASIN:
        float_fn(r, asin);
        return;
    case OP_ACOS:
        float_fn(r, acos);
        return;
    case OP_ATAN:
        float_fn(r, atan);
        return;
    case OP_EXP:
        float_fn(r, exp);
        return;
    case OP_LOG:
        float_fn(r, log);
        return;
    case OP_LOG2:
        float_fn(r, log2);
        return;
    case OP_RANDOM: {
        need_int(r, name, 1);
        if (sign_of(r) <= 0)
            not_less_than_one(r, name);
        struct num bound = *r;
        random_below(&bound, r);
        return;
    }
    default:
        err_type(ATOM_evaluable, err_pred_indicator(name, 1));
    }
}

/* a / b on integers: exact quotients stay integers (swipl's default,
 * prefer_rationals false), others are the quotient of the two doubles. */
static void int_divide(struct num *a, struct num *b, struct num *r)
{
    if (a->k == N_INT && b->k == N_INT && !(a->i == INT64_MIN && b->i == -1)) {
        if (a->i % b->i == 0)
            set_int(r, a->i / b->i);
        else
            set_checked(r, (double)a->i / (double)b->i);
        return;
    }
    as_big(a);
    as_big(b);
    if (mpz_divisible_p(a->z, b->z)) {
        mpz_divexact(out(r), a->z, b->z);
        norm(r);
    } else {
        set_checked(r, to_float(a) / to_float(b));
    }
}

static int64_t floordiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if (a % b != 0 && (a < 0) != (b < 0))
        q--;
    return q;
}

/* //, rem, div, mod: integers only; zero divisor checked after the types. */
static void int_division(enum op op, atom_t name, struct num *a, struct num *b, struct num *r)
{
    need_int(a, name, 2);
    need_int(b, name, 2);
    if (is_zero(b))
        zero_div(name, 2);
    if (a->k == N_INT && b->k == N_INT) {
        int64_t p = a->i, q = b->i;
        if (q == -1) { /* INT64_MIN / -1 overflows: the quotient is -p */
            if (op == OP_REM || op == OP_MOD) {
                set_int(r, 0);
                return;
            }
            if (p != INT64_MIN) {
                set_int(r, -p);
                return;
            }
        } else {
            switch (op) {
            case OP_IDIV:
                set_int(r, p / q);
                return;
            case OP_REM:
                set_int(r, p % q);
                return;
            case OP_FLOORDIV:
                set_int(r, floordiv(p, q));
                return;
            default: {
                int64_t m = p % q;
                set_int(r, m != 0 && (m ^ q) < 0 ? m + q : m);
                return;
            }
            }
        }
    }
    as_big(a);
    as_big(b);
    mpz_ptr z = out(r);
    switch (op) {
    case OP_IDIV:
        mpz_tdiv_q(z, a->z, b->z);
        break;
    case OP_REM:
        mpz_tdiv_r(z, a->z, b->z);
        break;
    case OP_FLOORDIV:
        mpz_fdiv_q(z, a->z, b->z);
        break;
    default:
        mpz_fdiv_r(z, a->z, b->z);
        break;
    }
    norm(r);
}

/* ** and ^ (the same function in swipl 9 with prefer_rationals false). */
static void power(struct num *a, struct num *b, struct num *r)
{
    atom_t ctx = atom_from_cstr("**"); /* swipl names ** in the errors of ^ too */
    if (is_zero(b)) {
        set_int(r, 1);
        return;
    }
    if (is_zero(a) && sign_of(b) < 0)
        zero_div(ctx, 2);
    if (a->k != N_FLT) {
        if (a->k == N_INT && (a->i == 1 || a->i == 0)) { /* 1**X = 1, 0**X = 0 for X > 0 */
            set_int(r, a->i);
            return;
        }
        if (b->k != N_FLT) {
            if (a->k == N_INT && a->i == -1) {
                set_int(r, (b->k == N_INT ? b->i & 1 : mpz_odd_p(b->z)) ? -1 : 1);
                return;
            }
            if (b->k == N_BIG) /* |A| >= 2: beyond any memory, or below any float */
                err_resource(ATOM_memory);
            if (sign_of(b) > 0) {
                as_big(a);
                big_check_size((double)big_bits(a->z) * (double)b->i);
                mpz_pow_ui(out(r), a->z, (unsigned long)b->i);
                norm(r);
                return;
            }
        }
    }
    set_checked(r, pow(to_float(a), to_float(b)));
}

/* Shift a left by s bits (right for s < 0), as an arithmetic shift. */
static void shift(struct num *a, struct num *s, bool left, atom_t name, struct num *r)
{
    need_int(a, name, 2);
    need_int(s, name, 2);
    int sg = sign_of(s);
    if (!left)
        sg = -sg;
    if (s->k == N_BIG) { /* beyond any memory left, or everything shifted out */
        if (sg > 0)
            err_resource(ATOM_memory);
        set_int(r, 0); /* swipl 9.0.4: 0, also for a negative number */
        return;
    }
    if (sg == 0 || is_zero(a)) {
        *r = *a;
        return;
    }
    uint64_t n = s->i < 0 ? -(uint64_t)s->i : (uint64_t)s->i;
    if (sg < 0) {
        if (a->k == N_INT) {
            set_int(r, n >= 63 ? (a->i < 0 ? -1 : 0) : a->i >> n);
            return;
        }
        mpz_fdiv_q_2exp(out(r), a->z, n);
        norm(r);
        return;
    }
    if (a->k == N_INT && n < 63) {
        int64_t v = (int64_t)((uint64_t)a->i << n);
        if (v >> n == a->i) {
            set_int(r, v);
            return;
        }
    }
    as_big(a);
    big_check_size((double)big_bits(a->z) + (double)n);
    mpz_mul_2exp(out(r), a->z, n);
    norm(r);
}

static uint64_t gcd_u64(uint64_t p, uint64_t q)
{
    while (q) {
        uint64_t m = p % q;
        p = q;
        q = m;
    }
    return p;
}

static void bitwise(enum op op, atom_t name, struct num *a, struct num *b, struct num *r)
{
    need_int(a, name, 2);
    need_int(b, name, 2);
    if (a->k == N_INT && b->k == N_INT) {
        switch (op) {
        case OP_AND:
            set_int(r, a->i & b->i);
            return;
        case OP_OR:
            set_int(r, a->i | b->i);
            return;
        case OP_XOR:
            set_int(r, a->i ^ b->i);
            return;
        default: {
            uint64_t g = gcd_u64(a->i < 0 ? -(uint64_t)a->i : (uint64_t)a->i,
                                 b->i < 0 ? -(uint64_t)b->i : (uint64_t)b->i);
            if (g <= (uint64_t)INT64_MAX) {
                set_int(r, (int64_t)g);
            } else {
                mpz_set_ui(out(r), g);
            }
            return;
        }
        }
    }
    as_big(a);
    as_big(b);
    mpz_ptr z = out(r);
    switch (op) {
    case OP_AND:
        mpz_and(z, a->z, b->z);
        break;
    case OP_OR:
        mpz_ior(z, a->z, b->z);
        break;
    case OP_XOR:
        mpz_xor(z, a->z, b->z);
        break;
    default:
        mpz_gcd(z, a->z, b->z);
        break;
    }
    norm(r);
}

/* min and max: a NaN loses to a number; between equal values of both types
 * the float wins (swipl 9.0.4: max(1, 1.0) and min(1, 1.0) are 1.0), of one
 * type the second; -0.0 is below 0 and 0.0 (max(-0.0, 0) is 0). */
static void min_max(bool want_max, struct num *a, struct num *b, struct num *r)
{
    int c = num_cmp(a, b);
    if (c == 0 && is_zero(a)) /* -0.0 below 0 and 0.0: max(-0.0, 0) is 0 */
        c = (a->k != N_FLT || !signbit(a->f)) - (b->k != N_FLT || !signbit(b->f));
    const struct num *pick;
    if (c == 2)
        pick = a->k == N_FLT && isnan(a->f) ? b : a;
    else if (c == 0)
        pick = a->k == N_FLT && b->k != N_FLT ? a : b;
    else
        pick = (c < 0) == want_max ? b : a;
    *r = *pick;
}

/* + - * on two int64_t, or false on overflow. */
static bool small_arith(enum op op, int64_t p, int64_t q, int64_t *v)
{
    switch (op) {
    case OP_ADD:
        return !__builtin_add_overflow(p, q, v);
    case OP_SUB:
        return !__builtin_sub_overflow(p, q, v);
    default:
        return !__builtin_mul_overflow(p, q, v);
    }
}

static void eval2(enum op op, atom_t name, term_t x, term_t y, struct num *r)
{
    struct num a, b;
    /* right to left, as swipl: of two errors, the right operand's is raised */
    eval(y, &b);
    eval(x, &a);
    switch (op) {
    case OP_ADD:
    case OP_SUB:
    case OP_MUL: {
        if (a.k == N_INT && b.k == N_INT) {
            int64_t v;
            if (small_arith(op, a.i, b.i, &v)) {
                set_int(r, v);
                return;
            }
        }
        if (a.k == N_FLT || b.k == N_FLT) {
            double p = to_float(&a), q = to_float(&b);
            set_checked(r, op == OP_ADD ? p + q : op == OP_SUB ? p - q : p * q);
            return;
        }
        as_big(&a);
        as_big(&b);
        mpz_ptr z = out(r);
        if (op == OP_ADD) {
            mpz_add(z, a.z, b.z);
        } else if (op == OP_SUB) {
            mpz_sub(z, a.z, b.z);
        } else {
            big_check_size((double)big_bits(a.z) + (double)big_bits(b.z));
            mpz_mul(z, a.z, b.z);
        }
        norm(r);
        return;
    }
    case OP_DIV:
        if (a.k != N_FLT && b.k != N_FLT) {
            if (is_zero(&b))
                zero_div(name, 2);
            int_divide(&a, &b, r);
            return;
        } else {
            double p = to_float(&a), q = to_float(&b);
            if (q == 0.0 && !isnan(p) && p != 0.0)
                zero_div(name, 2);
            if (a.k != N_FLT && isinf(q)) { /* swipl 9.0.4: 1/inf is the integer 0 */
                set_int(r, 0);
                return;
            }
            set_checked(r, p / q);
        }
        return;
    case OP_IDIV:
    case OP_MOD:
    case OP_REM:
    case OP_FLOORDIV:
        int_division(op, name, &a, &b, r);
        return;
    case OP_MIN:
    case OP_MAX:
        min_max(op == OP_MAX, &a, &b, r);
        return;
    case OP_POW:
    case OP_CARET:
        power(&a, &b, r);
        return;
    case OP_ATAN2: {
        double p = to_float(&a), q = to_float(&b);
        if (isinf(p) || isinf(q))
            check_float(INFINITY);
        set_checked(r, atan2(p, q));
        return;
    }
    case OP_COPYSIGN: {
        /* swipl 9.0.4 keeps an integer first argument an integer */
        bool neg = b.k == N_FLT ? signbit(b.f) != 0 : sign_of(&b) < 0;
        if (a.k == N_FLT) {
            set_checked(r, copysign(a.f, neg ? -1.0 : 1.0));
        } else if ((sign_of(&a) < 0) != neg) {
            struct num m = a;
            eval_neg(&m, r);
        } else {
            *r = a;
        }
        return;
    }
    case OP_SHL:
    case OP_SHR:
        shift(&a, &b, op == OP_SHL, name, r);
        return;
    case OP_AND:
    case OP_OR:
    case OP_XOR:
    case OP_GCD:
        bitwise(op, name, &a, &b, r);
        return;
    default:
        err_type(ATOM_evaluable, err_pred_indicator(name, 2));
    }
}

/* The code of the one character the UTF-8 text s[0..len-1] holds, or -1. */
static int64_t one_char(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    if (len == 1)
        return s[0] < 0x80 ? s[0] : -1;
    int n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 0;
    if ((size_t)n != len)
        return -1;
    int64_t c = s[0] & (0x7f >> n);
    for (int i = 1; i < n; i++)
        c = c << 6 | (s[i] & 0x3f);
    return c;
}

/* swipl's error for a string or list that is not one character:
 * error(type_error([], T), context(system:is/2, Message)). */
static _Noreturn void one_char_error(term_t t)
{
    term_t pi = term_new_var();
    functor_t f = solve_current_functor();
    if (f != (functor_t)-1)
        pi = term_compound2(FUNCTOR_colon2, term_atom(ATOM_system),
                            err_pred_indicator(functor_name(f), functor_arity(f)));
    term_t msg = term_atom(atom_from_cstr("\"x\" must hold one character"));
    term_t ctx = term_compound2(FUNCTOR_context2, pi, msg);
    solve_throw(term_compound2(FUNCTOR_error2, term_compound2(FUNCTOR_type_error2, TERM_NIL, t), ctx));
}

/* [X] evaluates to X when X is a code, or to the code of a one-character
 * atom X; a longer list is an error. */
static void eval_list(term_t t, struct num *r)
{
    if (term_deref(term_arg(t, 2)) != TERM_NIL)
        one_char_error(t);
    term_t x = term_deref(term_arg(t, 1));
    if (term_is_var(x))
        err_instantiation();
    if (term_is_integer(x)) {
        eval(x, r);
        return;
    }
    int64_t c = -1;
    if (term_is_atom(x)) {
        atom_t a = term_get_atom(x);
        c = one_char(atom_name(a), atom_length(a));
    }
    if (c < 0)
        err_type(atom_from_cstr("character"), x);
    set_int(r, c);
}

static enum op op_of(atom_t a, unsigned arity) { return a < A->natoms ? (enum op)A->ops[arity][a] : OP_NONE; }

static void eval(term_t t, struct num *r)
{
    t = term_deref(t);
    switch (term_tag(t)) {
    case TAG_INT:
        set_int(r, term_get_smallint(t));
        return;
    case TAG_FLT:
        set_flt(r, term_get_float(t));
        return;
    case TAG_BIG:
        if (!term_get_int64(t, &r->i)) {
            big_view(t, r->z);
            r->k = N_BIG;
        } else {
            r->k = N_INT;
        }
        return;
    case TAG_REF:
        err_instantiation();
    case TAG_ATOM: {
        atom_t a = term_get_atom(t);
        if (t == TERM_NIL)
            err_type(ATOM_evaluable, t); /* swipl 7: [] is special, not []/0 */
        eval0(op_of(a, 0), a, r);
        return;
    }
    case TAG_STRG: {
        /* "a" evaluates to its character code, as [a] does */
        size_t len;
        const char *s = term_string_chars(t, &len);
        int64_t c = len ? one_char(s, len) : -1;
        if (c < 0)
            one_char_error(t);
        set_int(r, c);
        return;
    }
    case TAG_STR: {
        functor_t f = term_functor(t);
        unsigned n = functor_arity(f);
        atom_t name = functor_name(f);
        if (f == FUNCTOR_dot2) {
            eval_list(t, r);
            return;
        }
        if (n == 1) {
            eval1(op_of(name, 1), name, term_arg(t, 1), r);
            return;
        }
        if (n == 2) {
            eval2(op_of(name, 2), name, term_arg(t, 1), term_arg(t, 2), r);
            return;
        }
        err_type(ATOM_evaluable, err_pred_indicator(name, n));
    }
    default:
        err_type(ATOM_evaluable, t);
    }
}

/* The start and the end of an evaluation: GMP's scratch blocks go.  At the
 * start they are those an evaluation cut short by an exception left (each
 * of a run of failing evaluations frees its predecessor's). */
static void done(void)
{
    if (big_scratch_live())
        big_release();
}

term_t arith_eval(term_t expr)
{
    struct num r;
    done();
    eval(expr, &r);
    term_t t = num_term(&r);
    done();
    return t;
}

/* is(-X, +Expr) is semidet. */
static bool bi_is(term_t *a) { return unify(a[0], arith_eval(a[1])); }

/* Both sides evaluated and compared: -1, 0, 1, or 2 when unordered (NaN). */
static int compare_exprs(term_t *a)
{
    struct num x, y;
    done();
    eval(a[0], &x); /* left to right here, as swipl: a < b raises for a */
    eval(a[1], &y);
    int c = num_cmp(&x, &y);
    done();
    return c;
}

/* Comparisons (+E1, +E2) are semidet.  NaN is unordered: only =\= holds. */
static bool bi_eq(term_t *a) { return compare_exprs(a) == 0; }
static bool bi_ne(term_t *a) { return compare_exprs(a) != 0; }
static bool bi_lt(term_t *a) { return compare_exprs(a) == -1; }
static bool bi_gt(term_t *a) { return compare_exprs(a) == 1; }
static bool bi_le(term_t *a)
{
    int c = compare_exprs(a);
    return c == -1 || c == 0;
}
static bool bi_ge(term_t *a)
{
    int c = compare_exprs(a);
    return c == 0 || c == 1;
}

/* An integer argument of succ/2 or plus/3 (bound), as a value. */
static void int_arg(term_t t, struct num *r)
{
    if (!term_is_integer(t))
        err_type(ATOM_integer, t);
    done();
    eval(t, r);
}

/* x + d as a term. */
static term_t add_small(struct num *x, int64_t d)
{
    struct num b, r;
    set_int(&b, d);
    if (x->k == N_INT && small_arith(OP_ADD, x->i, d, &r.i)) {
        r.k = N_INT;
    } else {
        as_big(x);
        as_big(&b);
        mpz_add(out(&r), x->z, b.z);
        norm(&r);
    }
    term_t t = num_term(&r);
    done();
    return t;
}

/* succ(?N, ?M) is semidet: M is N + 1, both non-negative integers. */
static bool bi_succ(term_t *a)
{
    term_t x = term_deref(a[0]), y = term_deref(a[1]);
    struct num n;
    if (term_is_var(x)) {
        if (term_is_var(y))
            err_instantiation();
        int_arg(y, &n);
        if (sign_of(&n) < 0)
            err_domain(ATOM_not_less_than_zero, y);
        return sign_of(&n) > 0 && unify(x, add_small(&n, -1));
    }
    int_arg(x, &n);
    if (sign_of(&n) < 0)
        err_domain(ATOM_not_less_than_zero, x);
    if (!term_is_var(y)) {
        struct num m;
        int_arg(y, &m);
        if (sign_of(&m) < 0)
            err_domain(ATOM_not_less_than_zero, y);
    }
    return unify(y, add_small(&n, 1));
}

/* The integer sum or difference of two bound integer arguments. */
static term_t int_op(enum op op, term_t x, term_t y)
{
    struct num p, q, r;
    int_arg(x, &p);
    int_arg(y, &q);
    if (p.k == N_INT && q.k == N_INT && small_arith(op, p.i, q.i, &r.i)) {
        r.k = N_INT;
    } else {
        as_big(&p);
        as_big(&q);
        if (op == OP_ADD)
            mpz_add(out(&r), p.z, q.z);
        else
            mpz_sub(out(&r), p.z, q.z);
        norm(&r);
    }
    term_t t = num_term(&r);
    done();
    return t;
}

/* plus(?X, ?Y, ?Z) is semidet: Z is X + Y, two of them bound integers. */
static bool bi_plus(term_t *a)
{
    term_t x = term_deref(a[0]), y = term_deref(a[1]), z = term_deref(a[2]);
    if (!term_is_var(x) && !term_is_var(y)) {
        if (!term_is_var(z) && !term_is_integer(z))
            err_type(ATOM_integer, z);
        return unify(z, int_op(OP_ADD, x, y));
    }
    if (!term_is_var(x) && !term_is_var(z))
        return unify(y, int_op(OP_SUB, z, x));
    if (!term_is_var(y) && !term_is_var(z))
        return unify(x, int_op(OP_SUB, z, y));
    err_instantiation();
}

/* A bound integer argument (instantiation and type errors). */
static term_t need_bound_int(term_t t)
{
    t = term_deref(t);
    if (term_is_var(t))
        err_instantiation();
    if (!term_is_integer(t))
        err_type(ATOM_integer, t);
    return t;
}

/* Compare two integer terms: -1, 0 or 1.  Reads bignums in place, so it
 * writes nothing (between/3 decides its probe with it). */
static int int_cmp(term_t a, term_t b)
{
    if (term_is_smallint(a) && term_is_smallint(b)) {
        int64_t p = term_get_smallint(a), q = term_get_smallint(b);
        return (p > q) - (p < q);
    }
    struct num x, y;
    done();
    eval(a, &x);
    eval(b, &y);
    int c = num_cmp(&x, &y);
    done();
    return c;
}

/* The integer term lo + off (off >= 0). */
static term_t int_offset(term_t lo, int64_t off)
{
    if (term_is_smallint(lo)) {
        int64_t v;
        if (!__builtin_add_overflow(term_get_smallint(lo), off, &v))
            return term_int(v);
    }
    struct num n;
    done();
    eval(lo, &n);
    return add_small(&n, off);
}

/* between(+Low, +High, ?X) is nondet: Low =< X =< High, integers of any
 * size; High may be inf or infinite.  alt - 1 is the offset from Low of the
 * value to produce (alt 0: the first); a long's range of offsets is more
 * than any enumeration reaches.  X bound, or Low >= High: deterministic
 * (the ND_PROBE call). */
static long bi_between(term_t *a, long alt)
{
    term_t lo = need_bound_int(a[0]);
    term_t hi = term_deref(a[1]);
    bool inf = term_is_atom(hi) && (term_get_atom(hi) == A->inf || term_get_atom(hi) == A->infinite);
    if (!inf)
        hi = need_bound_int(hi);
    term_t x = term_deref(a[2]);
    if (!term_is_var(x)) {
        if (!term_is_integer(x))
            err_type(ATOM_integer, x);
        return int_cmp(lo, x) <= 0 && (inf || int_cmp(x, hi) <= 0) ? 0 : -1;
    }
    int c = inf ? -1 : int_cmp(lo, hi);
    if (c > 0)
        return -1;
    if (alt == ND_PROBE) { /* one solution at most when lo == hi */
        if (c < 0)
            return ND_PROBE;
        alt = 0;
    }
    int64_t off = alt ? alt - 1 : 0;
    term_t v = int_offset(lo, off);
    term_bind(x, v);
    if (!inf && int_cmp(v, hi) >= 0)
        return 0;
    return (long)off + 2;
}

static bool arith_init(void)
{
    big_init();
    A = mem_pzalloc(sizeof *A);
    if (!A)
        return false;
    atom_t names[sizeof functions / sizeof functions[0]];
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        names[i] = atom_from_cstr(functions[i].name);
    A->natoms = atom_count();
    for (unsigned k = 0; k < 3; k++)
        if (!(A->ops[k] = mem_pzalloc(A->natoms)))
            return false;
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++)
        A->ops[functions[i].arity][names[i]] = (uint8_t)functions[i].op;
    seed_from_clock();
    A->inf = atom_from_cstr("inf");
    A->infinite = atom_from_cstr("infinite");
    return true;
}

void arith_register(void)
{
    if (!arith_init())
        return;
    db_register_det("is", 2, bi_is);
    db_register_test("=:=", 2, bi_eq);
    db_register_test("=\\=", 2, bi_ne);
    db_register_test("<", 2, bi_lt);
    db_register_test(">", 2, bi_gt);
    db_register_test("=<", 2, bi_le);
    db_register_test(">=", 2, bi_ge);
    db_register_det("succ", 2, bi_succ);
    db_register_det("set_random", 1, bi_set_random);
    db_register_det("plus", 3, bi_plus);
    db_register_nondet_probe("between", 3, bi_between);
}
