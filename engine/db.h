/* db.h - the clause database: predicates, clauses, first-argument indexing
 * and the logical update view.  All of it is persistent memory (DESIGN
 * section 5): assert and retract are not undone by backtracking.
 *
 * Logical update view (ISO 7.5.4): every change advances a global
 * generation; a clause is visible to a call that started at generation g when
 * born <= g < died.  A running call iterates with the generation it started
 * with, so it neither sees clauses added after it started nor loses clauses
 * retracted meanwhile.  A retracted clause, and a switch's memory that was
 * replaced, are freed once no call that can still resume (a choice point)
 * started at a generation that sees them (db_set_oldest); until then a
 * choice point may still resume from them.
 */
#ifndef ENGINE_DB_H
#define ENGINE_DB_H
#include <stdbool.h>
#include <stdint.h>

#include "copy.h"
#include "term.h"

enum pred_flags {
    PRED_DYNAMIC = 1,       /* dynamic/1, or created by assert */
    PRED_DISCONTIGUOUS = 2, /* discontiguous/1 */
    PRED_DEFINED = 4,       /* has or had clauses, or declared */
    PRED_BUILTIN = 8,       /* a C built-in: fn or nd is set */
    PRED_CONTROL = 16,      /* a control construct handled by the solve loop */
    PRED_SYSTEM = 32,       /* protected: no assert, retract or redefinition */
    PRED_TEST = 64,         /* a det built-in that never binds (type tests, comparisons):
                             * a condition made of these needs no snapshot */
    PRED_ND_PROBE = 128,    /* a nondet built-in first called without a snapshot (ND_PROBE) */
    PRED_CLAUSE_ITER = 256, /* a nondet built-in whose alternatives are clauses (clause/2,
                             * retract/1): its choice points pin the generation */
};

/* A deterministic built-in: args[0..arity-1] are the goal's argument cells
 * (not dereferenced).  Returns true on success, false to fail; raises errors
 * through the err_* helpers (error.h). */
typedef bool (*builtin_det)(term_t *args);
/* A nondeterministic built-in, first called with alt 0.  Returns -1 to fail,
 * 0 for success with no more solutions, or a value > 0 for success with more:
 * on backtracking it is called again with that value as alt (its bindings and
 * every other backtrackable change undone).  The value must not be -1. */
typedef long (*builtin_nondet)(term_t *args, long alt);
/* The first call of a built-in registered with db_register_nondet_probe:
 * made without a snapshot, with alt ND_PROBE.  The built-in either finishes
 * as for alt 0 with -1 or 0 (a deterministic call: no snapshot taken at all),
 * or returns ND_PROBE before it has written anything, and is then called
 * with alt 0 under a snapshot as any other.  It must not return a value > 0. */
#define ND_PROBE (-2L)

struct clause {
    struct pterm *term; /* ':-'(Head, Body); Body is true for a fact */
    struct pterm *code; /* the same compiled for calling (clause.h), or NULL */
    term_t key;         /* first-argument key, 0 = matches anything */
    uint64_t born, died;
    struct clause *next;
    struct pred *pred;
    unsigned line; /* source line, 0 when asserted */
};

struct pindex; /* db.c: the first-argument switch of a static predicate */

struct pred {
    functor_t f;
    unsigned flags;
    struct clause *first, *last;
    size_t nlive; /* clauses not retracted */
    size_t nvarkey; /* of them, those with key 0: two or more, and no call has a single candidate */
    uint64_t changed;      /* generation of the last add or retract */
    struct pindex *index;  /* the switch: built for a call when stale (db.c) */
    struct retired *retired; /* switch memory older calls may still read (db.c) */
    struct clause *grave;  /* retracted clauses unlinked from the list, not yet freed */
    size_t ndead;          /* retracted clauses still in the list */
    size_t compact_at;     /* unlink them when there are more than this */
    uint64_t unflat;       /* == changed: a clause's body is more than tests (solve.c) */
    unsigned char cmp;     /* an arithmetic comparison (CL_CMP_*, clause.h), done in place on small integers */
    builtin_det fn;
    builtin_nondet nd;
    atom_t file; /* file that defined it (consult), or ATOM_user */
    unsigned load_id; /* the consult that defined it last (consult.c) */
    unsigned line;    /* line of its first clause in that file */
    bool warned;      /* discontiguous warning given in this load */
};

/* Set up the predicate table; once, before any snapshot. */
bool db_init(void);

/* The table and the generation, in persistent memory; the pointer is set
 * once by db_init (before any snapshot), so lookups are inline. */
struct db {
    struct pred **by_functor; /* indexed by functor_t */
    size_t cap;
    uint64_t generation;
};
extern struct db *db_state;

/* The predicate for f, or NULL when it has never been mentioned. */
static inline struct pred *db_lookup(functor_t f)
{
    return f < db_state->cap ? db_state->by_functor[f] : NULL;
}
/* The predicate for f, created (undefined, no clauses) if new.  NULL when
 * memory is exhausted. */
struct pred *db_get(functor_t f);

/* Register a C built-in (flags: PRED_SYSTEM implied). */
void db_register_det(const char *name, unsigned arity, builtin_det fn);
/* A det built-in that never binds a variable (PRED_TEST). */
void db_register_test(const char *name, unsigned arity, builtin_det fn);
void db_register_nondet(const char *name, unsigned arity, builtin_nondet fn);
/* A nondet built-in that knows, before writing anything, whether a call has
 * one solution at most (see ND_PROBE). */
void db_register_nondet_probe(const char *name, unsigned arity, builtin_nondet fn);

/* The indexing key of a goal or head: its first argument's atom, small
 * integer or functor header word, or 0 (variable, or something we do not index). */
/* The key of a first argument (not dereferenced). */
static inline term_t db_arg_key(term_t a)
{
    a = term_deref(a);
    switch (term_tag(a)) {
    case TAG_ATOM:
    case TAG_INT:
        return a;
    case TAG_STR:
        return *term_ptr(a); /* the functor header word */
    default:
        return 0;
    }
}

static inline term_t db_key(term_t head) { return term_is_compound(head) ? db_arg_key(term_arg(head, 1)) : 0; }

/* The solve loop's answer to "how old is the oldest call that can still
 * resume": a generation no live call is older than, at most the current
 * one.  Before it is set nothing is freed. */
void db_set_oldest(uint64_t (*fn)(void));

/* The generation now: a call passes it to db_first/db_next. */
static inline uint64_t db_generation(void) { return db_state->generation; }
/* First clause at or after c visible at gen whose key agrees with key. */
static inline struct clause *db_next_match(struct clause *c, term_t key, uint64_t gen)
{
    for (; c; c = c->next)
        if (c->born <= gen && gen < c->died && (!key || !c->key || c->key == key))
            return c;
    return NULL;
}

/* A predicate with at least DB_INDEX_MIN clauses gets a switch on the first
 * argument: a hash table from each key its clauses have to the clauses a
 * call with that key can match (that key or a variable), in order.  A
 * static predicate's is rebuilt at its first call after a change; a
 * dynamic one's is kept up to date by assert and retract (db.c). */
#define DB_INDEX_MIN 8
/* The candidates of a call of p whose first argument has key (!= 0): a
 * NULL-terminated array, in clause order, of the clauses visible now with
 * key key or 0 (and maybe others, invisible at this generation), or NULL
 * when p is not indexed (the caller walks the list).  An array stays valid
 * while a call that started at this generation can resume (it may after p
 * changed: its generation still says which of them it sees). */
struct clause **db_candidates(struct pred *p, term_t key);
/* The first slot at or after s whose clause is visible at gen, or NULL. */
static inline struct clause **db_next_slot(struct clause **s, uint64_t gen)
{
    for (; *s; s++)
        if ((*s)->born <= gen && gen < (*s)->died)
            return s;
    return NULL;
}

/* Add Head :- Body (clause is that term, or a fact) at the end (z) or the
 * front (a).  Copies the term.  Returns NULL and sets *why to the error
 * (an atom: ATOM_memory, ATOM_modify for a static predicate) on failure. */
struct clause *db_add(term_t head, term_t body, bool at_end, unsigned line);
/* Mark c retracted from now on. */
void db_retract(struct clause *c);
/* Retract every clause of p (abolish keeps the predicate known as dynamic). */
void db_retract_all(struct pred *p);

/* Iterate all predicates (listing, current_predicate): i from 0 while true. */
struct pred *db_pred_at(size_t i, bool *more);

#endif
