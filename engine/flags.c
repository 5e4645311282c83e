/* flags.c - the Prolog flags: current_prolog_flag/2, set_prolog_flag/2.
 *
 * Three kinds, as swipl has them: read-only flags that describe the system
 * (bounded, max_integer, version, ...), flags a program may change (unknown,
 * double_quotes, occurs_check, ...: each with its set of values), and flags
 * a program creates by setting a name that is not a flag yet.  All of it is
 * persistent memory (DESIGN section 5): set_prolog_flag is not undone by
 * backtracking.
 */
#include "flags.h"

#include <string.h>

#include "control.h"
#include "copy.h"
#include "db.h"
#include "error.h"
#include "mem.h"
#include "unify.h"

/* The integer limits, in one place: integers are unbounded (bignums, GMP),
 * so bounded is false and max_integer/min_integer do not exist, as in
 * swipl 9.0.4. */
#define FLAGS_BOUNDED false
#define FLAGS_MAX_INTEGER INT64_MAX
#define FLAGS_MIN_INTEGER INT64_MIN

/* A changeable flag's value is one of the atoms in vals ("" ends); the
 * first is its default. */
struct rw_flag {
    const char *name;
    const char *vals[6];
};

static const struct rw_flag rw_flags[] = {
    {"unknown", {"error", "fail", "warning", ""}},
    {"double_quotes", {"string", "codes", "chars", "atom", ""}},
    {"back_quotes", {"codes", "chars", "string", "symbol_char", ""}},
    {"occurs_check", {"false", "true", "error", ""}},
    {"debug", {"false", "true", ""}},
    {"char_conversion", {"false", "true", ""}},
    {"iso", {"false", "true", ""}},
    {"report_error", {"true", "false", ""}},
};
#define N_RW (sizeof rw_flags / sizeof rw_flags[0])

static const char *const ro_names[] = {"bounded", "max_integer", "min_integer", "max_tagged_integer",
                                       "min_tagged_integer", "argv", "dialect", "version",
                                       "integer_rounding_function", "max_arity", "last_call_optimisation",
                                       "gc", "prefer_rationals"};
#define N_RO (sizeof ro_names / sizeof ro_names[0])

struct user_flag {
    atom_t name;
    struct pterm *value;
};

struct flags {
    struct pterm *argv;
    atom_t rw[N_RW]; /* current values of rw_flags */
    struct user_flag *user;
    size_t nuser, cap;
};

static struct flags *F;

static bool flags_init(void)
{
    if (!F) {
        F = mem_pzalloc(sizeof *F);
        if (F)
            for (size_t i = 0; i < N_RW; i++)
                F->rw[i] = atom_from_cstr(rw_flags[i].vals[0]);
    }
    return F != NULL;
}

void flags_set_argv(int argc, char **argv)
{
    if (!flags_init())
        return;
    term_t l = TERM_NIL;
    for (int i = argc; i-- > 0;)
        l = term_cons(term_atom(atom_from_cstr(argv[i])), l);
    F->argv = copy_to_persistent(l);
}

atom_t flags_unknown(void) { return flags_init() ? F->rw[0] : ATOM_error; }
atom_t flags_double_quotes(void) { return flags_init() ? F->rw[1] : ATOM_string; }
void flags_set_double_quotes(atom_t v)
{
    if (flags_init())
        F->rw[1] = v;
}
atom_t flags_back_quotes(void) { return flags_init() ? F->rw[2] : ATOM_codes; }
atom_t flags_occurs_check(void) { return flags_init() ? F->rw[3] : ATOM_false; }

static int rw_index(const char *name)
{
    for (size_t i = 0; i < N_RW; i++)
        if (!strcmp(rw_flags[i].name, name))
            return (int)i;
    return -1;
}

static struct user_flag *user_find(atom_t a)
{
    for (size_t i = 0; i < F->nuser; i++)
        if (F->user[i].name == a)
            return &F->user[i];
    return NULL;
}

/* The value of a system flag, or 0 when name is not one. */
static term_t ro_value(const char *name)
{
    if (!strcmp(name, "bounded"))
        return term_atom(FLAGS_BOUNDED ? ATOM_true : ATOM_false);
    if (!strcmp(name, "max_integer"))
        return FLAGS_BOUNDED ? term_int(FLAGS_MAX_INTEGER) : 0;
    if (!strcmp(name, "min_integer"))
        return FLAGS_BOUNDED ? term_int(FLAGS_MIN_INTEGER) : 0;
    if (!strcmp(name, "max_tagged_integer"))
        return term_int(TERM_INT_MAX);
    if (!strcmp(name, "min_tagged_integer"))
        return term_int(TERM_INT_MIN);
    if (!strcmp(name, "argv"))
        return F->argv ? copy_from_persistent(F->argv) : TERM_NIL;
    if (!strcmp(name, "dialect"))
        return term_atom(atom_from_cstr("snaplog"));
    if (!strcmp(name, "version"))
        return term_int(100); /* 0.1.0 as Major*10000 + Minor*100 + Patch, as swipl's */
    if (!strcmp(name, "integer_rounding_function"))
        return term_atom(atom_from_cstr("toward_zero"));
    if (!strcmp(name, "max_arity"))
        return term_atom(atom_from_cstr("unbounded"));
    if (!strcmp(name, "last_call_optimisation") || !strcmp(name, "gc"))
        return TERM_TRUE;
    if (!strcmp(name, "prefer_rationals"))
        return term_atom(ATOM_false);
    return 0;
}

/* The value of flag a, or 0 when there is no such flag. */
static term_t flag_value(atom_t a)
{
    const char *name = atom_name(a);
    int i = rw_index(name);
    if (i >= 0)
        return term_atom(F->rw[i]);
    term_t v = ro_value(name);
    if (v)
        return v;
    struct user_flag *u = user_find(a);
    return u ? copy_from_persistent(u->value) : 0;
}

/* The i-th flag of the enumeration: read-only, changeable, then created. */
static atom_t flag_at(size_t i)
{
    if (i < N_RO)
        return atom_from_cstr(ro_names[i]);
    if (i < N_RO + N_RW)
        return atom_from_cstr(rw_flags[i - N_RO].name);
    return F->user[i - N_RO - N_RW].name;
}

/* current_prolog_flag(?Flag, ?Value) is nondet.  alt: the next flag's index. */
static long bi_current_flag(term_t *a, long alt)
{
    flags_init();
    term_t f = term_deref(a[0]);
    if (!term_is_var(f)) {
        if (!term_is_atom(f))
            err_type(ATOM_atom_t, f);
        term_t v = flag_value(term_get_atom(f));
        return v && unify(a[1], v) ? 0 : -1;
    }
    size_t n = N_RO + N_RW + F->nuser;
    for (size_t i = (size_t)alt; i < n; i++) {
        term_t v = flag_value(flag_at(i));
        if (v && control_unifiable(a[1], v)) {
            unify(f, term_atom(flag_at(i)));
            unify(a[1], v);
            return i + 1 < n ? (long)i + 1 : 0;
        }
    }
    return -1;
}

/* set_prolog_flag(+Flag, +Value) is det. */
static bool bi_set_flag(term_t *a)
{
    flags_init();
    term_t f = term_deref(a[0]);
    term_t v = term_deref(a[1]);
    if (term_is_var(f) || term_is_var(v))
        err_instantiation();
    if (!term_is_atom(f))
        err_type(ATOM_atom_t, f);
    atom_t fa = term_get_atom(f);
    const char *name = atom_name(fa);
    int i = rw_index(name);
    if (i >= 0) {
        if (!term_is_atom(v)) /* swipl: type_error(atom, V) before the domain */
            err_type(ATOM_atom_t, v);
        for (const char *const *p = rw_flags[i].vals; **p; p++)
            if (!strcmp(*p, atom_name(term_get_atom(v)))) {
                F->rw[i] = term_get_atom(v);
                return true;
            }
        err_domain(fa, v);
    }
    if (ro_value(name))
        err_permission(ATOM_modify, atom_from_cstr("flag"), f);
    /* a new flag, or a created one set again (swipl: any value) */
    struct pterm *p = copy_to_persistent(v);
    if (!p)
        err_resource(ATOM_memory);
    struct user_flag *u = user_find(fa);
    if (!u) {
        if (F->nuser == F->cap) {
            size_t cap = F->cap ? F->cap * 2 : 8;
            struct user_flag *n = mem_prealloc(F->user, cap * sizeof *n);
            if (!n) {
                copy_free(p);
                err_resource(ATOM_memory);
            }
            F->user = n;
            F->cap = cap;
        }
        u = &F->user[F->nuser++];
        u->name = fa;
        u->value = NULL;
    }
    if (u->value)
        copy_free(u->value);
    u->value = p;
    return true;
}

void flags_register(void)
{
    flags_init();
    db_register_nondet("current_prolog_flag", 2, bi_current_flag);
    db_register_det("set_prolog_flag", 2, bi_set_flag);
}
