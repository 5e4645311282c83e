/* flags.c - the Prolog flags: current_prolog_flag/2, set_prolog_flag/2,
 * create_prolog_flag/3.
 *
 * As swipl has them: read-only flags that describe the system (bounded,
 * version, ...), flags a program may change, each with a type (a set of
 * atoms: unknown, double_quotes, ...; a boolean: debug, gc, ...; any term:
 * argv), and flags a program creates, by create_prolog_flag/3 or by
 * setting a name that is not a flag yet, typed by their first value
 * (boolean, atom, integer, float or term) unless declared.  A value of the
 * wrong type is type_error(Type, Value), as swipl raises it (bool for a
 * boolean).  All of it is persistent memory (DESIGN section 5):
 * set_prolog_flag is not undone by backtracking.
 */
#include "flags.h"

#include <string.h>

#include "control.h"
#include "copy.h"
#include "db.h"
#include "error.h"
#include "mem.h"
#include "unify.h"
#include "lang/lex.h"
#include "stdlib/text.h"

/* The integer limits, in one place: integers are unbounded (bignums, GMP),
 * so bounded is false and max_integer/min_integer do not exist, as in
 * swipl 9.0.4. */
#define FLAGS_BOUNDED false
#define FLAGS_MAX_INTEGER INT64_MAX
#define FLAGS_MIN_INTEGER INT64_MIN

/* A flag whose value is one of the atoms in vals ("" ends); the first is
 * its default. */
struct rw_flag {
    const char *name;
    const char *vals[6];
};

static const struct rw_flag rw_flags[] = {
    {"unknown", {"error", "fail", "warning", ""}},
    {"double_quotes", {"string", "codes", "chars", "atom", ""}},
    {"back_quotes", {"codes", "chars", "string", "symbol_char", ""}},
    {"occurs_check", {"false", "true", "error", ""}},
    {"verbose", {"normal", "silent", ""}},
};
#define N_RW (sizeof rw_flags / sizeof rw_flags[0])

/* Boolean flags a program may set (stored; the engine does not read
 * them): name and default. */
static const struct {
    const char *name;
    bool value;
} bool_flags[] = {
    {"debug", false}, {"char_conversion", false}, {"iso", false}, {"report_error", true},
    {"gc", true},     {"last_call_optimisation", true}, {"prefer_rationals", false},
};
#define N_BOOL (sizeof bool_flags / sizeof bool_flags[0])

static const char *const ro_names[] = {"bounded", "max_integer", "min_integer", "max_tagged_integer",
                                       "min_tagged_integer", "dialect", "version",
                                       "integer_rounding_function", "max_arity"};
#define N_RO (sizeof ro_names / sizeof ro_names[0])

/* The type of a created flag. */
enum ftype { FT_BOOL, FT_ATOM, FT_INTEGER, FT_FLOAT, FT_TERM };

struct user_flag {
    atom_t name;
    enum ftype type;
    bool read_only;
    struct pterm *value;
};

struct flags {
    struct pterm *argv;
    atom_t rw[N_RW];    /* current values of rw_flags */
    bool bools[N_BOOL]; /* current values of bool_flags */
    struct user_flag *user;
    size_t nuser, cap;
};

static struct flags *F;

static bool flags_init(void)
{
    if (!F) {
        F = mem_pzalloc(sizeof *F);
        if (F) {
            for (size_t i = 0; i < N_RW; i++)
                F->rw[i] = atom_from_cstr(rw_flags[i].vals[0]);
            for (size_t i = 0; i < N_BOOL; i++)
                F->bools[i] = bool_flags[i].value;
        }
    }
    return F != NULL;
}

static void set_argv(term_t l)
{
    struct pterm *p = copy_to_persistent(l);
    if (!p)
        err_resource(ATOM_memory);
    if (F->argv)
        copy_free(F->argv);
    F->argv = p;
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
bool flags_verbose_silent(void) { return flags_init() && F->rw[4] == ATOM_silent; }
void flags_set_verbose_silent(void)
{
    if (flags_init())
        F->rw[4] = ATOM_silent;
}

static int rw_index(const char *name)
{
    for (size_t i = 0; i < N_RW; i++)
        if (!strcmp(rw_flags[i].name, name))
            return (int)i;
    return -1;
}

static int bool_index(const char *name)
{
    for (size_t i = 0; i < N_BOOL; i++)
        if (!strcmp(bool_flags[i].name, name))
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

static term_t bool_term(bool b) { return term_atom(b ? ATOM_true : ATOM_false); }

/* The value of a read-only system flag, or 0 when name is not one. */
static term_t ro_value(const char *name)
{
    if (!strcmp(name, "bounded"))
        return bool_term(FLAGS_BOUNDED);
    if (!strcmp(name, "max_integer"))
        return FLAGS_BOUNDED ? term_int(FLAGS_MAX_INTEGER) : 0;
    if (!strcmp(name, "min_integer"))
        return FLAGS_BOUNDED ? term_int(FLAGS_MIN_INTEGER) : 0;
    if (!strcmp(name, "max_tagged_integer"))
        return term_int(TERM_INT_MAX);
    if (!strcmp(name, "min_tagged_integer"))
        return term_int(TERM_INT_MIN);
    if (!strcmp(name, "dialect"))
        return term_atom(atom_from_cstr("snaplog"));
    if (!strcmp(name, "version"))
        return term_int(100); /* 0.1.0 as Major*10000 + Minor*100 + Patch, as swipl's */
    if (!strcmp(name, "integer_rounding_function"))
        return term_atom(atom_from_cstr("toward_zero"));
    if (!strcmp(name, "max_arity"))
        return term_atom(atom_from_cstr("unbounded"));
    return 0;
}

/* The value of flag a, or 0 when there is no such flag. */
static term_t flag_value(atom_t a)
{
    const char *name = atom_name(a);
    int i = rw_index(name);
    if (i >= 0)
        return term_atom(F->rw[i]);
    if ((i = bool_index(name)) >= 0)
        return bool_term(F->bools[i]);
    if (!strcmp(name, "argv"))
        return F->argv ? copy_from_persistent(F->argv) : TERM_NIL;
    term_t v = ro_value(name);
    if (v)
        return v;
    struct user_flag *u = user_find(a);
    return u ? copy_from_persistent(u->value) : 0;
}

/* The i-th flag of the enumeration: read-only, changeable, then created. */
#define N_SYS (N_RO + N_RW + N_BOOL + 1)
static atom_t flag_at(size_t i)
{
    if (i < N_RO)
        return atom_from_cstr(ro_names[i]);
    if ((i -= N_RO) < N_RW)
        return atom_from_cstr(rw_flags[i].name);
    if ((i -= N_RW) < N_BOOL)
        return atom_from_cstr(bool_flags[i].name);
    if (i == N_BOOL)
        return atom_from_cstr("argv");
    return F->user[i - N_BOOL - 1].name;
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
    size_t n = N_SYS + F->nuser;
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

/* A boolean value as swipl takes it: true, false, on, off, 1, 0. */
static bool need_bool(term_t v)
{
    if (v == TERM_TRUE || v == term_atom(ATOM_on) || v == term_int(1))
        return true;
    if (v == term_atom(ATOM_false) || v == term_atom(ATOM_off) || v == term_int(0))
        return false;
    err_type(atom_from_cstr("bool"), v);
}

/* v checked against type t (a float flag takes an integer as a float). */
static term_t typed_value(enum ftype t, term_t v)
{
    switch (t) {
    case FT_BOOL:
        return bool_term(need_bool(v));
    case FT_ATOM:
        if (!term_is_atom(v))
            err_type(ATOM_atom_t, v);
        return v;
    case FT_INTEGER:
        if (!term_is_integer(v))
            err_type(ATOM_integer, v);
        return v;
    case FT_FLOAT:
        if (term_is_float(v))
            return v;
        if (term_is_smallint(v))
            return term_float((double)term_get_smallint(v));
        err_type(ATOM_float_t, v);
    case FT_TERM:
        break;
    }
    return v;
}

/* The type a flag takes from its first value. */
static enum ftype type_of(term_t v)
{
    if (v == TERM_TRUE || v == term_atom(ATOM_false))
        return FT_BOOL;
    if (term_is_atom(v))
        return FT_ATOM;
    if (term_is_integer(v))
        return FT_INTEGER;
    if (term_is_float(v))
        return FT_FLOAT;
    return FT_TERM;
}

/* Set the created flag fa (made if new). */
static void user_set(atom_t fa, enum ftype type, bool read_only, term_t v)
{
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
    u->type = type;
    u->read_only = read_only;
}

/* The flag name of f: instantiation and type errors. */
static atom_t need_flag_name(term_t f)
{
    if (term_is_var(f))
        err_instantiation();
    if (!term_is_atom(f))
        err_type(ATOM_atom_t, f);
    return term_get_atom(f);
}

/* Is fa a system flag a program may not change? */
static bool read_only(atom_t fa)
{
    struct user_flag *u = user_find(fa);
    return ro_value(atom_name(fa)) || (u && u->read_only);
}

/* set_prolog_flag(+Flag, +Value) is det. */
static bool bi_set_flag(term_t *a)
{
    flags_init();
    term_t f = term_deref(a[0]);
    term_t v = term_deref(a[1]);
    atom_t fa = need_flag_name(f);
    const char *name = atom_name(fa);
    if (read_only(fa))
        err_permission(ATOM_modify, atom_from_cstr("flag"), f);
    if (!strcmp(name, "argv")) { /* any term, as swipl */
        set_argv(v);
        return true;
    }
    if (term_is_var(v))
        err_instantiation();
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
    if ((i = bool_index(name)) >= 0) {
        F->bools[i] = need_bool(v);
        if (!strcmp(bool_flags[i].name, "char_conversion"))
            rd_conv->on = F->bools[i];
        return true;
    }
    struct user_flag *u = user_find(fa);
    enum ftype t = u ? u->type : type_of(v);
    user_set(fa, t, false, typed_value(t, v));
    return true;
}

/* create_prolog_flag(+Flag, +Value, +Options) is det.  Options:
 * type(boolean|atom|integer|float|term), access(read_write|read_only),
 * keep(Bool) (an existing flag stays as it is). */
static bool bi_create_flag(term_t *a)
{
    flags_init();
    term_t f = term_deref(a[0]);
    term_t v = term_deref(a[1]);
    atom_t fa = need_flag_name(f);
    if (term_is_var(v))
        err_instantiation();
    enum ftype t = type_of(v);
    bool ro = false, keep = false;
    term_t l = term_deref(a[2]);
    for (; term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
        term_t o = term_deref(term_arg(l, 1));
        if (term_is_var(o))
            err_instantiation();
        if (!term_is_compound(o) || functor_arity(term_functor(o)) != 1)
            err_domain(atom_from_cstr("create_prolog_flag_option"), o);
        const char *on = atom_name(functor_name(term_functor(o)));
        term_t x = term_deref(term_arg(o, 1));
        if (!strcmp(on, "type")) {
            atom_t ta = need_flag_name(x);
            static const char *const names[] = {"boolean", "atom", "integer", "float", "term"};
            size_t k = 0;
            while (k < 5 && strcmp(atom_name(ta), names[k]))
                k++;
            if (k == 5)
                err_domain(atom_from_cstr("prolog_flag_type"), x);
            t = (enum ftype)k;
        } else if (!strcmp(on, "access")) {
            atom_t aa = need_flag_name(x);
            if (strcmp(atom_name(aa), "read_only") && strcmp(atom_name(aa), "read_write"))
                err_domain(atom_from_cstr("flag_access"), x);
            ro = !strcmp(atom_name(aa), "read_only");
        } else if (!strcmp(on, "keep")) {
            keep = need_bool(x);
        }
    }
    if (term_is_var(l))
        err_instantiation();
    if (l != TERM_NIL)
        err_type(ATOM_list, a[2]);
    const char *name = atom_name(fa);
    if (ro_value(name) || rw_index(name) >= 0 || bool_index(name) >= 0 || !strcmp(name, "argv"))
        err_permission(ATOM_modify, atom_from_cstr("flag"), f);
    if (keep && user_find(fa))
        return true;
    user_set(fa, t, ro, typed_value(t, v));
    return true;
}

/* char_conversion(+In, +Out) is det: In is read as Out while the
 * char_conversion flag is on (outside quotes); In == Out undoes it.  Both
 * single characters below 256 (type_error(character, C) otherwise). */
static int need_conv_char(term_t t)
{
    t = term_deref(t);
    if (term_is_var(t))
        err_instantiation();
    int c = text_char_of(t);
    if (c < 0 || c > 255)
        err_type(atom_from_cstr("character"), t);
    return c;
}

static bool bi_char_conversion(term_t *a)
{
    int in = need_conv_char(a[0]), out = need_conv_char(a[1]);
    rd_conv->map[in] = (unsigned char)out;
    return true;
}

/* current_char_conversion(?In, ?Out) is nondet: each character below 256
 * with what it is read as (itself when not converted), as swipl gives. */
static long bi_current_char_conversion(term_t *a, long alt)
{
    term_t in = term_deref(a[0]);
    if (!term_is_var(in)) {
        int c = need_conv_char(in);
        return unify(a[1], text_char_atom(rd_conv->map[c])) ? 0 : -1;
    }
    for (int c = (int)alt; c < 256; c++) {
        if (control_unifiable(a[1], text_char_atom(rd_conv->map[c]))) {
            unify(in, text_char_atom(c));
            unify(a[1], text_char_atom(rd_conv->map[c]));
            return c + 1 < 256 ? c + 1 : 0;
        }
    }
    return -1;
}

void flags_register(void)
{
    flags_init();
    /* the conversion table, persistent, set up before any snapshot */
    struct rd_conv *cv = mem_pzalloc(sizeof *cv);
    if (cv) {
        for (int c = 0; c < 256; c++)
            cv->map[c] = (unsigned char)c;
        rd_conv = cv;
    }
    db_register_det("char_conversion", 2, bi_char_conversion);
    db_register_nondet("current_char_conversion", 2, bi_current_char_conversion);
    db_register_nondet("current_prolog_flag", 2, bi_current_flag);
    db_register_det("set_prolog_flag", 2, bi_set_flag);
    db_register_det("create_prolog_flag", 3, bi_create_flag);
}
