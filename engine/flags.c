/* flags.c - the Prolog flags the engine knows. */
#include "flags.h"

#include <string.h>

#include "control.h"
#include "copy.h"
#include "db.h"
#include "error.h"
#include "mem.h"
#include "unify.h"

struct flags {
    struct pterm *argv;
    atom_t unknown;
    atom_t double_quotes, back_quotes; /* what the reader makes of "..." and `...` */
    bool occurs_check;
};

static struct flags *F;

static bool flags_init(void)
{
    if (!F) {
        F = mem_pzalloc(sizeof *F);
        if (F) {
            F->unknown = ATOM_error;
            F->double_quotes = ATOM_string; /* swipl's default (docs/lang.md) */
            F->back_quotes = ATOM_codes;
        }
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

atom_t flags_unknown(void) { return flags_init() ? F->unknown : ATOM_error; }
atom_t flags_double_quotes(void) { return flags_init() ? F->double_quotes : ATOM_string; }
atom_t flags_back_quotes(void) { return flags_init() ? F->back_quotes : ATOM_codes; }

static term_t flag_value(const char *name)
{
    if (!strcmp(name, "bounded"))
        return TERM_TRUE;
    if (!strcmp(name, "max_integer"))
        return term_int(INT64_MAX);
    if (!strcmp(name, "min_integer"))
        return term_int(INT64_MIN);
    if (!strcmp(name, "max_tagged_integer"))
        return term_int(TERM_INT_MAX);
    if (!strcmp(name, "min_tagged_integer"))
        return term_int(TERM_INT_MIN);
    if (!strcmp(name, "unknown"))
        return term_atom(F->unknown);
    if (!strcmp(name, "double_quotes"))
        return term_atom(F->double_quotes);
    if (!strcmp(name, "back_quotes"))
        return term_atom(F->back_quotes);
    if (!strcmp(name, "occurs_check"))
        return term_atom(F->occurs_check ? ATOM_true : ATOM_false);
    if (!strcmp(name, "argv"))
        return F->argv ? copy_from_persistent(F->argv) : TERM_NIL;
    if (!strcmp(name, "dialect"))
        return term_atom(atom_from_cstr("snaplog"));
    if (!strcmp(name, "version"))
        return term_int(100);
    if (!strcmp(name, "integer_rounding_function"))
        return term_atom(atom_from_cstr("toward_zero"));
    return 0;
}

static const char *const flag_names[] = {"bounded", "max_integer", "min_integer", "max_tagged_integer",
                                         "min_tagged_integer", "unknown", "double_quotes", "back_quotes",
                                         "occurs_check", "argv", "dialect", "version",
                                         "integer_rounding_function"};

/* current_prolog_flag(?Flag, ?Value) is nondet. */
static long bi_current_flag(term_t *a, long alt)
{
    flags_init();
    term_t f = term_deref(a[0]);
    if (!term_is_var(f)) {
        if (!term_is_atom(f))
            err_type(ATOM_atom_t, f);
        term_t v = flag_value(atom_name(term_get_atom(f)));
        return v && unify(a[1], v) ? 0 : -1;
    }
    size_t n = sizeof flag_names / sizeof flag_names[0];
    for (size_t i = (size_t)alt; i < n; i++) {
        term_t v = flag_value(flag_names[i]);
        if (control_unifiable(a[1], v)) {
            unify(f, term_atom(atom_from_cstr(flag_names[i])));
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
    atom_t f = err_need_atom(a[0]);
    term_t v = term_deref(a[1]);
    if (term_is_var(v))
        err_instantiation();
    const char *name = atom_name(f);
    if (!strcmp(name, "unknown")) {
        atom_t x = err_need_atom(v);
        if (x != ATOM_error && x != ATOM_fail && x != ATOM_warning)
            err_domain(atom_from_cstr("flag_value"), v);
        F->unknown = x;
        return true;
    }
    if (!strcmp(name, "double_quotes") || !strcmp(name, "back_quotes")) {
        atom_t x = err_need_atom(v);
        if (x != ATOM_codes && x != ATOM_chars && x != ATOM_atom_t && x != ATOM_string)
            err_domain(f, v);
        *(name[0] == 'd' ? &F->double_quotes : &F->back_quotes) = x;
        return true;
    }
    if (!strcmp(name, "occurs_check")) {
        F->occurs_check = term_is_atom(v) && term_get_atom(v) == ATOM_true;
        return true;
    }
    if (flag_value(name))
        return true; /* accepted, read-only or not yet honoured */
    err_domain(atom_from_cstr("prolog_flag"), a[0]);
}

void flags_register(void)
{
    flags_init();
    db_register_nondet("current_prolog_flag", 2, bi_current_flag);
    db_register_det("set_prolog_flag", 2, bi_set_flag);
}
