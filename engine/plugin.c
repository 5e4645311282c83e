/* plugin.c - C plugins: a loader for their shared objects, and snaplog.h.
 *
 * The engine is a static program, so it has no dynamic linker; plugins are
 * loaded by this one.  A plugin is a position-independent shared object
 * with no libraries of its own (snaplog-plugin-cc links it -nostdlib): its
 * undefined symbols are the engine's functions and data, found in the
 * engine's own symbol table (/proc/self/exe), libc's included.  A libc
 * function the snapshot runtime wraps resolves to its wrapper
 * (__wrap_memcpy for memcpy), which logs what it writes, and the malloc
 * family to the shims below, so that the runtime's allocator sees an
 * allocation of instrumented code.
 *
 * Memory (DESIGN section 5): the code and what the plugin registers are
 * persistent; its data backtracks.  The image is mapped with the raw mmap,
 * out of the runtime's bookkeeping (a restore to a snapshot older than the
 * load must not unmap it), relocated, initialised (its constructors and
 * install function, whose mallocs are persistent too: a table it makes
 * must outlive a restore past the load), and only then are its writable
 * segments tracked (snap_track): from there on every write to its globals
 * is logged and undone by backtracking, as any global of the engine.
 */
#include "plugin.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atom.h"
#include "consult.h"
#include "db.h"
#include "error.h"
#include "mem.h"
#include "plugin_elf.h"
#include "snap.h"
#include "snaplog.h"
#include "solve.h"
#include "unify.h"

_Static_assert(sizeof(sl_term) == sizeof(term_t), "sl_term is a term word");

/* libc's own mmap: the wrapper would book the mapping for restores */
void *__real_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int __real_munmap(void *addr, size_t len);

/* --- the engine's symbols ------------------------------------------------ */

struct esym {
    const char *name; /* NULL: an empty slot */
    uintptr_t addr;
};

/* Persistent: made at the first load, never changed after (reached
 * through P, whose pointer is written once at start). */
struct etable {
    struct esym *slots;
    size_t mask;
    char *strings;
};

static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static struct etable *etable(void);

static uintptr_t etable_find(const char *name)
{
    struct etable *E = etable();
    for (size_t i = name_hash(name) & E->mask;; i = (i + 1) & E->mask) {
        if (!E->slots[i].name)
            return 0;
        if (!strcmp(E->slots[i].name, name))
            return E->slots[i].addr;
    }
}

static bool pread_all(int fd, void *buf, size_t n, off_t off)
{
    size_t done = 0;
    while (done < n) {
        ssize_t r = pread(fd, (char *)buf + done, n - done, off + (off_t)done);
        if (r <= 0)
            return false;
        done += (size_t)r;
    }
    return true;
}

/* The defined global symbols of the running program, from its file's
 * .symtab.  NULL message on success. */
static const char *etable_load(struct etable **out)
{
    int fd = open("/proc/self/exe", O_RDONLY);
    if (fd < 0)
        return "cannot read the engine's own program file";
    const char *why = "the engine's program file has no symbol table";
    Elf64_Ehdr eh;
    Elf64_Shdr *sh = NULL;
    Elf64_Sym *syms = NULL;
    char *strs = NULL;
    if (!pread_all(fd, &eh, sizeof eh, 0) || eh.e_type != ET_EXEC || eh.e_shentsize != sizeof(Elf64_Shdr) ||
        eh.e_shnum == 0)
        goto out;
    sh = mem_palloc((size_t)eh.e_shnum * sizeof *sh);
    if (!sh || !pread_all(fd, sh, (size_t)eh.e_shnum * sizeof *sh, (off_t)eh.e_shoff))
        goto out;
    for (unsigned i = 0; i < eh.e_shnum; i++) {
        if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh.e_shnum || sh[i].sh_entsize != sizeof(Elf64_Sym))
            continue;
        size_t n = sh[i].sh_size / sizeof(Elf64_Sym);
        const Elf64_Shdr *st = &sh[sh[i].sh_link];
        syms = mem_palloc(n * sizeof *syms);
        strs = mem_palloc(st->sh_size + 1);
        if (!syms || !strs || !pread_all(fd, syms, n * sizeof *syms, (off_t)sh[i].sh_offset) ||
            !pread_all(fd, strs, st->sh_size, (off_t)st->sh_offset))
            break;
        strs[st->sh_size] = 0;
        size_t cap = 16;
        while (cap < 2 * n)
            cap *= 2;
        struct etable *t = mem_pzalloc(sizeof *t);
        struct esym *slots = mem_pzalloc(cap * sizeof *slots);
        if (!t || !slots) {
            mem_pfree(t);
            mem_pfree(slots);
            break;
        }
        t->slots = slots;
        t->mask = cap - 1;
        t->strings = strs;
        for (size_t k = 0; k < n; k++) {
            unsigned bind = ELF64_ST_BIND(syms[k].st_info), type = ELF64_ST_TYPE(syms[k].st_info);
            if (syms[k].st_shndx == SHN_UNDEF || syms[k].st_name >= st->sh_size ||
                (bind != STB_GLOBAL && bind != STB_WEAK) || (type != STT_FUNC && type != STT_OBJECT))
                continue;
            const char *name = strs + syms[k].st_name;
            size_t j = name_hash(name) & t->mask;
            while (slots[j].name && strcmp(slots[j].name, name))
                j = (j + 1) & t->mask;
            if (!slots[j].name || bind == STB_GLOBAL) /* a global beats a weak one */
                slots[j] = (struct esym){name, (uintptr_t)syms[k].st_value};
        }
        *out = t;
        strs = NULL; /* the table's now */
        why = NULL;
        break;
    }
out:
    close(fd);
    mem_pfree(sh);
    mem_pfree(syms);
    mem_pfree(strs);
    return why;
}

/* --- the malloc family, for plugin code ---------------------------------- */

/* While a plugin installs, what it allocates is persistent: those blocks
 * are kept here, so that free and realloc tell them from the rest. */
struct pblocks {
    void **p;
    size_t n, cap;
};

static struct pblocks *PB; /* persistent */
/* Set while an install function runs (tracked: an error thrown out of
 * install restores it to false). */
static bool installing;
static const struct pelf_image *running; /* the plugin '$plugin_install' installs */

static bool pblock_take(void *p)
{
    for (size_t i = 0; i < PB->n; i++)
        if (PB->p[i] == p) {
            PB->p[i] = PB->p[--PB->n];
            return true;
        }
    return false;
}

/* Not tail calls: the runtime's malloc tells the program's allocations
 * from libc's by the return address, which must be in the engine's code. */
__attribute__((disable_tail_calls)) static void *plugin_malloc(size_t n)
{
    if (!installing)
        return malloc(n);
    if (PB->n == PB->cap) {
        size_t cap = PB->cap ? 2 * PB->cap : 16;
        void **np = mem_prealloc(PB->p, cap * sizeof *np);
        if (!np)
            return NULL;
        PB->p = np;
        PB->cap = cap;
    }
    void *p = mem_palloc(n ? n : 1);
    if (p)
        PB->p[PB->n++] = p;
    return p;
}

__attribute__((disable_tail_calls)) static void plugin_free(void *p)
{
    if (p && pblock_take(p))
        mem_pfree(p);
    else
        free(p);
}

__attribute__((disable_tail_calls)) static void *plugin_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = plugin_malloc(n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

__attribute__((disable_tail_calls)) static void *plugin_realloc(void *p, size_t n)
{
    if (!p)
        return plugin_malloc(n);
    for (size_t i = 0; i < PB->n; i++)
        if (PB->p[i] == p) {
            void *q = mem_prealloc(p, n ? n : 1);
            if (q)
                PB->p[i] = q;
            return q;
        }
    return realloc(p, n);
}

__attribute__((disable_tail_calls)) static char *plugin_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = plugin_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static const struct {
    const char *name;
    void *fn;
} shims[] = {
    {"malloc", (void *)plugin_malloc},   {"free", (void *)plugin_free},     {"calloc", (void *)plugin_calloc},
    {"realloc", (void *)plugin_realloc}, {"strdup", (void *)plugin_strdup},
};

/* What an undefined symbol of a plugin refers to, or 0. */
static uintptr_t engine_symbol(const char *name)
{
    for (size_t i = 0; i < sizeof shims / sizeof shims[0]; i++)
        if (!strcmp(name, shims[i].name))
            return (uintptr_t)shims[i].fn;
    char wrap[256];
    if (snprintf(wrap, sizeof wrap, "__wrap_%s", name) < (int)sizeof wrap) {
        uintptr_t w = etable_find(wrap);
        if (w)
            return w;
    }
    return etable_find(name);
}

/* --- the loader ------------------------------------------------------------ */

struct loaded {
    atom_t path;
    char *base;
    size_t size;
};

struct plugins {
    struct loaded *libs;
    size_t n, cap;
    functor_t *reg; /* what the running install registered, to undo on error */
    size_t nreg, capreg;
    struct etable *syms; /* the engine's symbols, read at the first load */
};

static struct plugins *P; /* persistent, written once at start */

static struct etable *etable(void) { return P->syms; }

/* A loading error: shared_object(open, Message), as swipl raises it. */
static _Noreturn void load_error(const char *path, const char *what)
{
    char msg[PATH_MAX + 256];
    snprintf(msg, sizeof msg, "%s: %s", path, what);
    term_t args[2] = {term_atom(atom_from_cstr("open")), term_atom(atom_from_cstr(msg))};
    err_throw_formal(term_compound(functor_intern(atom_from_cstr("shared_object"), 2), args));
}

/* The loader's callbacks (plugin_elf.h). */
static void *image_map(size_t span, void *ctx)
{
    (void)ctx;
    void *m = __real_mmap(NULL, span, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return m == MAP_FAILED ? NULL : m;
}

static void image_unmap(void *base, size_t span, void *ctx)
{
    (void)ctx;
    __real_munmap(base, span);
}

static uintptr_t image_resolve(const char *name, void *ctx)
{
    (void)ctx;
    return engine_symbol(name);
}

static const struct pelf_host loader_host = {image_map, image_unmap, image_resolve, NULL};

/* The file for spec: an atom or string path, or foreign(Name), looked for
 * beside the file being loaded, in the working directory and in each
 * directory of SNAPLOG_PLUGIN_PATH, as given and with ".so". */
static bool find_library(term_t spec, char *out, size_t size)
{
    spec = term_deref(spec);
    term_t name_t = spec;
    bool foreign = false;
    if (term_is_compound(spec) && term_functor(spec) == functor_intern(atom_from_cstr("foreign"), 1)) {
        name_t = term_deref(term_arg(spec, 1));
        foreign = true;
    }
    if (term_is_var(name_t))
        err_instantiation();
    const char *name;
    if (term_is_atom(name_t))
        name = atom_name(term_get_atom(name_t));
    else if (term_is_string(name_t))
        name = term_string_chars(name_t, NULL);
    else
        err_type(atom_from_cstr("source_sink"), spec);
    char dirs[8][PATH_MAX];
    int nd = 0;
    if (name[0] == '/') {
        dirs[nd++][0] = 0;
    } else {
        if (consult_load_dir(dirs[nd], PATH_MAX))
            nd++;
        snprintf(dirs[nd++], PATH_MAX, ".");
        const char *path = foreign ? getenv("SNAPLOG_PLUGIN_PATH") : NULL;
        while (path && *path && nd < 8) {
            size_t n = strcspn(path, ":");
            if (n && n < PATH_MAX)
                snprintf(dirs[nd++], PATH_MAX, "%.*s", (int)n, path);
            path += n + (path[n] == ':');
        }
    }
    for (int i = 0; i < nd; i++)
        for (int ext = 0; ext < 2; ext++) {
            char tmp[2 * PATH_MAX + 8];
            snprintf(tmp, sizeof tmp, "%s%s%s%s", dirs[i], dirs[i][0] ? "/" : "", name, ext ? ".so" : "");
            struct stat st;
            if (stat(tmp, &st) == 0 && S_ISREG(st.st_mode)) {
                if (!realpath(tmp, out))
                    snprintf(out, size, "%s", tmp);
                return true;
            }
        }
    err_existence(atom_from_cstr("source_sink"), spec);
}

static unsigned char *read_whole(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    struct stat st;
    unsigned char *buf = NULL;
    if (fstat(fd, &st) == 0 && st.st_size > 0 && st.st_size < ((off_t)1 << 30) &&
        (buf = mem_palloc((size_t)st.st_size)) && !pread_all(fd, buf, (size_t)st.st_size, 0)) {
        mem_pfree(buf);
        buf = NULL;
    }
    if (buf)
        *len = (size_t)st.st_size;
    close(fd);
    return buf;
}

/* Writable segments become tracked: from here on the plugin's globals
 * backtrack. */
static void track_data(const struct pelf_image *im)
{
    for (unsigned i = 0; i < im->nwritable; i++)
        snap_track(im->base + im->writable[i].off, im->writable[i].len);
}

/* An error from an install function names use_foreign_library/1, not the
 * internal '$plugin_install' it ran in. */
static term_t install_context(term_t ball)
{
    ball = term_deref(ball);
    functor_t error2 = functor_intern(atom_from_cstr("error"), 2), context2 = functor_intern(atom_from_cstr("context"), 2);
    if (!term_is_compound(ball) || term_functor(ball) != error2)
        return ball;
    term_t ctx = term_deref(term_arg(ball, 2)), msg = term_new_var();
    if (term_is_compound(ctx) && term_functor(ctx) == context2)
        msg = term_arg(ctx, 2);
    term_t pi = term_compound2(functor_intern(ATOM_colon, 2), term_atom(atom_from_cstr("system")),
                               err_pred_indicator(atom_from_cstr("use_foreign_library"), 1));
    return term_compound2(error2, term_arg(ball, 1), term_compound2(context2, pi, msg));
}

static void load_library(term_t spec)
{
    char path[PATH_MAX];
    find_library(spec, path, sizeof path);
    atom_t pa = atom_from_cstr(path);
    for (size_t i = 0; i < P->n; i++)
        if (P->libs[i].path == pa)
            return; /* loaded once, as swipl does */
    if (!P->syms) {
        const char *why = etable_load(&P->syms);
        if (why)
            load_error(path, why);
    }
    size_t flen;
    errno = 0;
    unsigned char *file = read_whole(path, &flen);
    if (!file)
        load_error(path, errno ? strerror(errno) : "empty file");
    const char *slash = strrchr(path, '/');
    char stem[128];
    snprintf(stem, sizeof stem, "%s", slash ? slash + 1 : path);
    stem[strcspn(stem, ".")] = 0;
    struct pelf_image im;
    bool ok = pelf_load(file, flen, stem, &loader_host, &im);
    mem_pfree(file);
    if (!ok)
        load_error(path, im.err);
    /* the constructors and install run in a solve of their own: when they
     * raise an error, what install registered (persistent) is taken back
     * before the error goes on */
    running = &im;
    P->nreg = 0;
    term_t ball;
    enum solve_status st = solve(term_atom(atom_from_cstr("$plugin_install")), NULL, NULL, &ball);
    running = NULL;
    if (st != SOLVE_TRUE) {
        for (size_t i = 0; i < P->nreg; i++) {
            struct pred *p = db_lookup(P->reg[i]);
            p->fn = NULL;
            p->flags &= ~(unsigned)(PRED_BUILTIN | PRED_SYSTEM | PRED_DEFINED);
        }
        __real_munmap(im.base, im.span);
        if (st == SOLVE_ERROR)
            solve_throw(install_context(ball));
        load_error(path, "its install function failed");
    }
    track_data(&im);
    if (P->n == P->cap) {
        size_t cap = P->cap ? 2 * P->cap : 8;
        struct loaded *nl = mem_prealloc(P->libs, cap * sizeof *nl);
        if (!nl)
            err_resource(ATOM_memory);
        P->libs = nl;
        P->cap = cap;
    }
    P->libs[P->n++] = (struct loaded){pa, im.base, im.span};
}

/* '$plugin_install': runs the constructors and the install function of the
 * plugin being loaded (what they malloc is persistent). */
static bool bi_plugin_install(term_t *a)
{
    (void)a;
    if (!running)
        return false;
    installing = true;
    if (running->init)
        ((void (*)(void))running->init)();
    for (size_t i = 0; i < running->ninit; i++) {
        uint64_t f;
        memcpy(&f, &running->init_array[i], 8);
        if (f != 0 && f != (uint64_t)-1)
            ((void (*)(void))(uintptr_t)f)();
    }
    ((void (*)(void))running->install)();
    installing = false;
    return true;
}

/* use_foreign_library(+Spec), load_foreign_library(+Spec): det. */
static bool bi_use_foreign_library(term_t *a)
{
    load_library(a[0]);
    return true;
}

/* current_foreign_library(?File, ?Public): the loaded libraries; Public is
 * the list of what each registered is not kept, so it is []. */
static long bi_current_foreign_library(term_t *a, long alt)
{
    for (size_t i = (size_t)alt; i < P->n; i++) {
        term_t f = term_deref(a[0]);
        if (!term_is_var(f) && !(term_is_atom(f) && term_get_atom(f) == P->libs[i].path))
            continue;
        unify(a[0], term_atom(P->libs[i].path));
        if (!unify(a[1], TERM_NIL))
            return -1;
        return i + 1 < P->n ? (long)i + 1 : 0;
    }
    return -1;
}

/* --- snaplog.h --------------------------------------------------------------- */

void sl_register(const char *name, unsigned arity, sl_pred fn)
{
    atom_t na = atom_from_cstr(name);
    functor_t f = functor_intern(na, arity);
    struct pred *p = db_lookup(f);
    if (p && p->fn == fn)
        return;
    if (p && (p->fn || p->nd || (p->flags & (PRED_DEFINED | PRED_DYNAMIC))))
        err_permission(ATOM_modify, ATOM_static_procedure, err_pred_indicator(na, arity));
    if (P->nreg == P->capreg) {
        size_t cap = P->capreg ? 2 * P->capreg : 16;
        functor_t *nr = mem_prealloc(P->reg, cap * sizeof *nr);
        if (!nr)
            err_resource(ATOM_memory);
        P->reg = nr;
        P->capreg = cap;
    }
    P->reg[P->nreg++] = f;
    db_register_det(name, arity, fn);
}

long sl_choose(long n) { return solve_choose(n); }
_Noreturn void sl_fail(void) { solve_fail(); }

enum sl_type sl_type_of(sl_term t)
{
    t = term_deref(t);
    switch (term_tag(t)) {
    case TAG_REF: return SL_VAR;
    case TAG_ATOM: return SL_ATOM;
    case TAG_INT:
    case TAG_BIG: return SL_INTEGER;
    case TAG_FLT: return SL_FLOAT;
    case TAG_STRG: return SL_STRING;
    default: return SL_COMPOUND;
    }
}

bool sl_get_int64(sl_term t, int64_t *v) { return term_get_int64(term_deref(t), v); }

bool sl_get_float(sl_term t, double *v)
{
    t = term_deref(t);
    int64_t i;
    if (term_is_float(t))
        *v = term_get_float(t);
    else if (term_get_int64(t, &i))
        *v = (double)i;
    else
        return false;
    return true;
}

bool sl_get_atom(sl_term t, const char **name)
{
    t = term_deref(t);
    if (!term_is_atom(t))
        return false;
    *name = atom_name(term_get_atom(t));
    return true;
}

bool sl_get_text(sl_term t, const char **s, size_t *len)
{
    t = term_deref(t);
    if (term_is_atom(t)) {
        *s = atom_name(term_get_atom(t));
        if (len)
            *len = strlen(*s);
        return true;
    }
    if (term_is_string(t)) {
        *s = term_string_chars(t, len);
        return true;
    }
    return false;
}

bool sl_get_functor(sl_term t, const char **name, unsigned *arity)
{
    t = term_deref(t);
    atom_t a;
    unsigned n;
    if (!term_is_callable(t) || !term_name_arity(t, &a, &n))
        return false;
    *name = atom_name(a);
    *arity = n;
    return true;
}

sl_term sl_arg(sl_term t, unsigned i)
{
    t = term_deref(t);
    if (!term_is_compound(t) || i == 0 || i > functor_arity(term_functor(t)))
        return 0;
    return term_arg(t, i);
}

bool sl_get_list(sl_term t, sl_term *head, sl_term *tail)
{
    t = term_deref(t);
    if (!term_is_list_cell(t))
        return false;
    *head = term_arg(t, 1);
    *tail = term_arg(t, 2);
    return true;
}

bool sl_is_nil(sl_term t) { return term_deref(t) == TERM_NIL; }

sl_term sl_new_var(void) { return term_new_var(); }
sl_term sl_new_int64(int64_t v) { return term_int(v); }
sl_term sl_new_float(double v) { return term_float(v); }
sl_term sl_new_atom(const char *name) { return term_atom(atom_from_cstr(name)); }
sl_term sl_new_string(const char *s, size_t len) { return term_string(s, len); }
sl_term sl_nil(void) { return TERM_NIL; }
sl_term sl_cons(sl_term head, sl_term tail) { return term_cons(head, tail); }

sl_term sl_new_compound(const char *name, unsigned arity, const sl_term *args)
{
    atom_t a = atom_from_cstr(name);
    if (arity == 0)
        return term_atom(a);
    return term_compound(functor_intern(a, arity), args);
}

bool sl_unify(sl_term a, sl_term b) { return unify(a, b); }
bool sl_unify_int64(sl_term t, int64_t v) { return unify(t, term_int(v)); }
bool sl_unify_float(sl_term t, double v) { return unify(t, term_float(v)); }
bool sl_unify_atom(sl_term t, const char *name) { return unify(t, term_atom(atom_from_cstr(name))); }

int64_t sl_need_int64(sl_term t) { return err_need_int(t); }

double sl_need_number(sl_term t)
{
    t = term_deref(t);
    if (term_is_var(t))
        err_instantiation();
    double v;
    if (!sl_get_float(t, &v))
        err_type(atom_from_cstr("number"), t);
    return v;
}

const char *sl_need_atom(sl_term t) { return atom_name(err_need_atom(t)); }

const char *sl_need_text(sl_term t, size_t *len)
{
    t = term_deref(t);
    if (term_is_var(t))
        err_instantiation();
    const char *s;
    if (!sl_get_text(t, &s, len))
        err_type(atom_from_cstr("text"), t);
    return s;
}

_Noreturn void sl_throw(sl_term ball) { solve_throw(ball); }
_Noreturn void sl_instantiation_error(void) { err_instantiation(); }
_Noreturn void sl_type_error(const char *type, sl_term culprit) { err_type(atom_from_cstr(type), culprit); }
_Noreturn void sl_domain_error(const char *domain, sl_term culprit) { err_domain(atom_from_cstr(domain), culprit); }
_Noreturn void sl_existence_error(const char *kind, sl_term culprit) { err_existence(atom_from_cstr(kind), culprit); }

void plugin_register(void)
{
    P = mem_pzalloc(sizeof *P);
    PB = mem_pzalloc(sizeof *PB);
    if (!P || !PB) {
        fprintf(stderr, "snaplog: out of memory at start\n");
        exit(1);
    }
    db_register_det("$plugin_install", 0, bi_plugin_install);
    db_register_det("use_foreign_library", 1, bi_use_foreign_library);
    db_register_det("load_foreign_library", 1, bi_use_foreign_library);
    db_register_nondet("current_foreign_library", 2, bi_current_foreign_library);
}
