/* clause.c - compiled clauses: heads matched in place, bodies built (clause.h).
 *
 * A compiled clause has the layout of a struct pterm after a prefix of
 * CL_META words (below): relative STR and box words, headers, atoms and
 * integers as they are, but each variable occurrence is TAG_REF with the
 * variable's number (not a cell offset) and a mark on its first occurrence
 * (CL_FIRST), and nvars is the number of variables.  slots[n] holds what
 * variable n stands for in the current call, from its first occurrence on.
 *
 * Matching recurses on every argument but the last, which it walks in a
 * loop (lists, s(s(...)) chains), so the C stack grows with the nesting of
 * non-last arguments only; cl_compile refuses clauses nested deeper than
 * MAX_DEPTH that way.
 */
#include "clause.h"

#include <string.h>


#include "db.h"
#include "mem.h"
#include "unify.h"

#define MAX_DEPTH 1000

/* A variable occurrence: its number << 4 | CL_FIRST when it is the first
 * occurrence in the order matching and building visit the clause (head
 * arguments left to right, each depth first, then the body), so the
 * first one stores the slot and a later one reads it: the slots need no
 * clearing per call. */
#define CL_FIRST ((term_t)8)
#define VAR_NO(w) ((size_t)((w) >> 4))

/* A compiled clause's cells start with CL_META words: arity << 32 | nvars,
 * the offset of the head's first argument in the code, the body word, and
 * the offsets of the head program, of the guard and of the clause program
 * (below; 0: none) from cells; the code (offsets relative to its first
 * cell) follows, then the programs. */
#define CL_META 6

/* The head program: for each head argument in order, one instruction
 * that matches it against the goal's argument without walking the code.
 * An instruction word is its opcode | operand << 8:
 *   H_FIRST n       a variable's first occurrence: slot n takes the argument
 *   H_LATER n       a later one: unify slot n with it
 *   H_CONST, c      an atom or small integer: equal, or bind a variable to it
 *   H_STR k, hdr, k sub-instructions (H_FIRST, H_LATER, H_CONST)
 *                   a structure of arity k whose arguments are variables or
 *                   constants (a list cell [X|Xs], f(X, a)): read mode
 *                   against a structure, write mode (built in place) against
 *                   a variable
 *   H_WALK, w       anything else: the code walk (match) from word w */
enum { H_FIRST, H_LATER, H_CONST, H_STR, H_WALK };
#define H_OP(op, x) ((term_t)(x) << 8 | (op))
/* An upper bound of a head program's words for a code of n cells. */
#define H_MAX(n) (3 * (n) + 2)

/* The guard: a body "T1, ..., Tk, !, Rest" whose Ti are calls of test
 * built-ins (cl_set_test_lookup) with at most CL_GUARD_ARGS arguments,
 * each a head variable or a constant, is stored as k, the Rest word, then
 * for each test its function, functor << 8 | arity and its argument words:
 * a shallow try runs the tests on the slots and builds only Rest.  The
 * same for a body "T1, ..., Tk, Rest" with no cut (k | CL_GUARD_LEAD): the
 * tests run before anything is built. */
#define CL_GUARD_LEAD ((term_t)1 << 32)
static void *(*test_lookup)(functor_t f);

void cl_set_test_lookup(void *(*fn)(functor_t f)) { test_lookup = fn; }

/* Calls cl_exec makes itself (cl_set_calls). */
static struct pred *(*call_lookup)(functor_t f, bool *plain);
static bool (*call_plain)(struct pred *p, term_t *args);
static struct clause **(*candidates)(struct pred *p, term_t key);
static const uint64_t *generation;
static uint64_t *inferences;
static volatile int *interrupted;
static functor_t functor_is;

unsigned cl_cmp_kind(functor_t f)
{
    static const char *const names[] = {NULL, "=:=", "=\\=", "<", ">", "=<", ">=", "==", "\\=="};
    if (functor_arity(f) != 2)
        return CL_CMP_NONE;
    for (unsigned k = CL_CMP_EQ; k <= CL_CMP_NID; k++)
        if (functor_name(f) == atom_from_cstr(names[k]))
            return k;
    return CL_CMP_NONE;
}

void cl_set_calls(struct pred *(*lookup)(functor_t f, bool *plain), bool (*call)(struct pred *p, term_t *args),
                  struct clause **(*cands)(struct pred *p, term_t key), const uint64_t *gen, uint64_t *inf,
                  volatile int *intr)
{
    call_lookup = lookup;
    call_plain = call;
    functor_is = functor_intern(atom_from_cstr("is"), 2);
    candidates = cands;
    generation = gen;
    inferences = inf;
    interrupted = intr;
}

/* Persistent scratch (a pointer set once by cl_init): its contents need not
 * survive a restore, but its growth must not be rolled back. */
struct cl_scratch {
    term_t *slots;
    size_t cap;
    struct unify_log log; /* older variables a shallow try bound */
};
static struct cl_scratch *X;

static struct unify_log *log_ptr;
struct unify_log *const *cl_log = &log_ptr;

bool cl_init(void)
{
    if (!X)
        X = mem_pzalloc(sizeof *X);
    if (X)
        log_ptr = &X->log;
    return X != NULL;
}

static inline unsigned hdr_arity(term_t h) { return functor_arity((functor_t)(h >> 4)); }

/* --- compiling ------------------------------------------------------------ */

/* Set CL_FIRST on the first occurrence of each variable in the term at
 * (*w), visited as match and build visit it: the arguments but the last
 * depth first (recursion bounded by MAX_DEPTH), the last by a loop. */
static void mark_first(term_t *base, term_t *w, uint32_t *seen)
{
    for (;;) {
        switch (term_tag(*w)) {
        case TAG_REF:
            if (!seen[VAR_NO(*w)]) {
                seen[VAR_NO(*w)] = 1;
                *w |= CL_FIRST;
            }
            return;
        case TAG_STR: {
            term_t *t = base + (*w >> 3);
            unsigned m = hdr_arity(t[0]);
            for (unsigned j = 1; j < m; j++)
                mark_first(base, &t[j], seen);
            w = &t[m];
            continue;
        }
        default:
            return;
        }
    }
}

static bool h_simple(term_t w)
{
    return term_tag(w) == TAG_REF || term_tag(w) == TAG_ATOM || term_tag(w) == TAG_INT;
}

/* The instruction for a simple word (variable or constant) into out: words written. */
static size_t simple_instr(term_t w, term_t *out)
{
    if (term_tag(w) == TAG_REF) {
        out[0] = H_OP(w & CL_FIRST ? H_FIRST : H_LATER, VAR_NO(w));
        return 1;
    }
    out[0] = H_OP(H_CONST, 0);
    out[1] = w;
    return 2;
}

/* The instruction for head argument (w) into out: words written (at most
 * 2 + 2 * its cells: within H_MAX). */
static size_t head_instr(const term_t *base, term_t w, term_t *out)
{
    if (h_simple(w))
        return simple_instr(w, out);
    if (term_tag(w) == TAG_STR) {
        const term_t *t = base + (w >> 3);
        unsigned k = hdr_arity(t[0]);
        bool flat = true;
        for (unsigned j = 1; j <= k && flat; j++)
            flat = h_simple(t[j]);
        if (flat) {
            size_t np = 2;
            out[0] = H_OP(H_STR, k);
            out[1] = t[0];
            for (unsigned j = 1; j <= k; j++)
                np += simple_instr(t[j], out + np);
            return np;
        }
    }
    out[0] = H_OP(H_WALK, 0);
    out[1] = w;
    return 2;
}

/* Test goal (g) compiled into out at *np (room words in all): false when
 * it is not a call of a test built-in with head variables and constants
 * as arguments (or does not fit). */
static bool test_instr(const term_t *base, term_t g, const uint32_t *inhead, term_t *out, size_t *np, size_t room)
{
    if (term_tag(g) != TAG_STR)
        return false;
    const term_t *gs = base + (g >> 3);
    functor_t f = (functor_t)(gs[0] >> 4);
    unsigned m = hdr_arity(gs[0]);
    void *fn = test_lookup(f);
    if (!fn || m > CL_GUARD_ARGS || *np + 2 + m > room)
        return false;
    for (unsigned j = 1; j <= m; j++) {
        term_t w = gs[j];
        if (term_tag(w) == TAG_REF ? !inhead[VAR_NO(w)] : term_tag(w) != TAG_ATOM && term_tag(w) != TAG_INT)
            return false; /* a variable the head has not set, or a compound */
    }
    out[(*np)++] = (term_t)(uintptr_t)fn;
    out[(*np)++] = (term_t)cl_cmp_kind(f) << 56 | (term_t)f << 8 | m;
    for (unsigned j = 1; j <= m; j++)
        out[(*np)++] = gs[j];
    return true;
}

/* The guard of body word (bw) into out (room words): words written, 0
 * when the body has none.  A guard is the leading tests of the body up
 * to a cut, or (CL_GUARD_LEAD) the leading tests before the first other
 * goal, at least one. */
static size_t guard_program(const term_t *base, term_t bw, const uint32_t *inhead, term_t *out, size_t room)
{
    size_t np = 2, k = 0;
    if (!test_lookup || room < 2)
        return 0;
    for (term_t t = bw;;) {
        bool conj = term_tag(t) == TAG_STR && base[t >> 3] == term_hdr_functor(FUNCTOR_comma2);
        term_t g = conj ? base[(t >> 3) + 1] : t;
        if (g == term_atom(ATOM_cut)) {
            if (!k) /* "!, Rest": the clause program matches and builds in one */
                return 0;
            out[0] = k;
            out[1] = conj ? base[(t >> 3) + 2] : TERM_TRUE;
            return np;
        }
        if (!conj || !test_instr(base, g, inhead, out, &np, room)) {
            if (!k)
                return 0;
            out[0] = k | CL_GUARD_LEAD;
            out[1] = t; /* the rest starts with this goal */
            return np;
        }
        k++;
        t = base[(t >> 3) + 2];
    }
}

/* The clause program: the head matched and the body built by one call
 * (cl_exec), each instruction a whole pattern with its operands resolved
 * at compile time, dispatched by computed goto.  An instruction word is
 * op | i << 8 | a << 16 | b << 40 (i: a head argument's index or a tag; a
 * and b: slot numbers or body cell indices, 24 bits each).
 *  The head, one instruction per argument i:
 *   E_FIRST a          slot a takes argument i
 *   E_LATER a          unify slot a with it
 *   E_CONST, c         an atom or small integer: equal, or bind a variable
 *   E_LIST_FF a b      [A|B] with A and B first occurrences of slots a, b:
 *                      read mode against a list cell, write mode (built in
 *                      place, the variable bound to it) against a variable;
 *                      E_LIST_LF, E_LIST_FL, E_LIST_LL: later occurrences
 *   E_STR k, hdr, k sub-words   another flat structure (a sub-word is its
 *                      kind E_SUB_* | slot << 8, a constant followed by it)
 *   E_WALK, w          anything else: the code walk (match) from word w
 *  The body: E_BODY a reserves its a cells at once (one bounds check) at
 *  p, then one instruction per cell, in the order build would fill them
 *  (so the first-occurrence marks hold):
 *   B_W a, w           p[a] = w (a header, atom, small integer, box word)
 *   B_P a b, tag i     p[a] = &p[b] | i
 *   B_N a b            p[a] = slot b = a fresh variable (&p[a])
 *   B_V a b            p[a] = slot b
 *  and last, what the body is: R_W, w; R_P b, tag i (&p[b] | i); R_V b;
 *  R_G b, pred: the structure at p[b], a call of (pred) (cl_set_calls),
 *  which cl_exec may run on.
 *  A body "G1, ..., Gk, Rest" whose Gi call plain built-ins (cl_set_calls)
 *  is built whole, and then, outside a shallow try, its leading goals run
 *  at once, so that the body left is Rest:
 *   X_LEAD b           the whole body is &p[b]; a shallow try stops here
 *   L_CALL a, pred     call (pred) on the arguments of the goal at p[a]
 *   L_IS a, pred       the same for is/2, with X is A + B and A - B done
 *                      here when A and B are small integers (and the sum)
 *   L_CMP a, pred      the same for a comparison (kind in the i field),
 *                      done here as cl_compare_small does it
 *  and last what Rest is: R_G as above, or R_C a (the word in p[a]). */
enum {
    E_FIRST, E_LATER, E_CONST, E_LIST_FF, E_LIST_LF, E_LIST_FL, E_LIST_LL, E_STR, E_WALK,
    E_BODY, B_W, B_P, B_N, B_V, R_W, R_P, R_V, R_G, X_LEAD, L_CALL, L_IS, L_CMP, R_C, E_NOPS
};
#define E_LEAD_MAX 8
enum { E_SUB_FIRST, E_SUB_LATER, E_SUB_CONST };
#define E_FIELD_MAX ((size_t)1 << 24)
#define E_MAX_ARITY 255
#define E_OP(op, i, a, b) ((term_t)(op) | (term_t)(i) << 8 | (term_t)(a) << 16 | (term_t)(b) << 40)
#define E_OP_I(w) ((unsigned)((w) >> 8 & 0xff))

struct ecomp {
    term_t *out;
    size_t n, cap;
    size_t cells;   /* body cells so far */
    term_t res[2];  /* the result instruction, emitted last */
    unsigned nres;
    bool ok;
};

static void e_put(struct ecomp *e, term_t w)
{
    if (e->n < e->cap)
        e->out[e->n++] = w;
    else
        e->ok = false;
}

static void e_op(struct ecomp *e, unsigned op, unsigned i, size_t a, size_t b)
{
    if (a >= E_FIELD_MAX || b >= E_FIELD_MAX)
        e->ok = false;
    e_put(e, E_OP(op, i, a, b));
}

/* The head instruction for argument i (word w). */
static void e_head(struct ecomp *e, const term_t *base, unsigned i, term_t w)
{
    if (term_tag(w) == TAG_REF) {
        e_op(e, w & CL_FIRST ? E_FIRST : E_LATER, i, VAR_NO(w), 0);
        return;
    }
    if (term_tag(w) == TAG_ATOM || term_tag(w) == TAG_INT) {
        e_op(e, E_CONST, i, 0, 0);
        e_put(e, w);
        return;
    }
    if (term_tag(w) == TAG_STR) {
        const term_t *t = base + (w >> 3);
        unsigned k = hdr_arity(t[0]);
        bool flat = true;
        for (unsigned j = 1; j <= k && flat; j++)
            flat = h_simple(t[j]);
        if (flat && t[0] == term_hdr_functor(FUNCTOR_dot2) && term_tag(t[1]) == TAG_REF &&
            term_tag(t[2]) == TAG_REF) {
            unsigned op = (t[1] & CL_FIRST ? 0 : 2) + (t[2] & CL_FIRST ? 0 : 1);
            static const unsigned char lists[4] = {E_LIST_FF, E_LIST_FL, E_LIST_LF, E_LIST_LL};
            e_op(e, lists[op], i, VAR_NO(t[1]), VAR_NO(t[2]));
            return;
        }
        if (flat) {
            e_op(e, E_STR, i, k, 0);
            e_put(e, t[0]);
            for (unsigned j = 1; j <= k; j++) {
                if (term_tag(t[j]) == TAG_REF) {
                    if (VAR_NO(t[j]) >= E_FIELD_MAX)
                        e->ok = false;
                    e_put(e, (term_t)VAR_NO(t[j]) << 8 | (t[j] & CL_FIRST ? E_SUB_FIRST : E_SUB_LATER));
                } else {
                    e_put(e, E_SUB_CONST);
                    e_put(e, t[j]);
                }
            }
            return;
        }
    }
    e_op(e, E_WALK, i, 0, 0);
    e_put(e, w);
}

/* A pointer to body cell c (tag) into cell (cell), or as the result when cell < 0. */
static void e_ptr(struct ecomp *e, long cell, size_t c, unsigned tag)
{
    if (cell >= 0) {
        e_op(e, B_P, tag, (size_t)cell, c);
    } else {
        e->res[0] = E_OP(R_P, tag, 0, c);
        e->nres = 1;
    }
}

/* The body instructions for word w into cell (cell), or as the result
 * when cell < 0: the cells laid out and filled in build's order. */
static void e_body(struct ecomp *e, const term_t *base, term_t w, long cell)
{
    for (;;) {
        switch (term_tag(w)) {
        case TAG_REF:
            if (cell >= 0) {
                e_op(e, w & CL_FIRST ? B_N : B_V, 0, (size_t)cell, VAR_NO(w));
            } else if (w & CL_FIRST) {
                size_t c = e->cells++;
                e_op(e, B_N, 0, c, VAR_NO(w));
                e_ptr(e, -1, c, TAG_REF);
            } else {
                e->res[0] = E_OP(R_V, 0, 0, VAR_NO(w));
                e->nres = 1;
            }
            return;
        case TAG_ATOM:
        case TAG_INT:
            if (cell >= 0) {
                e_op(e, B_W, 0, (size_t)cell, 0);
                e_put(e, w);
            } else {
                e->res[0] = E_OP(R_W, 0, 0, 0);
                e->res[1] = w;
                e->nres = 2;
            }
            return;
        case TAG_STR:
            break;
        default: { /* a box, copied whole */
            const term_t *src = base + (w >> 3);
            size_t k = (size_t)(src[0] >> 4), c = e->cells;
            e->cells += k;
            for (size_t j = 0; j < k; j++) {
                e_op(e, B_W, 0, c + j, 0);
                e_put(e, src[j]);
            }
            e_ptr(e, cell, c, term_tag(w));
            return;
        }
        }
        const term_t *src = base + (w >> 3);
        unsigned m = hdr_arity(src[0]);
        size_t c = e->cells;
        e->cells += m + 1;
        e_op(e, B_W, 0, c, 0);
        e_put(e, src[0]);
        e_ptr(e, cell, c, TAG_STR);
        for (unsigned j = 1; j < m; j++)
            e_body(e, base, src[j], (long)(c + j));
        w = src[m];
        cell = (long)(c + m);
    }
}

/* The clause program of the marked code (base) into out (cap words):
 * words written, 0 when the clause does not fit its fields. */
static size_t clause_program(const term_t *base, term_t *out, size_t cap)
{
    struct ecomp e = {.out = out, .cap = cap, .ok = true};
    const term_t *nk = base + (base[0] >> 3);
    if (term_tag(nk[1]) == TAG_STR) {
        const term_t *h = base + (nk[1] >> 3);
        unsigned m = hdr_arity(h[0]);
        if (m > E_MAX_ARITY)
            return 0;
        for (unsigned j = 1; j <= m; j++)
            e_head(&e, base, j - 1, h[j]);
    }
    size_t at = e.n;
    e_put(&e, 0); /* E_BODY, once the cells are counted */
    /* the leading goals that call plain built-ins: their conjunctions laid
     * out as e_body lays them out, each goal's cell noted */
    size_t lcell[E_LEAD_MAX];
    term_t lcell_w[E_LEAD_MAX];
    struct pred *lpred[E_LEAD_MAX];
    unsigned k = 0;
    term_t w = nk[2];
    long cell = -1;
    while (k < E_LEAD_MAX && call_lookup && term_tag(w) == TAG_STR &&
           base[w >> 3] == term_hdr_functor(FUNCTOR_comma2)) {
        const term_t *src = base + (w >> 3);
        bool plain = false;
        if (term_tag(src[1]) != TAG_STR || !(lpred[k] = call_lookup((functor_t)(base[src[1] >> 3] >> 4), &plain)) ||
            !plain)
            break;
        size_t c = e.cells;
        e.cells += 3;
        e_op(&e, B_W, 0, c, 0);
        e_put(&e, src[0]);
        e_ptr(&e, cell, c, TAG_STR);
        lcell_w[k] = src[1];
        lcell[k++] = e.cells; /* the goal's structure comes next */
        e_body(&e, base, src[1], (long)(c + 1));
        w = src[2];
        cell = (long)(c + 2);
    }
    term_t whole = e.res[0];
    size_t rest = e.cells; /* where Rest's structure is, if it is one */
    e_body(&e, base, w, cell);
    bool plain;
    struct pred *q = term_tag(w) == TAG_STR && call_lookup ? call_lookup((functor_t)(base[w >> 3] >> 4), &plain) : NULL;
    if (k) {
        e_op(&e, X_LEAD, 0, 0, (size_t)(whole >> 40));
        for (unsigned j = 0; j < k; j++) {
            term_t hdr = base[lcell_w[j] >> 3];
            unsigned cmp = cl_cmp_kind((functor_t)(hdr >> 4));
            e_op(&e, hdr == term_hdr_functor(functor_is) ? L_IS : cmp ? L_CMP : L_CALL, cmp, lcell[j], 0);
            e_put(&e, (term_t)(uintptr_t)lpred[j]);
        }
        e.res[0] = q ? E_OP(R_G, 0, 0, rest) : E_OP(R_C, 0, (size_t)cell, 0);
        e.res[1] = (term_t)(uintptr_t)q;
        e.nres = q ? 2 : 1;
    } else if (q) { /* a body of one goal: the call's predicate, looked up now */
        e.res[0] = E_OP(R_G, 0, 0, rest);
        e.res[1] = (term_t)(uintptr_t)q;
        e.nres = 2;
    }
    for (unsigned j = 0; j < e.nres; j++)
        e_put(&e, e.res[j]);
    if (!e.ok || e.cells >= E_FIELD_MAX || !e.nres)
        return 0;
    out[at] = E_OP(E_BODY, 0, e.cells, 0);
    return e.n;
}
/* An upper bound of a clause program's words for a code of n cells. */
#define E_MAX(n) (4 * (n) + 16)

struct pterm *cl_compile(const struct pterm *p)
{
    size_t n = p->ncells;
    /* is_hdr: which cells are functor headers (box payloads look like
     * anything, so only a forward scan can tell); var: the number + 1 of
     * the variable whose home cell this is; depth: recursion a match of
     * the structure at this header needs */
    uint32_t *var = mem_pzalloc(n * sizeof *var), *depth = mem_pzalloc(n * sizeof *depth);
    unsigned char *is_hdr = mem_pzalloc(n);
    struct pterm *c = mem_palloc(sizeof *c + (CL_META + n) * sizeof(term_t));
    if (!var || !depth || !is_hdr || !c)
        goto fail;
    unsigned nv = 0;
    term_t *base = c->cells + CL_META;
    for (size_t i = 0; i < n; i++) {
        term_t w = p->cells[i];
        base[i] = w;
        switch (term_tag(w)) {
        case TAG_HDR:
            if (term_hdr_is_box(w)) {
                size_t k = term_hdr_box_cells(w);
                memcpy(&base[i], &p->cells[i], k * sizeof(term_t));
                i += k - 1;
            } else {
                is_hdr[i] = 1;
            }
            break;
        case TAG_REF: {
            size_t home = (size_t)(w >> 3);
            if (home >= n)
                goto fail;
            if (!var[home])
                var[home] = ++nv;
            base[i] = (term_t)(var[home] - 1) << 4 | TAG_REF;
            break;
        }
        default:
            break;
        }
    }
    /* children lie above their parents in a pterm (copy.c allocates a
     * structure's cells when it first visits it), so one backward pass
     * sees every child before its parent */
    uint32_t max = 0;
    for (size_t i = n; i-- > 0;) {
        if (!is_hdr[i])
            continue;
        unsigned m = hdr_arity(p->cells[i]);
        uint32_t d = 0;
        for (unsigned j = 1; j <= m && i + j < n; j++) {
            term_t w = p->cells[i + j];
            if (term_tag(w) != TAG_STR)
                continue;
            uint32_t dj = depth[w >> 3] + (j < m);
            if (dj > d)
                d = dj;
        }
        depth[i] = d;
        if (d > max)
            max = d;
    }
    if (max > MAX_DEPTH)
        goto fail;
    /* mark the first occurrences (var is reused: which variables were seen) */
    memset(var, 0, n * sizeof *var);
    const term_t *nk = base + (base[0] >> 3);
    if (term_tag(nk[1]) == TAG_STR) {
        term_t *h = base + (nk[1] >> 3);
        for (unsigned j = 1, m = hdr_arity(h[0]); j <= m; j++)
            mark_first(base, &h[j], var);
    }
    /* which variables the head has: their slots are set when the body runs */
    uint32_t *inhead = mem_palloc((nv + 1) * sizeof *inhead);
    if (!inhead)
        goto fail;
    memcpy(inhead, var, (nv + 1) * sizeof *inhead);
    mark_first(base, (term_t *)&nk[2], var);
    size_t np = 0, ng = 0;
    term_t *prog = mem_palloc((H_MAX(n) + n + 2 + E_MAX(n)) * sizeof *prog);
    if (!prog) {
        mem_pfree(inhead);
        goto fail;
    }
    if (term_tag(nk[1]) == TAG_STR) {
        const term_t *h = base + (nk[1] >> 3);
        for (unsigned j = 1, m = hdr_arity(h[0]); j <= m; j++)
            np += head_instr(base, h[j], prog + np);
        /* only first occurrences: cl_match's own loop does that best */
        bool plain = true;
        for (size_t i = 0; i < np && plain; i++)
            plain = (prog[i] & 0xff) == H_FIRST;
        if (plain)
            np = 0;
    }
    ng = guard_program(base, nk[2], inhead, prog + np, n + 2);
    size_t ne = clause_program(base, prog + np + ng, E_MAX(n));
    mem_pfree(inhead);
    c->ncells = CL_META + n;
    c->nvars = nv;
    /* the prefix: what every call needs, one load away */
    const term_t *neck = base + (base[0] >> 3);
    unsigned arity = term_tag(neck[1]) == TAG_STR ? hdr_arity(base[neck[1] >> 3]) : 0;
    c->cells[0] = (term_t)arity << 32 | nv;
    c->cells[1] = arity ? (neck[1] >> 3) + 1 : 0;
    c->cells[2] = neck[2];
    c->cells[3] = 0;
    c->cells[4] = 0;
    c->cells[5] = 0;
    if (np + ng + ne) { /* the programs after the code */
        struct pterm *c2 = mem_prealloc(c, sizeof *c + (CL_META + n + np + ng + ne) * sizeof(term_t));
        if (!c2) {
            mem_pfree(prog);
            goto fail;
        }
        c = c2;
        memcpy(c->cells + CL_META + n, prog, (np + ng + ne) * sizeof *prog);
        c->cells[3] = np ? CL_META + n : 0;
        c->cells[4] = ng ? CL_META + n + np : 0;
        c->cells[5] = ne ? CL_META + n + np + ng : 0;
    }
    mem_pfree(prog);
    if (nv > X->cap) {
        term_t *s = mem_prealloc(X->slots, nv * sizeof *s);
        if (!s)
            goto fail;
        X->slots = s;
        X->cap = nv;
    }
    mem_pfree(var);
    mem_pfree(depth);
    mem_pfree(is_hdr);
    return c;
fail:
    mem_pfree(var);
    mem_pfree(depth);
    mem_pfree(is_hdr);
    mem_pfree(c);
    return NULL;
}

/* --- building ------------------------------------------------------------ */

/* Building writes only fresh heap cells (above the top, which no snapshot
 * can see) and the persistent slots, so it runs without the write barrier
 * (snap.h, snap_register_bump): the caller passes the heap top in and
 * stores it back itself, with the barrier.  Nothing here may call the
 * instrumented helpers of term.h and heap.h, which clang would not inline
 * across the attribute: the few it needs are spelled out. */
#define FRESH_ONLY __attribute__((no_sanitize("kernel-address")))

/* What building reads again and again, in locals: the heap top and limit,
 * the variable slots and the functor table (which a store through a
 * term_t pointer could alias, as far as the compiler knows). */
struct hp {
    term_t *top, *limit;
    term_t *slots;
    const struct functor_entry *functors;
};

FRESH_ONLY static inline unsigned fresh_arity(const struct hp *h, term_t hdr) { return h->functors[hdr >> 4].arity; }

FRESH_ONLY static inline term_t *fresh_alloc(struct hp *h, size_t n)
{
    if ((size_t)(h->limit - h->top) < n)
        heap_overflow(n);
    term_t *p = h->top;
    h->top += n;
    return p;
}

FRESH_ONLY static inline term_t ptr_word(const term_t *p, unsigned tag) { return (term_t)(uintptr_t)p | tag; }

FRESH_ONLY static term_t build(const term_t *code, term_t w, struct hp *h);

/* The word for argument (w) of a structure being built into (cell): a
 * variable met for the first time lives in the cell itself. */
FRESH_ONLY static inline term_t arg_word(const term_t *code, term_t w, term_t *cell, struct hp *h)
{
    switch (w & TAG_MASK) {
    case TAG_REF: {
        term_t *s = &h->slots[VAR_NO(w)];
        if (w & CL_FIRST)
            *s = ptr_word(cell, TAG_REF);
        return *s;
    }
    case TAG_ATOM:
    case TAG_INT:
        return w;
    default:
        return build(code, w, h);
    }
}

FRESH_ONLY static term_t build(const term_t *code, term_t w, struct hp *h)
{
    switch (w & TAG_MASK) {
    case TAG_REF: {
        term_t *s = &h->slots[VAR_NO(w)];
        if (w & CL_FIRST) {
            term_t *v = fresh_alloc(h, 1);
            *v = *s = ptr_word(v, TAG_REF);
        }
        return *s;
    }
    case TAG_ATOM:
    case TAG_INT:
        return w;
    case TAG_STR:
        break;
    default: { /* a box: copied whole */
        const term_t *src = code + (w >> 3);
        size_t k = (size_t)(src[0] >> 4);
        term_t *b = fresh_alloc(h, k);
        for (size_t i = 0; i < k; i++)
            b[i] = src[i];
        return ptr_word(b, w & TAG_MASK);
    }
    }
    term_t result, *dst = &result;
    for (;;) {
        const term_t *src = code + (w >> 3);
        unsigned m = fresh_arity(h, src[0]);
        term_t *t = fresh_alloc(h, m + 1);
        t[0] = src[0];
        *dst = ptr_word(t, TAG_STR);
        for (unsigned i = 1; i < m; i++)
            t[i] = arg_word(code, src[i], &t[i], h);
        w = src[m];
        if ((w & TAG_MASK) != TAG_STR) {
            t[m] = arg_word(code, w, &t[m], h);
            return result;
        }
        dst = &t[m]; /* the last argument: a loop, not a recursion */
    }
}

/* build() with the heap top taken and given back by instrumented code. */
static term_t build_on_heap(const term_t *code, term_t w)
{
    struct hp h = {(term_t *)heap_top, (term_t *)heap_limit, X->slots, *functor_entries};
    term_t t = build(code, w, &h);
    heap_top = (char *)h.top;
    return t;
}

const term_t *cl_guard(const struct pterm *code, unsigned *k, bool *cut)
{
    if (!code->cells[4])
        return NULL;
    const term_t *g = code->cells + code->cells[4];
    *k = (unsigned)g[0];
    *cut = !(g[0] & CL_GUARD_LEAD);
    return g + 2;
}

const term_t *cl_guard_test(const term_t *it, void **fn, functor_t *f, term_t *args, unsigned *cmp)
{
    *fn = (void *)(uintptr_t)it[0];
    *f = (functor_t)(it[1] >> 8);
    *cmp = (unsigned)(it[1] >> 56);
    unsigned m = (unsigned)(it[1] & 0xff);
    for (unsigned j = 0; j < m; j++) {
        term_t w = it[2 + j];
        args[j] = term_tag(w) == TAG_REF ? X->slots[VAR_NO(w)] : w;
    }
    return it + 2 + m;
}

term_t cl_guard_rest(const struct pterm *code)
{
    term_t w = code->cells[code->cells[4] + 1];
    return w == TERM_TRUE ? w : term_deref(build_on_heap(code->cells + CL_META, w));
}

term_t cl_body(const struct pterm *code)
{
    return build_on_heap(code->cells + CL_META, code->cells[2]);
}

/* --- matching ------------------------------------------------------------ */

static int match(const term_t *code, term_t w, term_t a, const char *fresh, const struct functor_entry *fe)
{
    for (;;) {
        if (term_tag(w) == TAG_REF) {
            term_t *s = &X->slots[VAR_NO(w)];
            if (w & CL_FIRST) {
                *s = a;
                return 1;
            }
            return fresh ? unify_logged(*s, a, fresh, &X->log) : unify(*s, a);
        }
        a = term_deref(a);
        if (term_is_var(a)) {
            if (fresh && (const char *)term_ptr(a) < fresh) {
                if (X->log.n == UNIFY_LOG_CAP)
                    return -1;
                X->log.cells[X->log.n++] = term_ptr(a);
            }
            term_bind(a, build_on_heap(code, w));
            return 1;
        }
        switch (term_tag(w)) {
        case TAG_ATOM:
        case TAG_INT:
            return a == w;
        case TAG_STR:
            break;
        default: /* a box: equal as unify compares atomic terms (no write) */
            return term_tag(a) == term_tag(w) && unify(term_mkptr(code + (w >> 3), term_tag(w)), a);
        }
        const term_t *src = code + (w >> 3);
        if (!term_is_compound(a) || *term_ptr(a) != src[0])
            return 0;
        unsigned m = fe[src[0] >> 4].arity;
        const term_t *args = term_args(a);
        for (unsigned i = 1; i < m; i++) {
            term_t wi = src[i];
            if (term_tag(wi) == TAG_REF && (wi & CL_FIRST)) { /* a first occurrence: no call */
                X->slots[VAR_NO(wi)] = args[i - 1];
                continue;
            }
            int r = match(code, wi, args[i - 1], fresh, fe);
            if (r <= 0)
                return r;
        }
        w = src[m];
        a = args[m - 1];
    }
}

/* The head program runs without the write barrier (FRESH_ONLY, as build
 * does): its own stores are to the persistent slots and to fresh cells.
 * What must be logged, a goal variable bound and the heap top moved, goes
 * through the instrumented helpers below; the term helpers it needs are
 * spelled out (clang does not inline across the attribute). */
#define RAW_PTR(w) ((term_t *)(uintptr_t)((w) & ~(term_t)TAG_MASK))

FRESH_ONLY static inline term_t raw_deref(term_t w)
{
    while ((w & TAG_MASK) == TAG_REF) {
        term_t v = *RAW_PTR(w);
        if (v == w)
            break;
        w = v;
    }
    return w;
}

/* Bind the goal variable (a) to (v), recording it when it is older than
 * (fresh) in a shallow try: 1, or -1 when the record is full. */
static __attribute__((noinline)) int bind_goal_var(term_t a, term_t v, const char *fresh)
{
    if (fresh && (const char *)term_ptr(a) < fresh) {
        if (X->log.n == UNIFY_LOG_CAP)
            return -1;
        X->log.cells[X->log.n++] = term_ptr(a);
    }
    term_bind(a, v);
    return 1;
}

static __attribute__((noinline)) term_t *alloc_cells(size_t n) { return heap_alloc(n); }

static __attribute__((noinline)) int unify_slot(term_t s, term_t a, const char *fresh)
{
    return fresh ? unify_logged(s, a, fresh, &X->log) : unify(s, a);
}

/* A simple instruction (H_FIRST, H_LATER, H_CONST) at *pp against the
 * term (a), not dereferenced; *pp moves past it. */
FRESH_ONLY static inline int run_simple(const term_t **pp, term_t a, term_t *slots, const char *fresh)
{
    const term_t *p = *pp;
    switch ((unsigned)(p[0] & 0xff)) {
    case H_FIRST:
        *pp = p + 1;
        slots[p[0] >> 8] = a;
        return 1;
    case H_LATER:
        *pp = p + 1;
        return unify_slot(slots[p[0] >> 8], a, fresh);
    default: /* H_CONST */
        *pp = p + 2;
        a = raw_deref(a);
        if (a == p[1])
            return 1;
        return (a & TAG_MASK) == TAG_REF ? bind_goal_var(a, p[1], fresh) : 0;
    }
}

/* Run the head program (prog) against args: as cl_match. */
FRESH_ONLY static int run_head(const struct pterm *code, const term_t *prog, const term_t *args, unsigned m,
                               const char *fresh, term_t *slots, const struct functor_entry *fe)
{
    for (unsigned i = 0; i < m; i++) {
        term_t op = prog[0];
        int r;
        switch ((unsigned)(op & 0xff)) {
        case H_FIRST:
            slots[op >> 8] = args[i];
            prog++;
            continue;
        case H_STR: {
            unsigned k = (unsigned)(op >> 8);
            term_t hdr = prog[1], a = raw_deref(args[i]);
            const term_t *p = prog + 2;
            if ((a & TAG_MASK) == TAG_REF) { /* write mode: the structure built in place */
                term_t *t = alloc_cells(k + 1);
                t[0] = hdr;
                for (unsigned j = 1; j <= k; j++) {
                    switch ((unsigned)(p[0] & 0xff)) {
                    case H_FIRST:
                        t[j] = slots[p[0] >> 8] = (term_t)(uintptr_t)&t[j] | TAG_REF;
                        p++;
                        break;
                    case H_LATER:
                        t[j] = slots[p[0] >> 8];
                        p++;
                        break;
                    default:
                        t[j] = p[1];
                        p += 2;
                    }
                }
                r = bind_goal_var(a, (term_t)(uintptr_t)t | TAG_STR, fresh);
            } else if ((a & TAG_MASK) == TAG_STR && *RAW_PTR(a) == hdr) {
                const term_t *ga = RAW_PTR(a) + 1;
                r = 1;
                for (unsigned j = 0; j < k && r > 0; j++)
                    r = run_simple(&p, ga[j], slots, fresh);
            } else {
                r = 0;
            }
            if (r <= 0)
                return r;
            prog = p;
            continue;
        }
        case H_WALK:
            r = match(code->cells + CL_META, prog[1], args[i], fresh, fe);
            prog += 2;
            break;
        default:
            r = run_simple(&prog, args[i], slots, fresh);
        }
        if (r <= 0)
            return r;
    }
    return 1;
}

int cl_match(const struct pterm *code, const term_t *args, const char *fresh)
{
    term_t meta = code->cells[0];
    if (code->cells[3]) {
        unsigned m0 = X->log.n;
        int r = run_head(code, code->cells + code->cells[3], args, (unsigned)(meta >> 32), fresh, X->slots,
                         *functor_entries);
        if (r <= 0)
            unify_log_undo(&X->log, m0);
        return r;
    }
    unsigned m0 = X->log.n;
    unsigned m = (unsigned)(meta >> 32); /* 0: an atom, nothing to match */
    const term_t *base = code->cells + CL_META, *h = base + code->cells[1];
    term_t *slots = X->slots;
    for (unsigned i = 0; i < m; i++) {
        term_t w = h[i];
        /* the common cases inline: a variable's first occurrence takes the
         * argument, an atom or small integer meets a bound one */
        if (term_tag(w) == TAG_REF && (w & CL_FIRST)) {
            slots[VAR_NO(w)] = args[i];
            continue;
        }
        if (term_tag(w) == TAG_ATOM || term_tag(w) == TAG_INT) {
            term_t a = term_deref(args[i]);
            if (a == w)
                continue;
            if (!term_is_var(a)) {
                unify_log_undo(&X->log, m0);
                return 0;
            }
        }
        int r = match(base, w, args[i], fresh, *functor_entries);
        if (r <= 0) {
            unify_log_undo(&X->log, m0);
            return r;
        }
    }
    return 1;
}

int cl_unify_logged(term_t a, term_t b, const char *fresh) { return unify_logged(a, b, fresh, &X->log); }

void cl_log_reset(void) { X->log.n = 0; }

/* --- running the clause program ------------------------------------------ */

/* db_arg_key, db_next_match and db_next_slot spelled out for code without
 * the barrier (clang does not inline across the attribute). */
FRESH_ONLY static inline term_t raw_key(term_t a)
{
    a = raw_deref(a);
    switch (a & TAG_MASK) {
    case TAG_ATOM:
    case TAG_INT:
        return a;
    case TAG_STR:
        return *RAW_PTR(a);
    default:
        return 0;
    }
}

FRESH_ONLY static inline struct clause *raw_next_match(struct clause *c, term_t key, uint64_t gen)
{
    for (; c; c = c->next)
        if (c->born <= gen && gen < c->died && (!key || !c->key || c->key == key))
            return c;
    return NULL;
}

FRESH_ONLY static inline struct clause **raw_next_slot(struct clause **s, uint64_t gen)
{
    for (; *s; s++)
        if ((*s)->born <= gen && gen < (*s)->died)
            return s;
    return NULL;
}

/* The clause a call of (q) with arguments (args) runs, chosen as the
 * dispatch loop chooses it, when it is the only candidate and has a
 * program; NULL otherwise (a built-in, an undefined predicate, no
 * candidate or more than one: the loop's business). */
FRESH_ONLY static inline struct clause *single_clause(struct pred *q, const term_t *args)
{
    if (q->fn || q->nd || !(q->flags & (PRED_DEFINED | PRED_DYNAMIC)) || q->nvarkey > 1)
        return NULL;
    term_t key = raw_key(args[0]);
    uint64_t gen = *generation;
    struct clause *c, **s = key && q->nlive >= DB_INDEX_MIN ? candidates(q, key) : NULL;
    if (s) {
        s = raw_next_slot(s, gen);
        if (!s || raw_next_slot(s + 1, gen))
            return NULL;
        c = *s;
    } else {
        c = raw_next_match(q->first, key, gen);
        if (!c || raw_next_match(c->next, key, gen))
            return NULL;
    }
    return c->code && c->code->cells[5] ? c : NULL;
}

/* The heap top back to the global (the walk's build_on_heap reads it). */
static __attribute__((noinline)) void set_heap_top(term_t *top) { heap_top = (char *)top; }

/* One half of a list cell in write mode: the word for cell (t) from slot s. */
#define E_WRITE(first, t, s) ((first) ? (*(t) = (s) = ptr_word((t), TAG_REF)) : (*(t) = (s)))

/* What cl_exec reads seldom: in memory (its address escapes to
 * exec_failed), so that the registers go to what each instruction uses. */
struct xs {
    const struct pterm *code;
    const char *fresh, *stop;
    term_t *body;
    char **top;
    unsigned m0;
};

static __attribute__((noinline)) int exec_failed(const struct xs *x, int r)
{
    if (X->log.n != x->m0)
        unify_log_undo(&X->log, x->m0);
    return r;
}

/* A clause without a program: cl_match and cl_body. */
static __attribute__((noinline)) int exec_generic(const struct pterm *code, const term_t *args, const char *fresh,
                                                  term_t *body, char **top)
{
    int r = cl_match(code, args, fresh);
    if (r > 0) {
        *body = cl_body(code);
        *top = heap_top;
    }
    return r;
}

/* The clause program against args: as cl_match, with *body the body
 * and *top the heap top after it on success.  Runs without the write
 * barrier (as build): its stores are to the slots and to fresh cells, and
 * what must be logged goes through the instrumented helpers (a goal
 * variable bound, unification, the walk); the caller stores the heap top. */
FRESH_ONLY __attribute__((aligned(64))) int cl_exec(const struct pterm *code, const term_t *args, const char *fresh,
                                                    term_t *body, char **top, const char *stop)
{
    if (__builtin_expect(!code->cells[5], 0))
        return exec_generic(code, args, fresh, body, top);
    const term_t *ip = code->cells + code->cells[5];
    struct xs xs = {code, fresh, stop, body, top, X->log.n};
    struct hp hs = {(term_t *)heap_top, (term_t *)heap_limit, X->slots, *functor_entries}, *h = &hs;
    static const void *const ops[E_NOPS] = {
        [E_FIRST] = &&first,     [E_LATER] = &&later,     [E_CONST] = &&constant, [E_LIST_FF] = &&list_ff,
        [E_LIST_LF] = &&list_lf, [E_LIST_FL] = &&list_fl, [E_LIST_LL] = &&list_ll, [E_STR] = &&str,
        [E_WALK] = &&walk,       [E_BODY] = &&body,       [B_W] = &&b_w,          [B_P] = &&b_p,
        [B_N] = &&b_n,           [B_V] = &&b_v,           [R_W] = &&r_w,          [R_P] = &&r_p,
        [R_V] = &&r_v,           [R_G] = &&r_g,           [X_LEAD] = &&x_lead,    [L_CALL] = &&l_call,
        [L_IS] = &&l_is,         [L_CMP] = &&l_cmp,       [R_C] = &&r_c,
    };
    term_t *slots = h->slots, *p = h->top, w, a;
    const term_t lhdr = (term_t)FUNCTOR_dot2 << 4 | TAG_HDR; /* term_hdr_functor, not inlined here */
    const term_t phdr = (term_t)FUNCTOR_plus2 << 4 | TAG_HDR, mhdr = (term_t)FUNCTOR_minus2 << 4 | TAG_HDR;
    int r;
#define E_I(w) ((unsigned)((w) >> 8 & 0xff))
#define E_A(w) ((size_t)((w) >> 16 & (E_FIELD_MAX - 1)))
#define E_B(w) ((size_t)((w) >> 40))
#define NEXT goto *ops[*ip & 0xff]
    NEXT;
first:
    w = *ip++;
    slots[E_A(w)] = args[E_I(w)];
    NEXT;
later:
    w = *ip++;
    r = unify_slot(slots[E_A(w)], args[E_I(w)], xs.fresh);
    if (r <= 0)
        return exec_failed(&xs, r);
    NEXT;
constant:
    w = ip[0];
    a = raw_deref(args[E_I(w)]);
    if (a != ip[1]) {
        if ((a & TAG_MASK) != TAG_REF)
            return exec_failed(&xs, 0);
        if (bind_goal_var(a, ip[1], xs.fresh) < 0)
            return exec_failed(&xs, -1);
    }
    ip += 2;
    NEXT;
    /* a list cell [A|B]: hf, tf say whether A and B are first occurrences */
#define E_LIST(hf, tf)                                                                                                 \
    do {                                                                                                               \
        w = *ip++;                                                                                                     \
        a = raw_deref(args[E_I(w)]);                                                                                   \
        if ((a & TAG_MASK) == TAG_STR) {                                                                               \
            const term_t *ga = RAW_PTR(a);                                                                             \
            if (ga[0] != lhdr)                                                                                         \
                return exec_failed(&xs, 0);                                                                                              \
            if (hf) {                                                                                                  \
                slots[E_A(w)] = ga[1];                                                                                 \
            } else if ((r = unify_slot(slots[E_A(w)], ga[1], xs.fresh)) <= 0) {                                           \
                return exec_failed(&xs, r);                                                                                              \
            }                                                                                                          \
            if (tf) {                                                                                                  \
                slots[E_B(w)] = ga[2];                                                                                 \
            } else if ((r = unify_slot(slots[E_B(w)], ga[2], xs.fresh)) <= 0) {                                           \
                return exec_failed(&xs, r);                                                                                              \
            }                                                                                                          \
        } else if ((a & TAG_MASK) == TAG_REF) {                                                                        \
            term_t *t = fresh_alloc(h, 3);                                                                             \
            t[0] = lhdr;                                                                                               \
            E_WRITE(hf, &t[1], slots[E_A(w)]);                                                                         \
            E_WRITE(tf, &t[2], slots[E_B(w)]);                                                                         \
            if (bind_goal_var(a, ptr_word(t, TAG_STR), xs.fresh) < 0)                                                     \
                return exec_failed(&xs, -1);                                                                                             \
        } else {                                                                                                       \
            return exec_failed(&xs, 0);                                                                                                  \
        }                                                                                                              \
        NEXT;                                                                                                          \
    } while (0)
list_ff:
    E_LIST(1, 1);
list_lf:
    E_LIST(0, 1);
list_fl:
    E_LIST(1, 0);
list_ll:
    E_LIST(0, 0);
str: {
    w = ip[0];
    term_t hdr = ip[1];
    unsigned k = (unsigned)E_A(w);
    ip += 2;
    a = raw_deref(args[E_I(w)]);
    if ((a & TAG_MASK) == TAG_REF) {
        term_t *t = fresh_alloc(h, k + 1);
        t[0] = hdr;
        for (unsigned j = 1; j <= k; j++) {
            term_t s = *ip++;
            switch ((unsigned)(s & 0xff)) {
            case E_SUB_FIRST:
                t[j] = slots[s >> 8] = ptr_word(&t[j], TAG_REF);
                break;
            case E_SUB_LATER:
                t[j] = slots[s >> 8];
                break;
            default:
                t[j] = *ip++;
            }
        }
        if (bind_goal_var(a, ptr_word(t, TAG_STR), xs.fresh) < 0)
            return exec_failed(&xs, -1);
        NEXT;
    }
    if ((a & TAG_MASK) != TAG_STR || *RAW_PTR(a) != hdr)
        return exec_failed(&xs, 0);
    const term_t *ga = RAW_PTR(a) + 1;
    for (unsigned j = 0; j < k; j++) {
        term_t s = *ip++;
        switch ((unsigned)(s & 0xff)) {
        case E_SUB_FIRST:
            slots[s >> 8] = ga[j];
            break;
        case E_SUB_LATER:
            if ((r = unify_slot(slots[s >> 8], ga[j], xs.fresh)) <= 0)
                return exec_failed(&xs, r);
            break;
        default: {
            term_t c = *ip++, x = raw_deref(ga[j]);
            if (x != c) {
                if ((x & TAG_MASK) != TAG_REF)
                    return exec_failed(&xs, 0);
                if (bind_goal_var(x, c, xs.fresh) < 0)
                    return exec_failed(&xs, -1);
            }
        }
        }
    }
    NEXT;
}
walk:
    w = ip[0];
    set_heap_top(h->top);
    r = match(xs.code->cells + CL_META, ip[1], args[E_I(w)], xs.fresh, h->functors);
    h->top = (term_t *)heap_top;
    if (r <= 0)
        return exec_failed(&xs, r);
    ip += 2;
    NEXT;
body:
    w = *ip++;
    p = fresh_alloc(h, E_A(w));
    NEXT;
b_w:
    p[E_A(ip[0])] = ip[1];
    ip += 2;
    NEXT;
b_p:
    w = *ip++;
    p[E_A(w)] = ptr_word(p + E_B(w), E_I(w));
    NEXT;
b_n:
    w = *ip++;
    p[E_A(w)] = slots[E_B(w)] = ptr_word(&p[E_A(w)], TAG_REF);
    NEXT;
b_v:
    w = *ip++;
    p[E_A(w)] = slots[E_B(w)];
    NEXT;
r_w:
    *xs.body = ip[1];
    goto done;
r_p:
    *xs.body = ptr_word(p + E_B(*ip), E_I(*ip));
    goto done;
r_v:
    *xs.body = slots[E_B(*ip)];
    goto done;
x_lead:
    *xs.body = ptr_word(p + E_B(*ip), TAG_STR);
    if (xs.fresh)
        goto done;
    ip++;
    NEXT;
l_call:
    /* a plain built-in: instrumented code, which reads the heap top */
    set_heap_top(h->top);
    r = call_plain((struct pred *)(uintptr_t)ip[1], p + E_A(ip[0]) + 1);
    h->top = (term_t *)heap_top;
    if (!r)
        return exec_failed(&xs, 0);
    ip += 2;
    NEXT;
l_is: {
    /* X is A + B, X is A - B on small integers, X fresh or an integer */
    const term_t *g = p + E_A(*ip);
    term_t e = raw_deref(g[2]), x, y;
    int64_t v;
    if ((e & TAG_MASK) != TAG_STR)
        goto l_call;
    const term_t *ea = RAW_PTR(e);
    if ((ea[0] != phdr && ea[0] != mhdr) || ((x = raw_deref(ea[1])) & TAG_MASK) != TAG_INT ||
        ((y = raw_deref(ea[2])) & TAG_MASK) != TAG_INT)
        goto l_call;
    if (ea[0] == phdr ? __builtin_add_overflow((int64_t)x >> 3, (int64_t)y >> 3, &v)
                      : __builtin_sub_overflow((int64_t)x >> 3, (int64_t)y >> 3, &v))
        goto l_call;
    if (v < TERM_INT_MIN || v > TERM_INT_MAX)
        goto l_call;
    x = raw_deref(g[1]);
    y = (term_t)((uint64_t)v << 3) | TAG_INT;
    if ((x & TAG_MASK) == TAG_REF) {
        term_t *xv = RAW_PTR(x);
        if (xv >= p && xv < h->top) /* a cell of this body: fresh, no log */
            *xv = y;
        else if (bind_goal_var(x, y, NULL) < 0)
            goto l_call;
    } else if (x != y) {
        if ((x & TAG_MASK) == TAG_INT)
            return exec_failed(&xs, 0);
        goto l_call; /* a bignum, a float...: is/2 says */
    }
    ++*inferences;
    ip += 2;
    NEXT;
}
l_cmp: {
    const term_t *g = p + E_A(*ip);
    term_t x = raw_deref(g[1]), y = raw_deref(g[2]);
    if (E_I(*ip) >= CL_CMP_ID) { /* ==, \== (cl_compare_small) */
        unsigned tx = x & TAG_MASK, ty = y & TAG_MASK;
        if (x != y && !((tx == TAG_ATOM || tx == TAG_INT) && (ty == TAG_ATOM || ty == TAG_INT)))
            goto l_call;
        r = (x == y) == (E_I(*ip) == CL_CMP_ID);
        ++*inferences;
        if (!r)
            return exec_failed(&xs, 0);
        ip += 2;
        NEXT;
    }
    if ((x & TAG_MASK) != TAG_INT || (y & TAG_MASK) != TAG_INT)
        goto l_call;
    int64_t u = (int64_t)x >> 3, v = (int64_t)y >> 3;
    switch (E_I(*ip)) {
    case CL_CMP_EQ:
        r = u == v;
        break;
    case CL_CMP_NE:
        r = u != v;
        break;
    case CL_CMP_LT:
        r = u < v;
        break;
    case CL_CMP_GT:
        r = u > v;
        break;
    case CL_CMP_LE:
        r = u <= v;
        break;
    default:
        r = u >= v;
    }
    ++*inferences;
    if (!r)
        return exec_failed(&xs, 0);
    ip += 2;
    NEXT;
}
r_c:
    *xs.body = p[E_A(*ip)];
    goto done;
r_g: {
    /* a last call: run on with the clause it selects, if only one */
    term_t *g = p + E_B(*ip);
    struct clause *c;
    *xs.body = ptr_word(g, TAG_STR);
    if (xs.fresh || (const char *)h->top > xs.stop || *interrupted ||
        !(c = single_clause((struct pred *)(uintptr_t)ip[1], g + 1)))
        goto done;
    ++*inferences;
    args = g + 1;
    xs.code = c->code;
    ip = xs.code->cells + xs.code->cells[5];
    NEXT;
}
done:
    *xs.top = (char *)h->top;
    return 1;
#undef NEXT
#undef E_LIST
}
