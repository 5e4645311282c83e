/* os.c - the operating system from Prolog, as swipl names it: files
 * (exists_file/1, exists_directory/1, delete_file/1, tmp_file/2,
 * absolute_file_name/2,3), the environment (getenv/2, setenv/2,
 * unsetenv/1), time (get_time/1, sleep/1) and shell/1,2.
 *
 * Under snapvm these are system calls the monitor serves (inside its
 * sandbox when one is set); shell/1,2 needs a process, which the guest
 * cannot make, so there it raises permission_error(execute, shell, Cmd).
 * None of them is undone by backtracking: the file system is outside
 * memory. */
#include "os.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "engine/db.h"
#include "engine/error.h"
#include "engine/unify.h"
#include "stdlib/text.h"
#include "vmm/guest/plat.h"

static atom_t atom_of(const char *s) { return atom_from_cstr(s); }

/* The file name t names (an atom, a string, a code or char list). */
static void need_path(term_t t, text *out) { text_get(t, TEXT_ATOM | TEXT_STRING | TEXT_LIST, atom_of("text"), out); }

static bool is_kind(term_t t, mode_t kind)
{
    text p;
    need_path(t, &p);
    struct stat st;
    bool ok = stat(p.s, &st) == 0 && (st.st_mode & S_IFMT) == kind;
    text_free(&p);
    return ok;
}

/* exists_file(+File), exists_directory(+Dir) are semidet. */
static bool bi_exists_file(term_t *a) { return is_kind(a[0], S_IFREG); }
static bool bi_exists_directory(term_t *a) { return is_kind(a[0], S_IFDIR); }

/* delete_file(+File) is det: existence_error(file, F) when it is not
 * there, permission_error(delete, file, F) when it may not go. */
static bool bi_delete_file(term_t *a)
{
    text p;
    need_path(a[0], &p);
    int r = unlink(p.s), e = errno;
    text_free(&p);
    if (r == 0)
        return true;
    if (e == ENOENT || e == ENOTDIR)
        err_existence(atom_of("file"), term_deref(a[0]));
    err_permission(atom_of("delete"), atom_of("file"), term_deref(a[0]));
}

/* tmp_file(+Base, -File) is det: a fresh name under $TMPDIR (or /tmp),
 * with Base in it, not yet a file. */
static bool bi_tmp_file(term_t *a)
{
    text base;
    text_get(a[0], TEXT_ATOMIC, atom_of("text"), &base);
    /* backtrackable, so a name may come again after a restore: each
     * candidate is checked against the file system */
    static unsigned long counter;
    const char *dir = getenv("TMPDIR");
    char path[PATH_MAX];
    struct stat st;
    for (;;) {
        snprintf(path, sizeof path, "%s/snaplog_%s_%ld_%lu", dir && *dir ? dir : "/tmp", base.s, (long)getpid(),
                 ++counter);
        if (stat(path, &st) != 0)
            break;
    }
    text_free(&base);
    return unify(a[1], text_atom(path, strlen(path)));
}

/* Lexically: path made absolute against dir, "." and ".." segments
 * resolved, no trailing slash (swipl does not resolve symbolic links
 * either). */
static void absolute(const char *dir, const char *path, char *out, size_t cap)
{
    char tmp[PATH_MAX * 2];
    if (path[0] == '/')
        snprintf(tmp, sizeof tmp, "%s", path);
    else
        snprintf(tmp, sizeof tmp, "%s/%s", dir, path);
    size_t n = 0;
    out[0] = 0;
    for (char *seg = strtok(tmp, "/"); seg; seg = strtok(NULL, "/")) {
        if (!strcmp(seg, "."))
            continue;
        if (!strcmp(seg, "..")) {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--;
            out[n] = 0;
            continue;
        }
        size_t k = strlen(seg);
        if (n + 1 + k + 1 > cap)
            break;
        out[n++] = '/';
        memcpy(out + n, seg, k + 1);
        n += k;
    }
    if (n == 0)
        snprintf(out, cap, "/");
}

static bool opt_named(term_t o, const char *name)
{
    atom_t n;
    unsigned ar;
    return term_is_compound(o) && term_name_arity(o, &n, &ar) && ar == 1 && !strcmp(atom_name(n), name);
}

/* absolute_file_name(+Spec, -Abs), absolute_file_name(+Spec, -Abs,
 * +Options) are det.  Options: relative_to(Dir) (a file or a name that is
 * not a directory: its directory, as swipl), extensions(List) (the
 * first with which the file exists, else the first), access(A) with A
 * other than none (the file must exist: existence_error(source_sink,
 * Spec)), file_errors(fail), file_type(directory); the others are
 * accepted. */
static bool resolve(term_t *a, term_t opts)
{
    text spec;
    need_path(a[0], &spec);
    char cwd[PATH_MAX], dir[PATH_MAX], base[PATH_MAX], out[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        snprintf(cwd, sizeof cwd, "/");
    snprintf(dir, sizeof dir, "%s", cwd);
    term_t exts = TERM_NIL;
    bool must_exist = false, fail_quietly = false, want_dir = false;
    for (term_t l = term_deref(opts); term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
        term_t o = term_deref(term_arg(l, 1));
        if (opt_named(o, "relative_to")) {
            text d;
            need_path(term_arg(o, 1), &d);
            absolute(cwd, d.s, dir, sizeof dir);
            text_free(&d);
            struct stat ds; /* a file, or nothing: relative to its directory (swipl) */
            if (stat(dir, &ds) != 0 || !S_ISDIR(ds.st_mode)) {
                char *slash = strrchr(dir, '/');
                if (slash)
                    slash == dir ? (void)(dir[1] = 0) : (void)(*slash = 0);
            }
        } else if (opt_named(o, "extensions")) {
            exts = term_deref(term_arg(o, 1));
        } else if (opt_named(o, "access")) {
            term_t v = term_deref(term_arg(o, 1));
            must_exist = !(term_is_atom(v) && !strcmp(atom_name(term_get_atom(v)), "none"));
        } else if (opt_named(o, "file_errors")) {
            term_t v = term_deref(term_arg(o, 1));
            fail_quietly = term_is_atom(v) && !strcmp(atom_name(term_get_atom(v)), "fail");
        } else if (opt_named(o, "file_type")) {
            term_t v = term_deref(term_arg(o, 1));
            want_dir = term_is_atom(v) && !strcmp(atom_name(term_get_atom(v)), "directory");
        }
    }
    absolute(dir, spec.s, base, sizeof base);
    text_free(&spec);
    snprintf(out, sizeof out, "%s", base);
    bool found = false;
    struct stat st;
    for (term_t l = exts; term_is_list_cell(l) && !found; l = term_deref(term_arg(l, 2))) {
        text e;
        text_get(term_arg(l, 1), TEXT_ATOMIC, atom_of("text"), &e);
        char cand[PATH_MAX];
        snprintf(cand, sizeof cand, "%s%s%s", base, e.len && e.s[0] != '.' ? "." : "", e.s);
        if (l == exts)
            snprintf(out, sizeof out, "%s", cand); /* the first, when none exists */
        if (stat(cand, &st) == 0 && (!want_dir || S_ISDIR(st.st_mode))) {
            snprintf(out, sizeof out, "%s", cand);
            found = true;
        }
        text_free(&e);
    }
    if (!found && exts == TERM_NIL)
        found = stat(out, &st) == 0 && (!want_dir || S_ISDIR(st.st_mode));
    if ((must_exist || want_dir) && !found) {
        if (fail_quietly)
            return false;
        err_existence(atom_of(want_dir ? "directory" : "source_sink"), term_deref(a[0]));
    }
    return unify(a[1], text_atom(out, strlen(out)));
}

static bool bi_absolute_file_name2(term_t *a) { return resolve(a, TERM_NIL); }
static bool bi_absolute_file_name3(term_t *a) { return resolve(a, a[2]); }

/* getenv(+Name, -Value) is semidet. */
static bool bi_getenv(term_t *a)
{
    text n;
    text_get(a[0], TEXT_ATOMIC, atom_of("text"), &n);
    const char *v = getenv(n.s);
    text_free(&n);
    return v && unify(a[1], text_atom(v, strlen(v)));
}

/* setenv(+Name, +Value), unsetenv(+Name) are det. */
static bool bi_setenv(term_t *a)
{
    text n, v;
    text_get(a[0], TEXT_ATOMIC, atom_of("text"), &n);
    text_get(a[1], TEXT_ATOMIC, atom_of("text"), &v);
    int r = setenv(n.s, v.s, 1);
    text_free(&n);
    text_free(&v);
    if (r != 0)
        err_domain(atom_of("environment_variable"), term_deref(a[0]));
    return true;
}

static bool bi_unsetenv(term_t *a)
{
    text n;
    text_get(a[0], TEXT_ATOMIC, atom_of("text"), &n);
    unsetenv(n.s);
    text_free(&n);
    return true;
}

/* get_time(-Seconds) is det: the wall clock, a float since the epoch. */
static bool bi_get_time(term_t *a)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return unify(a[0], term_float((double)ts.tv_sec + ts.tv_nsec / 1e9));
}

/* sleep(+Seconds) is det (an integer or a float; 0 or less returns). */
static bool bi_sleep(term_t *a)
{
    term_t t = term_deref(a[0]);
    if (term_is_var(t))
        err_instantiation();
    double s;
    if (term_is_float(t))
        s = term_get_float(t);
    else if (term_is_integer(t))
        s = (double)err_need_int(t);
    else
        err_type(atom_of("float"), t); /* swipl's */
    if (s > 0) {
        struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
            ;
    }
    return true;
}

/* shell(+Command, -Status), shell(+Command) (true when the status is 0). */
static int run_shell(term_t cmd)
{
    if (plat_backend() == PLAT_KVM)
        err_permission(atom_of("execute"), atom_of("shell"), term_deref(cmd));
    text c;
    text_get(cmd, TEXT_ATOMIC | TEXT_LIST, atom_of("text"), &c);
    fflush(NULL);
    int st = system(c.s);
    text_free(&c);
    return st < 0 ? 127 : WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static bool bi_shell2(term_t *a) { return unify(a[1], term_int(run_shell(a[0]))); }
static bool bi_shell1(term_t *a) { return run_shell(a[0]) == 0; }

void os_register(void)
{
    db_register_test("exists_file", 1, bi_exists_file);
    db_register_test("exists_directory", 1, bi_exists_directory);
    db_register_det("delete_file", 1, bi_delete_file);
    db_register_det("tmp_file", 2, bi_tmp_file);
    db_register_det("absolute_file_name", 2, bi_absolute_file_name2);
    db_register_det("absolute_file_name", 3, bi_absolute_file_name3);
    db_register_det("getenv", 2, bi_getenv);
    db_register_det("setenv", 2, bi_setenv);
    db_register_det("unsetenv", 1, bi_unsetenv);
    db_register_det("get_time", 1, bi_get_time);
    db_register_det("sleep", 1, bi_sleep);
    db_register_det("shell", 1, bi_shell1);
    db_register_det("shell", 2, bi_shell2);
}
