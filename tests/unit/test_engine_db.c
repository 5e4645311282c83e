/* test_engine_db.c - the clause database: first-argument keys, clause
 * order, and the logical update view (generations). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "engine/db.h"

static functor_t P1, P2;

static int setup(void **state)
{
    (void)state;
    if (!term_init(1 << 20) || !copy_init() || !db_init())
        return -1;
    P1 = functor_intern(atom_from_cstr("p"), 1);
    P2 = functor_intern(atom_from_cstr("q"), 2);
    return 0;
}

static term_t A(const char *s) { return term_atom(atom_from_cstr(s)); }
static term_t p(term_t x) { return term_compound1(P1, x); }

static int count(struct pred *pr, term_t key, uint64_t gen)
{
    int n = 0;
    for (struct clause *c = db_next_match(pr->first, key, gen); c; c = db_next_match(c->next, key, gen))
        n++;
    return n;
}

static void keys_by_first_argument(void **state)
{
    (void)state;
    assert_true(db_key(p(A("a"))) == A("a"));
    assert_true(db_key(p(term_int(3))) == term_int(3));
    term_t f = term_compound2(P2, A("x"), A("y"));
    assert_true(db_key(p(f)) == *term_ptr(f));
    assert_true(db_key(p(term_new_var())) == 0);
    assert_true(db_key(p(term_float(1.0))) == 0); /* not indexed: matches all */
    assert_true(db_key(A("atom")) == 0);
}

static void indexing_selects_candidates(void **state)
{
    (void)state;
    db_add(p(A("a")), TERM_TRUE, true, 1);
    db_add(p(A("b")), TERM_TRUE, true, 2);
    db_add(p(term_new_var()), TERM_TRUE, true, 3);
    db_add(p(term_int(1)), TERM_TRUE, true, 4);
    struct pred *pr = db_lookup(P1);
    assert_non_null(pr);
    uint64_t g = db_generation();
    assert_int_equal(count(pr, A("a"), g), 2); /* p(a) and p(_) */
    assert_int_equal(count(pr, term_int(1), g), 2);
    assert_int_equal(count(pr, A("zz"), g), 1);
    assert_int_equal(count(pr, 0, g), 4);
    /* clause order is source order */
    struct clause *c = db_next_match(pr->first, 0, g);
    assert_int_equal(c->line, 1);
    assert_int_equal(db_next_match(c->next, 0, g)->line, 2);
}

static void logical_update_view(void **state)
{
    (void)state;
    struct pred *pr = db_lookup(P1);
    uint64_t before = db_generation();
    struct clause *added = db_add(p(A("new")), TERM_TRUE, true, 5);
    assert_int_equal(count(pr, 0, before), 4);         /* a call started before does not see it */
    assert_int_equal(count(pr, 0, db_generation()), 5); /* a new call does */
    uint64_t mid = db_generation();
    db_retract(added);
    assert_int_equal(count(pr, 0, mid), 5); /* still visible to the call that started at mid */
    assert_int_equal(count(pr, 0, db_generation()), 4);
    assert_int_equal(pr->nlive, 4);
    db_retract(added); /* twice is harmless */
    assert_int_equal(pr->nlive, 4);
    /* asserta puts it first */
    db_add(p(A("front")), TERM_TRUE, false, 6);
    assert_int_equal(db_next_match(pr->first, 0, db_generation())->line, 6);
    db_retract_all(pr);
    assert_int_equal(count(pr, 0, db_generation()), 0);
}

static int count_slots(struct clause **s, uint64_t gen)
{
    int n = 0;
    for (s = s ? db_next_slot(s, gen) : NULL; s; s = db_next_slot(s + 1, gen))
        n++;
    return n;
}

static void switch_on_the_first_argument(void **state)
{
    (void)state;
    functor_t r1 = functor_intern(atom_from_cstr("r"), 1);
    for (int i = 0; i < DB_INDEX_MIN - 1; i++)
        db_add(term_compound1(r1, term_int(i)), TERM_TRUE, true, (unsigned)(10 + i));
    struct pred *pr = db_lookup(r1);
    assert_null(db_candidates(pr, term_int(0))); /* too few clauses: the list is walked */
    db_add(term_compound1(r1, term_new_var()), TERM_TRUE, true, 30);
    for (int i = 0; i < 40; i++)
        db_add(term_compound1(r1, term_int(100 + i)), TERM_TRUE, true, (unsigned)(100 + i));
    db_add(term_compound1(r1, A("a")), TERM_TRUE, true, 200);
    uint64_t g = db_generation();
    struct clause **c = db_candidates(pr, term_int(3));
    assert_non_null(c);
    /* r(3) and r(_), in clause order, then the end */
    assert_int_equal(c[0]->line, 13);
    assert_int_equal(c[1]->line, 30);
    assert_null(c[2]);
    assert_int_equal(count_slots(db_candidates(pr, term_int(139)), g), 2);
    assert_int_equal(count_slots(db_candidates(pr, A("a")), g), 2);
    /* a key no clause has: the clauses with a variable first only */
    struct clause **none = db_candidates(pr, A("zz"));
    assert_int_equal(count_slots(none, g), 1);
    assert_int_equal(none[0]->line, 30);
    /* a change makes the switch stale: rebuilt for the next call; the old
     * array still serves a call that started before, by its generation */
    struct clause *late = db_add(term_compound1(r1, term_int(3)), TERM_TRUE, true, 300);
    uint64_t g2 = db_generation();
    assert_int_equal(count_slots(c, g), 2);
    struct clause **c2 = db_candidates(pr, term_int(3));
    assert_true(c2 != c);
    assert_int_equal(count_slots(c2, g2), 3);
    db_retract(c2[0]);
    assert_int_equal(count_slots(c2, g2), 3); /* retracted after the call started */
    assert_int_equal(count_slots(db_candidates(pr, term_int(3)), db_generation()), 2);
    assert_true(db_candidates(pr, term_int(3))[1] == late);
}

/* A dynamic predicate's switch is kept up to date by assert and retract:
 * the run a call took grows in place, at both ends, and a call that
 * started earlier still sees what its generation says. */
static void dynamic_switch_kept_up_to_date(void **state)
{
    (void)state;
    functor_t d1 = functor_intern(atom_from_cstr("d"), 1);
    struct pred *pr = db_get(d1);
    pr->flags |= PRED_DYNAMIC;
    for (int i = 0; i < 20; i++)
        db_add(term_compound1(d1, term_int(i % 10)), TERM_TRUE, true, (unsigned)(10 + i));
    uint64_t g = db_generation();
    struct clause **c = db_candidates(pr, term_int(3));
    assert_int_equal(count_slots(c, g), 2); /* d(3), line 13 and 23 */
    const struct pindex *x0 = pr->index;
    struct clause *z = db_add(term_compound1(d1, term_int(3)), TERM_TRUE, true, 40);
    struct clause *a = db_add(term_compound1(d1, term_int(3)), TERM_TRUE, false, 41);
    struct clause *n = db_add(term_compound1(d1, A("new")), TERM_TRUE, true, 42);
    uint64_t g2 = db_generation();
    assert_int_equal(count_slots(c, g), 2); /* the earlier call does not see them */
    struct clause **c2 = db_candidates(pr, term_int(3));
    assert_int_equal(count_slots(c2, g2), 4);
    assert_true(c2[0] == a);
    assert_true(db_next_slot(c2 + 3, g2)[0] == z);
    assert_true(db_candidates(pr, A("new"))[0] == n);
    /* a clause with a variable first joins every key's run */
    struct clause *v = db_add(term_compound1(d1, term_new_var()), TERM_TRUE, true, 43);
    uint64_t g3 = db_generation();
    assert_int_equal(count_slots(db_candidates(pr, term_int(3)), g3), 5);
    assert_int_equal(count_slots(db_candidates(pr, A("none")), g3), 1);
    assert_true(db_candidates(pr, A("new"))[1] == v);
    assert_true(pr->index == x0); /* updated, not rebuilt */
    /* retracted: invisible from its generation on, seen before */
    db_retract(a);
    uint64_t g4 = db_generation();
    struct clause **c4 = db_candidates(pr, term_int(3));
    assert_int_equal(count_slots(c4, g4), 4);
    assert_int_equal(count_slots(c4, g3), 5);
    /* many retracts: the runs are rebuilt without them, answers unchanged */
    for (struct clause *k = pr->first; k; k = k->next)
        if (k->key == term_int(5) || k->key == term_int(7))
            db_retract(k);
    uint64_t g5 = db_generation();
    assert_int_equal(count_slots(db_candidates(pr, term_int(5)), g5), 1);
    assert_int_equal(count_slots(db_candidates(pr, term_int(3)), g5), 4);
    db_retract_all(pr);
    pr->flags &= ~(unsigned)PRED_DYNAMIC;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keys_by_first_argument),
        cmocka_unit_test(indexing_selects_candidates),
        cmocka_unit_test(logical_update_view),
        cmocka_unit_test(switch_on_the_first_argument),
        cmocka_unit_test(dynamic_switch_kept_up_to_date),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
