/* cyclic.c - acyclic_term/1 and cyclic_term/1: is there a cycle through the
 * compounds of a term (X = f(X), made by unification without the occurs
 * check)?  The walk is the one the term walkers share (engine/wstack.h). */
#include "cyclic.h"

#include "engine/db.h"
#include "engine/error.h"
#include "engine/wstack.h"

void cyclic_need_acyclic(term_t t)
{
    if (!walk_is_acyclic(t))
        err_representation(atom_from_cstr("cyclic_term"));
}

static bool bi_acyclic_term(term_t *a) { return walk_is_acyclic(a[0]); }
static bool bi_cyclic_term(term_t *a) { return !walk_is_acyclic(a[0]); }

void cyclic_register(void)
{
    db_register_test("acyclic_term", 1, bi_acyclic_term);
    db_register_test("cyclic_term", 1, bi_cyclic_term);
}
