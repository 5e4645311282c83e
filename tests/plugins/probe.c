/* probe.c: a plugin for the tests (tests/prolog/plugin_*.pl): each
 * predicate shows one property of plugins under snapshots. */
#include <snaplog.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A global counter: bumps are undone by backtracking. */
static long count;

static bool bump(sl_term *a) { return sl_unify_int64(a[0], ++count); }

/* A malloc'd list: pushes (and their mallocs) are undone by backtracking. */
struct node {
    long v;
    struct node *next;
};
static struct node *head;

static bool push(sl_term *a)
{
    struct node *n = malloc(sizeof *n);
    if (!n)
        return false;
    n->v = (long)sl_need_int64(a[0]);
    n->next = head;
    head = n;
    return true;
}

static bool pop(sl_term *a)
{
    struct node *n = head;
    if (!n)
        return false;
    head = n->next;
    long v = n->v;
    free(n);
    return sl_unify_int64(a[0], v);
}

static bool items(sl_term *a)
{
    sl_term l = sl_nil();
    for (struct node *n = head; n; n = n->next)
        l = sl_cons(sl_new_int64(n->v), l);
    return sl_unify(a[0], l);
}

/* Made by install: outlives backtracking past the load. */
static char *greeting;

static bool hello(sl_term *a) { return sl_unify_atom(a[0], greeting); }

/* Errors as ISO error terms. */
static bool twice(sl_term *a) { return sl_unify_int64(a[1], 2 * sl_need_int64(a[0])); }

static bool shout(sl_term *a)
{
    size_t n;
    const char *s = sl_need_text(a[0], &n);
    char buf[256];
    if (n >= sizeof buf)
        sl_domain_error("short_text", a[0]);
    for (size_t i = 0; i < n; i++)
        buf[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
    return sl_unify(a[1], sl_new_string(buf, n));
}

/* Nondeterminism: digit(D) gives 0..9; pair(X, Y) two nested choices. */
static bool digit(sl_term *a) { return sl_unify_int64(a[0], sl_choose(10)); }

static bool pair(sl_term *a)
{
    long x = sl_choose(3);
    count += 100; /* undone on each backtrack, as any write */
    long y = sl_choose(2);
    return sl_unify_int64(a[0], x) && sl_unify_int64(a[1], y);
}

/* late_error(X, Y): fails in its first alternative (from inside, with
 * sl_fail); in the second, an error that names the predicate, as one
 * raised before a choice does. */
static bool late_error(sl_term *a)
{
    if (sl_choose(2) == 0)
        sl_fail();
    return sl_unify_int64(a[1], sl_need_int64(a[0]));
}

/* fail_inside: fails from inside (sl_fail), not by returning false. */
static bool fail_inside(sl_term *a)
{
    (void)a;
    sl_fail();
}

/* Terms built in C. */
static bool point(sl_term *a)
{
    sl_term xy[2] = {sl_new_float(1.5), sl_new_atom("top")};
    return sl_unify(a[0], sl_new_compound("point", 2, xy));
}

static bool describe(sl_term *a)
{
    const char *name;
    unsigned arity;
    static const char *const types[] = {"var", "atom", "integer", "float", "string", "compound"};
    const char *t = types[sl_type_of(a[0])];
    if (sl_get_functor(a[0], &name, &arity) && arity > 0) {
        sl_term parts[3] = {sl_new_atom(t), sl_new_atom(name), sl_new_int64(arity)};
        return sl_unify(a[1], sl_new_compound("-", 3, parts));
    }
    return sl_unify_atom(a[1], t);
}

/* Output written before a failure appears once (stdio is persistent). */
static bool say(sl_term *a)
{
    printf("said: %s\n", sl_need_atom(a[0]));
    return true;
}

/* A crash in plugin code: a store through a null pointer. */
static bool boom(sl_term *a)
{
    (void)a;
    volatile int *p = NULL;
    *p = 1;
    return true;
}

void install_probe(void)
{
    greeting = strdup("hello from install");
    sl_register("bump", 1, bump);
    sl_register("push", 1, push);
    sl_register("pop", 1, pop);
    sl_register("items", 1, items);
    sl_register("hello", 1, hello);
    sl_register("twice", 2, twice);
    sl_register("shout", 2, shout);
    sl_register("digit", 1, digit);
    sl_register("pair", 2, pair);
    sl_register("late_error", 2, late_error);
    sl_register("fail_inside", 0, fail_inside);
    sl_register("point", 1, point);
    sl_register("describe", 2, describe);
    sl_register("say", 1, say);
    sl_register("boom", 0, boom);
}
