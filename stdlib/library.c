/* library.c - the embedded library's table and its autoload index. */
#include "library.h"

#include <snap.h>
#include <stdio.h>
#include <string.h>

#include "engine/db.h"
#include "engine/mem.h"
#include "engine/unify.h"
#include "global.h"
#include "lang/reader.h"
#include "listing.h"

/* Persistent: built once, survives every restore. */
struct lib_index {
    functor_t *f;
    unsigned char *lib;
    size_t n, cap;
    atom_t *files;   /* lib_file_atom of each library, 0 until asked */
    atom_t *modules; /* the module each library declares, 0 if none */
};

static struct lib_index *X;

int lib_find(const char *name)
{
    for (unsigned i = 0; i < lib_nfiles; i++)
        if (!strcmp(lib_files[i].name, name))
            return (int)i;
    return -1;
}

static void index_add(functor_t f, unsigned lib)
{
    if (X->n == X->cap) {
        size_t cap = X->cap ? X->cap * 2 : 256;
        functor_t *nf = mem_prealloc(X->f, cap * sizeof *nf);
        if (!nf)
            return;
        X->f = nf;
        unsigned char *nl = mem_prealloc(X->lib, cap);
        if (!nl)
            return;
        X->lib = nl;
        X->cap = cap;
    }
    X->f[X->n] = f;
    X->lib[X->n++] = (unsigned char)lib;
}

/* The exports of library i: the list of `:- module(_, Exports)`, the file's
 * first clause.  Name/Arity entries only (op/3 entries are skipped). */
static void index_file(unsigned i)
{
    const char *text = lib_files[i].text;
    rd_src src;
    rd_lexer lx;
    rd_src_buffer(&src, text, strlen(text));
    rd_lex_init(&lx, &src);
    rd_options opt;
    rd_options_default(&opt);
    rd_result res;
    if (rd_read(&lx, &opt, &res) == RD_OK) {
        term_t d = term_deref(res.term);
        if (term_is_compound(d) && term_functor(d) == FUNCTOR_neck1) {
            term_t m = term_deref(term_arg(d, 1));
            atom_t name;
            unsigned arity;
            if (term_name_arity(m, &name, &arity) && arity == 2 && !strcmp(atom_name(name), "module")) {
                term_t mod = term_deref(term_arg(m, 1));
                if (term_is_atom(mod))
                    X->modules[i] = term_get_atom(mod);
                for (term_t l = term_deref(term_arg(m, 2)); term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
                    term_t pi = term_deref(term_arg(l, 1));
                    if (!term_is_compound(pi) || term_functor(pi) != FUNCTOR_slash2)
                        continue;
                    term_t n = term_deref(term_arg(pi, 1)), a = term_deref(term_arg(pi, 2));
                    if (term_is_atom(n) && term_is_smallint(a))
                        index_add(functor_intern(term_get_atom(n), (unsigned)term_get_smallint(a)), i);
                }
            }
        }
    }
    rd_lex_free(&lx);
}

static bool index_init(void)
{
    if (X)
        return true;
    X = mem_pzalloc(sizeof *X);
    if (!X)
        return false;
    X->files = mem_pzalloc(lib_nfiles * sizeof *X->files);
    X->modules = mem_pzalloc(lib_nfiles * sizeof *X->modules);
    if (!X->files || !X->modules)
        return false;
    for (unsigned i = 0; i < lib_nfiles; i++)
        index_file(i);
    return true;
}

int lib_exporter(functor_t f)
{
    if (!index_init())
        return -1;
    for (size_t i = 0; i < X->n; i++)
        if (X->f[i] == f)
            return X->lib[i];
    return -1;
}

atom_t lib_file_atom(unsigned i)
{
    if (!index_init())
        return ATOM_system;
    if (!X->files[i]) {
        char buf[256];
        snprintf(buf, sizeof buf, "library(%s)", lib_files[i].name);
        X->files[i] = atom_from_cstr(buf);
    }
    return X->files[i];
}

bool lib_is_file(atom_t file)
{
    if (file == ATOM_system)
        return true;
    if (!X)
        return false;
    for (unsigned i = 0; i < lib_nfiles; i++)
        if (X->files[i] == file)
            return true;
    return false;
}

atom_t lib_module_of_file(atom_t file)
{
    if (!index_init())
        return 0;
    for (unsigned i = 0; i < lib_nfiles; i++)
        if (lib_file_atom(i) == file)
            return X->modules[i];
    return 0;
}

int lib_of_module(atom_t module)
{
    if (!index_init())
        return -1;
    for (unsigned i = 0; i < lib_nfiles; i++)
        if (X->modules[i] == module)
            return (int)i;
    return -1;
}

/* '$choice_depth'(-N) is det: the live snapshots (choice points and
 * barriers) now.  Lets a test see whether a goal left a choice point,
 * where swipl's tests use call_cleanup/2. */
static bool bi_choice_depth(term_t *a) { return unify(a[0], term_int(snap_depth())); }

void lib_register(void)
{
    db_register_det("$choice_depth", 1, bi_choice_depth);
    global_register();
    listing_register();
}
