/* consult.c - loading source files: read, expand, add clauses, run directives. */
#include "consult.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "compare.h"
#include "db.h"
#include "dbpreds.h"
#include "dcg.h"
#include "error.h"
#include "flags.h"
#include "lang/reader.h"
#include "lang/writer.h"
#include "mem.h"
#include "message.h"
#include "solve.h"
#include "stdlib/library.h"
#include "stdlib/stream.h"
#include "stdlib/read.h"
#include "unify.h"

/* An included file, its modification time when read, and the loaded file
 * it belongs to. */
struct included {
    atom_t path, owner;
    int64_t mtime;
};

/* Persistent loader state: survives the restores of directive solves. */
struct loader {
    unsigned next_load_id;
    atom_t *loaded; /* absolute paths loaded so far */
    int64_t *mtime; /* their modification times when loaded (-1: library or gone) */
    size_t nloaded, cap;
    struct included *inc; /* files included by loaded files, for make/0 */
    size_t ninc, inccap;
    struct pterm *main_goal;
    atom_t main_file; /* where initialization(G, main) was */
    long main_line;
    unsigned long errors;
    functor_t *tabled; /* the predicates :- table declared (library(tabling)) */
    size_t ntabled, tabcap;
};

static struct loader *L;

/* The file being loaded (C stack of consult_path; a global so the
 * '$load_clause' built-in sees it). */
struct load_ctx {
    atom_t file;
    const char *path;
    unsigned load_id;
    struct pred *last;
    long line;
    term_t inits; /* initialization/1 goals, a list in reverse order */
    term_t term;  /* the clause being handled ([] in a directive, as swipl), 0: none */
    term_t varnames; /* ['Name'=Var, ...] of the term read last */
    struct load_ctx *outer; /* the load this one runs in (include or consult) */
};

static struct load_ctx *cur;

static bool loader_init(void)
{
    if (!L)
        L = mem_pzalloc(sizeof *L);
    return L != NULL;
}

struct pterm *consult_main_goal(void) { return L ? L->main_goal : NULL; }

const char *consult_main_goal_at(long *line)
{
    *line = L->main_line;
    return atom_name(L->main_file);
}
unsigned long consult_error_count(void) { return L ? L->errors : 0; }

static bool was_loaded(atom_t a)
{
    for (size_t i = 0; i < L->nloaded; i++)
        if (L->loaded[i] == a)
            return true;
    return false;
}

/* A file's modification time in nanoseconds, or -1. */
static int64_t file_mtime(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    return (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
}

/* a is being loaded (again): remember it, and its time for make/0; the
 * files it includes are recorded anew as the load reads them. */
static void mark_loaded(atom_t a)
{
    size_t k = 0;
    for (size_t i = 0; i < L->ninc; i++)
        if (L->inc[i].owner != a)
            L->inc[k++] = L->inc[i];
    L->ninc = k;
    for (size_t i = 0; i < L->nloaded; i++)
        if (L->loaded[i] == a) {
            L->mtime[i] = file_mtime(atom_name(a));
            return;
        }
    if (L->nloaded == L->cap) {
        size_t cap = L->cap ? L->cap * 2 : 16;
        atom_t *n = mem_prealloc(L->loaded, cap * sizeof *n);
        if (!n)
            return;
        L->loaded = n;
        int64_t *t = mem_prealloc(L->mtime, cap * sizeof *t);
        if (!t)
            return;
        L->mtime = t;
        L->cap = cap;
    }
    L->mtime[L->nloaded] = lib_is_file(a) ? -1 : file_mtime(atom_name(a));
    L->loaded[L->nloaded++] = a;
}

/* path was included by owner: remember it with its time for make/0. */
static void mark_included(atom_t path, atom_t owner)
{
    struct included *e = NULL;
    for (size_t i = 0; i < L->ninc && !e; i++)
        if (L->inc[i].path == path && L->inc[i].owner == owner)
            e = &L->inc[i];
    if (!e) {
        if (L->ninc == L->inccap) {
            size_t cap = L->inccap ? L->inccap * 2 : 8;
            struct included *n = mem_prealloc(L->inc, cap * sizeof *n);
            if (!n)
                return;
            L->inc = n;
            L->inccap = cap;
        }
        e = &L->inc[L->ninc++];
        e->path = path;
        e->owner = owner;
    }
    e->mtime = file_mtime(atom_name(path));
}

/* Whether a file owner includes changed since it was read. */
static bool include_changed(atom_t owner)
{
    for (size_t i = 0; i < L->ninc; i++)
        if (L->inc[i].owner == owner && file_mtime(atom_name(L->inc[i].path)) != L->inc[i].mtime)
            return true;
    return false;
}

/* The whole file in persistent memory (fread is not seen by the barrier). */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = mem_palloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        char *nb = mem_prealloc(buf, cap * 2);
        if (!nb)
            mem_pfree(buf);
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    *len = n;
    return buf;
}

static void text_of_term(char *buf, size_t size, term_t t, bool quoted)
{
    wr_options o;
    if (quoted)
        wr_options_writeq(&o);
    else
        wr_options_write(&o);
    o.numbervars = true;
    size_t len;
    char *s = wr_term_to_text(t, &o, &len);
    snprintf(buf, size, "%s", s ? s : "?");
    free(s);
}

static void warn(const char *text)
{
    msg_print_at("Warning", cur->path, cur->line, text);
}

/* --- singletons in branches, as swipl's compiler reports them ---------------
 *
 * Of the named variables (not _X) of a clause: one that occurs only inside
 * a disjunction of the body (; with its -> and *-> branches, nested ones
 * too, not inside call/findall/...) and just once in one of its branches
 * is "Singleton variable in branch"; one that occurs once inside \+ and
 * not before it "Singleton variable in \+" (a binding \+ undoes).  A DCG
 * rule is checked as it is translated. */
struct bvar {
    term_t v;
    const char *name;
    unsigned total, seen;
    bool warned;
};
struct branch_check {
    struct bvar *v;
    size_t n;
    char text[4096];
    size_t len;
};

static unsigned occurrences(term_t v, term_t t, int depth)
{
    t = term_deref(t);
    if (term_is_var(t))
        return t == v;
    if (!term_is_compound(t) || depth > 10000)
        return 0;
    unsigned n = 0;
    for (unsigned i = 1, a = functor_arity(term_functor(t)); i <= a; i++)
        n += occurrences(v, term_arg(t, i), depth + 1);
    return n;
}

static void branch_note(struct branch_check *bc, struct bvar *v, const char *where)
{
    if (v->warned || bc->len >= sizeof bc->text)
        return;
    v->warned = true;
    bc->len += (size_t)snprintf(bc->text + bc->len, sizeof bc->text - bc->len, "%sSingleton variable in %s: %s",
                                bc->len ? "\nWarning:    " : "", where, v->name);
}

static bool is_fn(term_t t, functor_t f) { return term_is_compound(t) && term_functor(t) == f; }

static void branch_walk(struct branch_check *bc, term_t g)
{
    g = term_deref(g);
    if (is_fn(g, FUNCTOR_comma2)) {
        branch_walk(bc, term_arg(g, 1));
        branch_walk(bc, term_arg(g, 2));
        return;
    }
    if (is_fn(g, FUNCTOR_semicolon2)) {
        term_t br[256];
        size_t nb = 0;
        term_t d = g;
        while (is_fn(d, FUNCTOR_semicolon2) && nb < 255) {
            br[nb++] = term_deref(term_arg(d, 1));
            d = term_deref(term_arg(d, 2));
        }
        br[nb++] = d;
        for (size_t i = 0; i < bc->n; i++) {
            struct bvar *v = &bc->v[i];
            unsigned in = 0;
            bool once = false;
            for (size_t k = 0; k < nb; k++) {
                unsigned c = occurrences(v->v, br[k], 0);
                in += c;
                once |= c == 1;
            }
            if (in == v->total && once)
                branch_note(bc, v, "branch");
        }
        for (size_t k = 0; k < nb; k++)
            branch_walk(bc, br[k]);
        return;
    }
    if (is_fn(g, FUNCTOR_arrow2) || is_fn(g, FUNCTOR_softarrow2)) {
        branch_walk(bc, term_arg(g, 1));
        branch_walk(bc, term_arg(g, 2));
        return;
    }
    if (is_fn(g, FUNCTOR_not_provable1)) {
        for (size_t i = 0; i < bc->n; i++)
            if (bc->v[i].seen == 0 && occurrences(bc->v[i].v, term_arg(g, 1), 0) == 1)
                branch_note(bc, &bc->v[i], "\\+");
        branch_walk(bc, term_arg(g, 1));
        return;
    }
    for (size_t i = 0; i < bc->n; i++)
        bc->v[i].seen += occurrences(bc->v[i].v, g, 0);
}

/* Does body have a ; or \+ among its control constructs?  (Most clauses do
 * not, and need no counting.) */
static bool has_branch(term_t g)
{
    g = term_deref(g);
    if (is_fn(g, FUNCTOR_semicolon2) || is_fn(g, FUNCTOR_not_provable1))
        return true;
    if (is_fn(g, FUNCTOR_comma2) || is_fn(g, FUNCTOR_arrow2) || is_fn(g, FUNCTOR_softarrow2))
        return has_branch(term_arg(g, 1)) || has_branch(term_arg(g, 2));
    return false;
}

static void branch_singletons_warning(term_t t, term_t names)
{
    t = term_deref(t);
    term_t clause = t;
    if (term_is_compound(t) && !strcmp(atom_name(functor_name(term_functor(t))), "-->") &&
        functor_arity(term_functor(t)) == 2 && !dcg_translate(t, &clause))
        return;
    clause = term_deref(clause);
    if (!is_fn(clause, FUNCTOR_neck2) || !has_branch(term_arg(clause, 2)))
        return;
    struct bvar vars[256];
    struct branch_check bc = {.v = vars};
    for (term_t l = term_deref(names); term_is_list_cell(l) && bc.n < 256; l = term_deref(term_arg(l, 2))) {
        term_t eq = term_deref(term_arg(l, 1));
        const char *name = atom_name(term_get_atom(term_deref(term_arg(eq, 1))));
        term_t v = term_deref(term_arg(eq, 2));
        if (name[0] == '_' || !term_is_var(v))
            continue;
        unsigned total = occurrences(v, clause, 0);
        vars[bc.n++] = (struct bvar){v, name, total, occurrences(v, term_arg(clause, 1), 0), false};
    }
    if (!bc.n)
        return;
    branch_walk(&bc, term_arg(clause, 2));
    if (bc.len)
        warn(bc.text);
}

static void singletons_warning(term_t list)
{
    char text[4096];
    size_t n = (size_t)snprintf(text, sizeof text, "Singleton variables: [");
    bool first = true;
    for (term_t l = term_deref(list); term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
        term_t eq = term_deref(term_arg(l, 1));
        term_t name = term_deref(term_arg(eq, 1));
        if (atom_name(term_get_atom(name))[0] == '_')
            continue; /* _X: named, but marked as meant to be single */
        if (n < sizeof text)
            n += (size_t)snprintf(text + n, sizeof text - n, "%s%s", first ? "" : ",", atom_name(term_get_atom(name)));
        first = false;
    }
    if (first)
        return;
    if (n < sizeof text)
        snprintf(text + n, sizeof text - n, "]");
    warn(text);
}

/* The text of an exception, as messages word it (malloc'd, the caller
 * frees it). */
static char *exception_text(term_t ball)
{
    wr_sink s;
    wr_sink_buffer(&s);
    msg_exception_text(&s, ball);
    char *m = wr_sink_take(&s, NULL);
    wr_sink_free(&s);
    return m;
}

/* Run a directive once; report failure or error at the directive's line. */
static void run_directive(term_t goal)
{
    term_t ball;
    char text[2048];
    switch (solve(goal, NULL, NULL, &ball)) {
    case SOLVE_TRUE:
        break;
    case SOLVE_FALSE: {
        char g[1800];
        text_of_term(g, sizeof g, goal, true);
        snprintf(text, sizeof text, "Goal (directive) failed: user:%s", g);
        warn(text);
        break;
    }
    case SOLVE_ERROR: {
        char *m = exception_text(ball);
        msg_print_at("ERROR", cur->path, cur->line, m);
        free(m);
        L->errors++;
        break;
    }
    }
}

/* Run an initialization/1 goal after its file, reporting as swipl does at
 * the directive's line: "Initialization goal raised exception:" and the
 * error on the next line, or "Initialization goal failed". */
static void run_init(term_t goal, const char *path, long line)
{
    term_t ball;
    switch (solve(goal, NULL, NULL, &ball)) {
    case SOLVE_TRUE:
        break;
    case SOLVE_FALSE:
        fflush(stdout);
        fprintf(stderr, "Warning: %s:%ld: Initialization goal failed\n", path, line);
        break;
    case SOLVE_ERROR: {
        char *m = exception_text(ball);
        fflush(stdout);
        fprintf(stderr, "ERROR: %s:%ld: Initialization goal raised exception:\n", path, line);
        for (const char *t = m ? m : "";;) { /* each line after "ERROR: " */
            const char *nl = strchr(t, '\n');
            fprintf(stderr, "ERROR: %.*s\n", (int)(nl ? nl - t : (long)strlen(t)), t);
            if (!nl)
                break;
            t = nl + 1;
        }
        free(m);
        L->errors++;
        break;
    }
    }
}

static bool is_f(term_t t, const char *name, unsigned arity)
{
    atom_t n;
    unsigned a;
    return term_name_arity(t, &n, &a) && a == arity && !strcmp(atom_name(n), name);
}

static void consult_path(const char *path, atom_t file);
static term_t expand_goal(term_t g, int depth);
static bool has_goal_expansion(void);

static void directive(term_t d)
{
    d = term_deref(d);
    /* an initialization/1 goal waits for the end of its file, with the
     * file and line of its directive: init(Goal, File, Line) */
    functor_t init3 = functor_intern(atom_from_cstr("init"), 3);
    term_t where[2] = {term_atom(atom_from_cstr(cur->path)), term_int(cur->line)};
    if (is_f(d, "initialization", 1)) {
        cur->inits = term_cons(term_compound(init3, (term_t[]){term_arg(d, 1), where[0], where[1]}), cur->inits);
        return;
    }
    if (is_f(d, "initialization", 2)) {
        term_t when = term_deref(term_arg(d, 2));
        if (term_is_atom(when) && term_get_atom(when) == ATOM_main) {
            if (L->main_goal)
                copy_free(L->main_goal);
            L->main_goal = copy_to_persistent(term_arg(d, 1));
            L->main_file = atom_from_cstr(cur->path);
            L->main_line = cur->line;
        } else if (term_is_atom(when) && !strcmp(atom_name(term_get_atom(when)), "now")) {
            run_directive(term_arg(d, 1));
        } else {
            cur->inits = term_cons(term_compound(init3, (term_t[]){term_arg(d, 1), where[0], where[1]}), cur->inits);
        }
        return;
    }
    if (is_f(d, "module", 2)) {
        /* one module, user: every predicate is visible; but the operators
         * a module exports are the importer's too, as in swipl */
        for (term_t l = term_deref(term_arg(d, 2)); term_is_list_cell(l); l = term_deref(term_arg(l, 2)))
            if (is_f(term_deref(term_arg(l, 1)), "op", 3))
                run_directive(term_arg(l, 1));
        return;
    }
    if (is_f(d, "include", 1)) {
        term_t f = term_deref(term_arg(d, 1));
        if (term_is_atom(f)) {
            /* an included file's clauses belong to the including file */
            char dir[PATH_MAX], full[PATH_MAX * 2];
            snprintf(dir, sizeof dir, "%s", cur->path);
            char *slash = strrchr(dir, '/');
            const char *name = atom_name(term_get_atom(f));
            if (name[0] != '/' && slash) {
                slash[1] = 0;
                snprintf(full, sizeof full, "%s%s", dir, name);
            } else {
                snprintf(full, sizeof full, "%s", name);
            }
            struct stat st;
            if (stat(full, &st) != 0 && strlen(full) + 3 < sizeof full)
                strcat(full, ".pl");
            mark_included(atom_from_cstr(full), cur->file);
            consult_path(full, cur->file);
            return;
        }
    }
    run_directive(has_goal_expansion() ? expand_goal(d, 0) : d);
}

static bool is_tabled(functor_t f)
{
    for (size_t i = 0; i < L->ntabled; i++)
        if (L->tabled[i] == f)
            return true;
    return false;
}

/* '$tbl_declare'(+Name, +Arity) is det: from now on the clauses consult
 * reads for Name/Arity define '$tabled Name'/Arity, the predicate the
 * table's wrapper (Head :- '$tbl_call'(Head, Impl)) evaluates. */
static bool bi_tbl_declare(term_t *a)
{
    functor_t f = functor_intern(err_need_atom(a[0]), (unsigned)err_need_int(a[1]));
    if (!loader_init())
        err_resource(ATOM_memory);
    if (is_tabled(f))
        return true;
    if (L->ntabled == L->tabcap) {
        size_t cap = L->tabcap ? L->tabcap * 2 : 16;
        functor_t *t = mem_prealloc(L->tabled, cap * sizeof *t);
        if (!t)
            err_resource(ATOM_memory);
        L->tabled = t;
        L->tabcap = cap;
    }
    L->tabled[L->ntabled++] = f;
    return true;
}

/* A tabled predicate's clause head, renamed to its implementation. */
static term_t tabled_impl_head(term_t head, atom_t name, unsigned arity)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "$tabled %s", atom_name(name));
    functor_t f = functor_intern(atom_from_cstr(buf), arity);
    if (arity == 0)
        return term_atom(functor_name(f));
    term_t args[arity];
    for (unsigned i = 0; i < arity; i++)
        args[i] = term_arg(head, i + 1);
    return term_compound(f, args);
}

/* '$load_clause'(+Clause): add a clause read from the current file. */
static bool bi_load_clause(term_t *a)
{
    if (!cur)
        err_permission(atom_from_cstr("load"), atom_from_cstr("clause"), term_deref(a[0]));
    term_t head, body;
    dbpreds_split(a[0], &head, &body);
    body = dbpreds_body(body);
    atom_t name;
    unsigned arity;
    term_name_arity(head, &name, &arity);
    if (L->ntabled && is_tabled(functor_intern(name, arity)) &&
        !(term_is_compound(term_deref(body)) &&
          term_functor(term_deref(body)) == functor_intern(atom_from_cstr("$tbl_call"), 2))) {
        head = tabled_impl_head(head, name, arity);
        term_name_arity(head, &name, &arity);
    }
    functor_t f = functor_intern(name, arity);
    struct pred *p = db_get(f);
    if (!p)
        err_resource(ATOM_memory);
    if (p->flags & (PRED_SYSTEM | PRED_CONTROL))
        err_permission(ATOM_modify, ATOM_static_procedure, err_pred_indicator(name, arity));
    /* a library loaded after the user defined one of its predicates keeps
     * the user's definition (swipl: the user module's wins over an import) */
    if (p->load_id != cur->load_id && lib_is_file(cur->file) && (p->flags & (PRED_DEFINED | PRED_DYNAMIC)) &&
        !lib_is_file(p->file))
        return true;
    if (p->load_id != cur->load_id) {
        /* reconsult: the file's new text replaces it; a user definition
         * replaces a library one (the library is not protected, as in swipl) */
        if ((p->file == cur->file || lib_is_file(p->file)) && (p->flags & PRED_DEFINED))
            db_retract_all(p);
        p->file = cur->file;
        p->load_id = cur->load_id;
        p->line = (unsigned)cur->line;
        p->warned = false;
    } else if (cur->last != p && !(p->flags & PRED_DISCONTIGUOUS) && !p->warned && p->nlive) {
        char text[4096], cp[512] = "none";
        if (cur->last) {
            atom_t ln = functor_name(cur->last->f);
            snprintf(cp, sizeof cp, "%s/%u", atom_name(ln), functor_arity(cur->last->f));
        }
        fflush(stdout);
        fprintf(stderr,
                "Warning: %s:%ld:\nWarning:    Clauses of %s/%u are not together in the source-file\n"
                "Warning:    Earlier definition at %s:%u\nWarning:    Current predicate: %s\n"
                "Warning:    Use :- discontiguous %s/%u. to suppress this message\n",
                cur->path, cur->line, atom_name(name), arity, cur->path, p->line, cp, atom_name(name), arity);
        (void)text;
        p->warned = true;
    }
    cur->last = p;
    if (!db_add(head, body, true, (unsigned)cur->line))
        err_resource(ATOM_memory);
    return true;
}

/* goal_expansion/2 applied to every goal of a body (through the control
 * constructs), repeatedly up to a bound, when the user defined it. */
static term_t expand_goal(term_t g, int depth)
{
    g = term_deref(g);
    if (term_is_var(g) || depth > 32)
        return g;
    if (term_is_compound(g)) {
        functor_t f = term_functor(g);
        if (f == FUNCTOR_comma2 || f == FUNCTOR_semicolon2 || f == FUNCTOR_arrow2 || f == FUNCTOR_softarrow2)
            return term_compound2(f, expand_goal(term_arg(g, 1), depth), expand_goal(term_arg(g, 2), depth));
        if (f == FUNCTOR_not_provable1 || f == FUNCTOR_once1 || f == FUNCTOR_ignore1 || f == FUNCTOR_call1)
            return term_compound1(f, expand_goal(term_arg(g, 1), depth));
        if (f == FUNCTOR_findall3 || f == FUNCTOR_forall2 || f == FUNCTOR_catch3) {
            term_t c = term_compound(f, NULL);
            term_t *a = term_args(c);
            for (unsigned i = 0; i < functor_arity(f); i++)
                a[i] = term_arg(g, i + 1);
            unsigned gi = f == FUNCTOR_findall3 ? 1 : 0;
            a[gi] = expand_goal(a[gi], depth);
            if (f == FUNCTOR_forall2)
                a[1] = expand_goal(a[1], depth);
            if (f == FUNCTOR_catch3)
                a[2] = expand_goal(a[2], depth);
            return c;
        }
    }
    if (!term_is_callable(g))
        return g;
    term_t x = term_new_var();
    term_t q = term_compound2(functor_intern(atom_from_cstr("goal_expansion"), 2), g, x);
    if (solve(q, NULL, NULL, NULL) == SOLVE_TRUE)
        return expand_goal(x, depth + 1);
    return g;
}

static bool has_goal_expansion(void)
{
    struct pred *p = db_lookup(functor_intern(atom_from_cstr("goal_expansion"), 2));
    return p && p->nlive;
}

static void load_clause(term_t clause)
{
    if (has_goal_expansion()) {
        term_t c = term_deref(clause);
        if (term_is_compound(c) && term_functor(c) == FUNCTOR_neck2)
            clause = term_compound2(FUNCTOR_neck2, term_arg(c, 1), expand_goal(term_arg(c, 2), 0));
    }
    term_t ball;
    term_t g = term_compound1(functor_intern(atom_from_cstr("$load_clause"), 1), clause);
    if (solve(g, NULL, NULL, &ball) == SOLVE_ERROR) {
        char *m = exception_text(ball);
        msg_print_at("ERROR", cur->path, cur->line, m);
        free(m);
        L->errors++;
    }
}

static void handle_term(term_t t)
{
    t = term_deref(t);
    if (term_is_list_cell(t) || t == TERM_NIL) {
        for (; term_is_list_cell(t); t = term_deref(term_arg(t, 2)))
            handle_term(term_arg(t, 1));
        return;
    }
    if (term_is_compound(t) && (term_functor(t) == FUNCTOR_neck1 || term_functor(t) == FUNCTOR_query1)) {
        term_t was = cur->term;
        cur->term = TERM_NIL;
        directive(term_arg(t, 1));
        cur->term = was;
        return;
    }
    if (is_f(t, "-->", 2)) {
        term_t cl;
        if (dcg_translate(t, &cl)) {
            load_clause(cl);
            return;
        }
    }
    load_clause(t);
}

/* term_expansion/2 when the user defined it: the expansion, else t. */
static term_t expand(term_t t)
{
    struct pred *p = db_lookup(functor_intern(atom_from_cstr("term_expansion"), 2));
    if (!p || !p->nlive)
        return t;
    term_t x = term_new_var();
    term_t g = term_compound2(functor_intern(atom_from_cstr("term_expansion"), 2), t, x);
    return solve(g, NULL, NULL, NULL) == SOLVE_TRUE ? x : t;
}

static void consult_buffer(const char *path, atom_t file, char *text, size_t len);

/* After load (load_id) of file: the predicates an earlier load of it
 * defined that this one did not are wiped, as swipl's reconsult does (a
 * static one becomes unknown, a dynamic one stays declared). */
static void forget_stale(atom_t file, unsigned load_id)
{
    for (size_t f = 0; f < db_state->cap; f++) {
        struct pred *p = db_state->by_functor[f];
        if (!p || p->file != file || p->load_id == load_id || !(p->flags & PRED_DEFINED) ||
            (p->flags & (PRED_BUILTIN | PRED_SYSTEM)))
            continue;
        db_retract_all(p);
        if (!(p->flags & PRED_DYNAMIC))
            p->flags &= ~(unsigned)PRED_DEFINED;
        p->file = ATOM_user;
        p->load_id = 0;
        p->line = 0;
    }
}

static void consult_path(const char *path, atom_t file)
{
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        fflush(stdout);
        fprintf(stderr, "ERROR: %s: %s\n", path, strerror(errno));
        L->errors++;
        return;
    }
    consult_buffer(path, file, text, len);
    mem_pfree(text);
}

static void consult_buffer(const char *path, atom_t file, char *text, size_t len)
{
    struct load_ctx ctx = {.file = file, .path = path, .load_id = ++L->next_load_id, .inits = TERM_NIL};
    struct load_ctx *outer = cur;
    ctx.outer = outer;
    if (outer && outer->file == file) /* include: same file, same load */
        ctx.load_id = outer->load_id, ctx.last = outer->last;
    cur = &ctx;
    rd_src src;
    rd_lexer lx;
    rd_src_buffer(&src, text, len);
    rd_lex_init(&lx, &src);
    /* the lexer's buffers in persistent memory: reading a clause then
     * writes nothing the barrier logs (a consult inside a goal runs under
     * live snapshots, and every directive or clause added takes more) */
    lx.realloc_fn = mem_prealloc;
    lx.free_fn = mem_pfree;
    rd_options opt;
    atom_t dq = flags_double_quotes(); /* a file's setting ends with the file */
    for (;;) {
        /* the flags as they are now: a directive may have set double_quotes */
        read_options_default(&opt);
        opt.want_singletons = true;
        opt.want_variable_names = true;
        rd_result res;
        rd_status st = rd_read(&lx, &opt, &res);
        ctx.line = res.start.line;
        if (st == RD_EOF)
            break;
        if (st == RD_SYNTAX_ERROR) {
            /* swipl's columns count from 0; an open quote it reports at
             * the clause's start, counting from 1 there */
            char msg[256];
            rd_error_text(&res.error, msg, sizeof msg);
            bool at_start = !strcmp(res.error.what, "end_of_file_in_quoted");
            rd_pos at = at_start ? res.start : res.error.pos;
            fflush(stdout);
            fprintf(stderr, "ERROR: %s:%ld:%ld: Syntax error: %s\n", path, at.line, at.col - !at_start, msg);
            L->errors++;
            continue;
        }
        if (term_deref(res.term) == term_atom(ATOM_end_of_file))
            break;
        if (term_deref(res.singletons) != TERM_NIL)
            singletons_warning(res.singletons);
        branch_singletons_warning(res.term, res.variable_names);
        ctx.term = res.term;
        ctx.varnames = res.variable_names;
        handle_term(expand(res.term));
        ctx.term = 0;
    }
    rd_lex_free(&lx);
    flags_set_double_quotes(dq);
    if (outer && outer->file == file)
        outer->last = ctx.last;
    else if (!lib_is_file(file))
        forget_stale(file, ctx.load_id);
    /* initialization/1 goals run after the file, in order */
    term_t order = TERM_NIL;
    for (term_t l = ctx.inits; term_is_list_cell(l); l = term_deref(term_arg(l, 2)))
        order = term_cons(term_arg(l, 1), order);
    if (outer && outer->file == file) {
        for (term_t l = order; term_is_list_cell(l); l = term_deref(term_arg(l, 2)))
            outer->inits = term_cons(term_arg(l, 1), outer->inits);
    } else {
        for (term_t l = order; term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
            term_t i = term_deref(term_arg(l, 1));
            run_init(term_arg(i, 1), atom_name(term_get_atom(term_deref(term_arg(i, 2)))),
                     (long)term_get_smallint(term_deref(term_arg(i, 3))));
        }
    }
    cur = outer;
}

/* name, else name.pl, as a file (not a directory): into tmp. */
static bool existing(const char *dir, const char *name, char *tmp, size_t size)
{
    struct stat st;
    if (dir)
        snprintf(tmp, size, "%s/%s", dir, name);
    else
        snprintf(tmp, size, "%s", name);
    if (stat(tmp, &st) == 0 && !S_ISDIR(st.st_mode))
        return true;
    if (dir)
        snprintf(tmp, size, "%s/%s.pl", dir, name);
    else
        snprintf(tmp, size, "%s.pl", name);
    return stat(tmp, &st) == 0 && !S_ISDIR(st.st_mode);
}

bool consult_load_dir(char *out, size_t size)
{
    if (!cur || !cur->path || cur->path[0] != '/')
        return false;
    snprintf(out, size, "%s", cur->path);
    char *slash = strrchr(out, '/');
    if (slash == out)
        slash[1] = 0;
    else
        *slash = 0;
    return true;
}

/* Resolve a file name: as given, else with .pl; absolute.  A relative name
 * met while loading a file is looked up beside that file first, as swipl
 * does, then in the working directory. */
static bool resolve(const char *name, char *out, size_t size)
{
    char tmp[PATH_MAX], dir[PATH_MAX];
    bool found = false;
    if (name[0] != '/' && consult_load_dir(dir, sizeof dir))
        found = existing(dir, name, tmp, sizeof tmp);
    if (!found && !existing(NULL, name, tmp, sizeof tmp))
        return false;
    if (!realpath(tmp, out))
        snprintf(out, size, "%s", tmp);
    return true;
}

void consult_text(const char *name, const char *text)
{
    (void)name;
    if (!loader_init())
        return;
    size_t len = strlen(text);
    char *copy = mem_palloc(len + 1);
    if (!copy)
        return;
    memcpy(copy, text, len + 1);
    consult_buffer(name, ATOM_system, copy, len);
    mem_pfree(copy);
}

/* The name of a library spec's argument: lists, dcg/basics. */
static bool lib_spec_name(term_t t, char *buf, size_t size)
{
    t = term_deref(t);
    if (term_is_atom(t)) {
        snprintf(buf, size, "%s", atom_name(term_get_atom(t)));
        return true;
    }
    if (term_is_compound(t) && term_functor(t) == FUNCTOR_slash2) {
        char l[256], r[256];
        if (!lib_spec_name(term_arg(t, 1), l, sizeof l) || !lib_spec_name(term_arg(t, 2), r, sizeof r))
            return false;
        snprintf(buf, size, "%s/%s", l, r);
        return true;
    }
    return false;
}

static void load_library(unsigned i)
{
    atom_t file = lib_file_atom(i);
    if (was_loaded(file))
        return;
    mark_loaded(file);
    const char *text = lib_files[i].text;
    size_t len = strlen(text);
    char *copy = mem_palloc(len + 1);
    if (!copy)
        err_resource(ATOM_memory);
    memcpy(copy, text, len + 1);
    char path[300];
    snprintf(path, sizeof path, "/library/%s.pl", lib_files[i].name);
    consult_buffer(path, file, copy, len);
    mem_pfree(copy);
}

/* library(Name), the culprit of an error about a library. */
static term_t library_spec(term_t name)
{
    return term_compound1(functor_intern(atom_from_cstr("library"), 1), term_deref(name));
}

void consult_library(term_t name)
{
    char buf[512];
    if (!loader_init())
        err_resource(ATOM_memory);
    if (term_is_var(term_deref(name)))
        err_instantiation();
    if (!lib_spec_name(name, buf, sizeof buf))
        err_existence(atom_from_cstr("source_sink"), library_spec(name));
    int i = lib_find(buf);
    if (i >= 0) {
        load_library((unsigned)i);
        return;
    }
    /* libraries whose predicates are all C built-ins here, or that only
     * make code faster (apply_macros): loading them has nothing to do */
    static const char *const builtin[] = {"pcre", "apply_macros"};
    for (size_t k = 0; k < sizeof builtin / sizeof *builtin; k++)
        if (!strcmp(buf, builtin[k]))
            return;
    err_existence(atom_from_cstr("source_sink"), library_spec(name));
}

bool consult_autoload(functor_t f)
{
    /* off until consult_register ran: a program that drives solve() alone
     * (tests/snap/engine_solve) has no reader tables for the library */
    if (!L)
        return false;
    int i = lib_exporter(f);
    if (i < 0 || was_loaded(lib_file_atom((unsigned)i)))
        return false;
    load_library((unsigned)i);
    struct pred *p = db_lookup(f);
    return p && (p->flags & (PRED_DEFINED | PRED_DYNAMIC));
}

bool consult_file_top(const char *path)
{
    char full[PATH_MAX];
    if (!loader_init())
        return false;
    if (!resolve(path, full, sizeof full)) {
        fflush(stdout);
        fprintf(stderr, "ERROR: source_sink `%s' does not exist\n", path);
        L->errors++;
        return false;
    }
    atom_t a = atom_from_cstr(full);
    mark_loaded(a);
    consult_path(full, a);
    return true;
}

/* consult(user), [user]: clauses typed on user_input, up to the end of the
 * input (Ctrl-D on a terminal) or a line end_of_file., loaded as the file
 * user, as swipl.  On a terminal each line is prompted with "|: ". */
static void consult_user(void)
{
    stream *in = stream_get_input(term_atom(atom_from_cstr("user_input")));
    size_t cap = 4096, n = 0, line = 0;
    char *text = mem_palloc(cap);
    if (!text)
        err_resource(ATOM_memory);
    bool tty = isatty(0);
    /* the prompt prompt/2 set (stdlib/compat.pl), else swipl's "|: " */
    char prompt[256] = "|: ";
    if (tty) {
        term_t v = term_new_var(), ball;
        term_t g = term_compound2(functor_intern(atom_from_cstr("nb_current"), 2),
                                  term_atom(atom_from_cstr("$compat_prompt")), v);
        if (solve(g, NULL, NULL, &ball) == SOLVE_TRUE && term_is_atom(term_deref(v)))
            snprintf(prompt, sizeof prompt, "%s", atom_name(term_get_atom(term_deref(v))));
    }
    for (;;) {
        if (tty && n == line) {
            fputs(prompt, stdout);
            fflush(stdout);
        }
        int c = stream_get_byte(in);
        if (c < 0)
            break;
        if (n + 2 > cap) {
            char *t = mem_prealloc(text, cap *= 2);
            if (!t) {
                mem_pfree(text);
                err_resource(ATOM_memory);
            }
            text = t;
        }
        text[n++] = (char)c;
        if (c == '\n') {
            /* a line end_of_file. ends the clauses */
            size_t k = line;
            while (k < n && (text[k] == ' ' || text[k] == '\t'))
                k++;
            if (n - k >= 13 && !strncmp(text + k, "end_of_file.", 12)) {
                n = line;
                break;
            }
            line = n;
        }
    }
    if (tty)
        clearerr(stdin); /* Ctrl-D ended this input, not the session */
    stream_write(stream_current_output(), "\n", 1); /* as swipl, when the input ends */
    text[n] = 0;
    atom_t file = atom_from_cstr("user");
    consult_buffer("user", file, text, n);
    mem_pfree(text);
}

void consult_spec(term_t spec, bool if_not_loaded)
{
    spec = term_deref(spec);
    if (term_is_var(spec))
        err_instantiation();
    if (term_is_atom(spec) && !strcmp(atom_name(term_get_atom(spec)), "user")) {
        consult_user();
        return;
    }
    if (is_f(spec, "library", 1)) {
        consult_library(term_arg(spec, 1));
        return;
    }
    const char *name;
    if (term_is_atom(spec))
        name = atom_name(term_get_atom(spec));
    else if (term_is_string(spec))
        name = term_string_chars(spec, NULL);
    else
        err_type(atom_from_cstr("source_sink"), spec);
    char full[PATH_MAX];
    if (!resolve(name, full, sizeof full))
        err_existence(atom_from_cstr("source_sink"), spec);
    atom_t a = atom_from_cstr(full);
    if (if_not_loaded && was_loaded(a))
        return;
    mark_loaded(a);
    consult_path(full, a);
}

/* consult(+Files), ensure_loaded(+File), [F|Fs] are det. */
static void each_spec(term_t t, bool if_not_loaded)
{
    t = term_deref(t);
    if (term_is_list_cell(t)) {
        for (; term_is_list_cell(t); t = term_deref(term_arg(t, 2)))
            consult_spec(term_arg(t, 1), if_not_loaded);
        return;
    }
    if (t != TERM_NIL)
        consult_spec(t, if_not_loaded);
}

static bool bi_consult(term_t *a)
{
    loader_init();
    each_spec(a[0], false);
    return true;
}

static bool bi_ensure_loaded(term_t *a)
{
    loader_init();
    each_spec(a[0], true);
    return true;
}

static bool bi_list_consult(term_t *a)
{
    loader_init();
    each_spec(term_cons(a[0], a[1]), false);
    return true;
}

/* use_module(+Spec), use_module(+Spec, +Imports) are det: one module, so
 * the import list does not restrict what is seen. */
static bool bi_use_module(term_t *a)
{
    loader_init();
    each_spec(a[0], true);
    return true;
}

/* prolog_load_context(?Key, ?Value): what is being loaded, for the keys
 * swipl has that mean something here, in swipl's order.  Outside a load
 * only module, dialect and script are defined, as in swipl. */
static const char *const load_keys[] = {"module", "file", "source", "directory", "dialect", "term_position", "script",
                                        "variable_names", "term"};
#define NLOAD_KEYS (sizeof load_keys / sizeof load_keys[0])

/* Key k's value, or 0 when it has none now. */
static term_t load_value(unsigned k)
{
    char dir[PATH_MAX];
    bool loading = cur && cur->path && cur->path[0] == '/';
    switch (k) {
    case 0: return term_atom(ATOM_user);
    case 4: return term_atom(atom_from_cstr("swi"));
    case 6: return term_atom(ATOM_false);
    }
    if (!loading)
        return 0;
    switch (k) {
    case 1: return term_atom(atom_from_cstr(cur->path));
    case 2: { /* the file named to consult, not an included one */
        struct load_ctx *c = cur;
        while (c->outer && c->outer->file == c->file)
            c = c->outer;
        return term_atom(atom_from_cstr(c->path));
    }
    case 3: return consult_load_dir(dir, sizeof dir) ? term_atom(atom_from_cstr(dir)) : 0;
    case 7: return cur->varnames ? cur->varnames : TERM_NIL;
    case 8: return cur->term;
    default: { /* '$stream_position'(Char, Line, LinePos, Byte): the line only is kept */
        term_t args[4] = {term_smallint(0), term_smallint(cur->line), term_smallint(0), term_smallint(0)};
        return term_compound(functor_intern(atom_from_cstr("$stream_position"), 4), args);
    }
    }
}

static long bi_prolog_load_context(term_t *a, long alt)
{
    term_t key = term_deref(a[0]);
    if (!term_is_var(key)) {
        if (!term_is_atom(key))
            err_type(atom_from_cstr("atom"), key);
        for (unsigned k = 0; k < NLOAD_KEYS; k++)
            if (!strcmp(atom_name(term_get_atom(key)), load_keys[k])) {
                term_t v = load_value(k);
                return v && unify(a[1], v) ? 0 : -1;
            }
        return -1;
    }
    for (unsigned k = (unsigned)alt; k < NLOAD_KEYS; k++) {
        term_t v = load_value(k);
        if (!v)
            continue;
        /* a bound value selects without binding anything first, so that
         * a key whose value differs can be skipped (atomic values, but for
         * term_position: a partly bound position is not matched) */
        term_t want = term_deref(a[1]);
        if (!term_is_var(want) && compare_terms(want, v) != 0)
            continue;
        unify(a[1], v);
        unify(key, term_atom(atom_from_cstr(load_keys[k])));
        return k + 1 < NLOAD_KEYS ? (long)k + 1 : 0;
    }
    return -1;
}

/* meta_predicate(+Heads): with one module there is nothing to qualify;
 * the specifications are checked (0..9, :, ^, //, ?, +, -, *) and kept
 * nowhere. */
static void check_meta_spec(term_t h)
{
    h = term_deref(h);
    if (term_is_var(h))
        err_instantiation();
    if (term_is_compound(h) && term_functor(h) == FUNCTOR_comma2) {
        check_meta_spec(term_arg(h, 1));
        check_meta_spec(term_arg(h, 2));
        return;
    }
    if (is_f(h, ":", 2))
        h = term_deref(term_arg(h, 2));
    if (!term_is_compound(h))
        err_type(atom_from_cstr("compound"), h);
    for (unsigned i = 1; i <= functor_arity(term_functor(h)); i++) {
        term_t m = term_deref(term_arg(h, i));
        int64_t k;
        bool ok = term_get_int64(m, &k) ? k >= 0 && k <= 9 : false;
        if (term_is_atom(m)) {
            const char *n = atom_name(term_get_atom(m));
            ok = !strcmp(n, ":") || !strcmp(n, "^") || !strcmp(n, "//") || !strcmp(n, "?") || !strcmp(n, "+") ||
                 !strcmp(n, "-") || !strcmp(n, "*");
        }
        if (!ok)
            err_domain(atom_from_cstr("meta_argument_specifier"), m);
    }
}

static bool bi_meta_predicate(term_t *a)
{
    check_meta_spec(a[0]);
    return true;
}


/* make: reload every loaded file that changed since it was loaded, or
 * one of whose included files did, in the order they were first loaded
 * (as swipl's make/0). */
static bool bi_make(term_t *a)
{
    (void)a;
    for (size_t i = 0; i < L->nloaded; i++) {
        atom_t f = L->loaded[i];
        if (L->mtime[i] < 0)
            continue;
        int64_t now = file_mtime(atom_name(f));
        if (now < 0 || (now == L->mtime[i] && !include_changed(f)))
            continue;
        mark_loaded(f);
        consult_path(atom_name(f), f);
    }
    return true;
}

void consult_register(void)
{
    db_register_det("make", 0, bi_make);
    db_register_det("meta_predicate", 1, bi_meta_predicate);
    db_register_nondet("prolog_load_context", 2, bi_prolog_load_context);
    loader_init();
    db_register_det("$load_clause", 1, bi_load_clause);
    db_register_det("$tbl_declare", 2, bi_tbl_declare);
    db_register_det("consult", 1, bi_consult);
    db_register_det("ensure_loaded", 1, bi_ensure_loaded);
    db_register_det("[|]", 2, bi_list_consult);
    db_register_det("use_module", 1, bi_use_module);
    db_register_det("use_module", 2, bi_use_module);
}
