/* os.c - the operating system from Prolog, as swipl names it: files
 * (exists_file/1, exists_directory/1, delete_file/1, tmp_file/2,
 * absolute_file_name/2,3, size_file/2, time_file/2, same_file/2,
 * rename_file/2), directories (make_directory/1, delete_directory/1,
 * directory_files/2, working_directory/2, chdir/1), file names as text
 * (file_base_name/2, file_directory_name/2, file_name_extension/3,
 * directory_file_path/3, is_absolute_file_name/1), the environment
 * (getenv/2, setenv/2, unsetenv/1), time (get_time/1, sleep/1,
 * stamp_date_time/3, date_time_stamp/2, format_time/3,
 * day_of_the_week/2) and shell/1,2.
 *
 * Under snapvm these are system calls the monitor serves (inside its
 * sandbox when one is set); shell/1,2 needs a process, which the guest
 * cannot make, so there it raises permission_error(execute, shell, Cmd).
 * None of them is undone by backtracking: the file system is outside
 * memory. */
#include "os.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "engine/db.h"
#include "engine/error.h"
#include "engine/mem.h"
#include "engine/unify.h"
#include "stdlib/stream.h"
#include "stdlib/text.h"
#include "vmm/guest/plat.h"

static atom_t atom_of(const char *s) { return atom_from_cstr(s); }

/* The file name t names (an atom, a string, a code or char list). */
static void need_path(term_t t, text *out) { text_get(t, TEXT_ATOM | TEXT_STRING | TEXT_LIST, atom_of("text"), out); }

/* The error of a failed operation on the file t, as swipl raises it: a
 * missing file (or directory: kind) is existence_error(kind, T), anything
 * else permission_error(action, kind, T); the context carries the
 * system's reason. */
static _Noreturn void file_error(int e, const char *action, const char *kind, term_t t)
{
    t = term_deref(t);
    if (e == ENOENT || e == ENOTDIR)
        err_throw_formal_msg(term_compound2(FUNCTOR_existence_error2, term_atom(atom_of(kind)), t), strerror(e));
    term_t pa[3] = {term_atom(atom_of(action)), term_atom(atom_of(kind)), t};
    err_throw_formal_msg(term_compound(FUNCTOR_permission_error3, pa), strerror(e));
}

/* fn(path of t): 0, or the errno it failed with. */
static int path_call(term_t t, int (*fn)(const char *))
{
    text p;
    need_path(t, &p);
    int r = fn(p.s), e = errno;
    text_free(&p);
    return r == 0 ? 0 : e;
}

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
    int e = path_call(a[0], unlink);
    if (e)
        file_error(e, "delete", "file", a[0]);
    return true;
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


/* --- file names as text ------------------------------------------------------ */

static term_t atom_n(const char *s, size_t n) { return text_atom(s, n); }

/* The length of p less its trailing slashes, but a path of slashes keeps one. */
static size_t strip_slashes(const char *p, size_t n)
{
    while (n > 1 && p[n - 1] == '/')
        n--;
    return n;
}

/* file_base_name(+Path, -File) is det: the last segment ("/a/b/" gives b,
 * "/" gives "/", "" gives ""). */
static bool bi_file_base_name(term_t *a)
{
    text p;
    text_get(a[0], TEXT_ATOMIC, atom_of("text"), &p);
    size_t n = strip_slashes(p.s, strlen(p.s)), i = n;
    while (i > 0 && p.s[i - 1] != '/')
        i--;
    term_t r = n == 1 && p.s[0] == '/' ? atom_n("/", 1) : atom_n(p.s + i, n - i);
    text_free(&p);
    return unify(a[1], r);
}

/* file_directory_name(+Path, -Dir) is det: all but the last segment ("c"
 * gives ".", "/c" gives "/", "a//b" gives a). */
static bool bi_file_directory_name(term_t *a)
{
    text p;
    text_get(a[0], TEXT_ATOMIC, atom_of("text"), &p);
    size_t n = strip_slashes(p.s, strlen(p.s)), i = n;
    while (i > 0 && p.s[i - 1] != '/')
        i--;
    term_t r;
    if (n == 1 && p.s[0] == '/')
        r = atom_n("/", 1);
    else if (i == 0)
        r = atom_n(".", 1);
    else {
        while (i > 1 && p.s[i - 1] == '/')
            i--;
        r = atom_n(p.s, i);
    }
    text_free(&p);
    return unify(a[1], r);
}

/* Where the extension of name starts (its dot), or -1: the last dot of the
 * last segment. */
static long ext_dot(const char *name)
{
    const char *slash = strrchr(name, '/'), *dot = strrchr(name, '.');
    return dot && (!slash || dot > slash) ? dot - name : -1;
}

/* file_name_extension(?Base, ?Ext, ?Name): Name is Base with the extension
 * Ext (written with or without its dot; a Base that has it already is
 * Name), or Name split into the two (Ext '' when there is none). */
static bool bi_file_name_extension(term_t *a)
{
    term_t b = term_deref(a[0]), e = term_deref(a[1]), nm = term_deref(a[2]);
    if (!term_is_var(b) && !term_is_var(e)) {
        text bt, et;
        text_get(b, TEXT_ATOMIC, atom_of("text"), &bt);
        text_get(e, TEXT_ATOMIC, atom_of("text"), &et);
        const char *x = et.s[0] == '.' ? et.s + 1 : et.s;
        long d = ext_dot(bt.s);
        term_t r;
        if (!*x || (d >= 0 && !strcmp(bt.s + d + 1, x)))
            r = atom_n(bt.s, strlen(bt.s));
        else {
            size_t nb = strlen(bt.s), nx = strlen(x);
            char *buf = mem_palloc(nb + nx + 2);
            if (!buf)
                err_resource(ATOM_memory);
            memcpy(buf, bt.s, nb);
            buf[nb] = '.';
            memcpy(buf + nb + 1, x, nx + 1);
            r = atom_n(buf, nb + nx + 1);
            mem_pfree(buf);
        }
        text_free(&bt);
        text_free(&et);
        return unify(nm, r);
    }
    if (term_is_var(nm))
        err_instantiation();
    text nt;
    text_get(nm, TEXT_ATOMIC, atom_of("text"), &nt);
    long d = ext_dot(nt.s);
    size_t n = strlen(nt.s);
    term_t base = d >= 0 ? atom_n(nt.s, (size_t)d) : atom_n(nt.s, n);
    term_t ext = d >= 0 ? atom_n(nt.s + d + 1, n - (size_t)d - 1) : atom_n("", 0);
    bool ok;
    if (!term_is_var(e)) {
        text et;
        text_get(e, TEXT_ATOMIC, atom_of("text"), &et);
        const char *x = et.s[0] == '.' ? et.s + 1 : et.s;
        if (d >= 0 && !strcmp(nt.s + d + 1, x))
            ok = unify(b, base);
        else
            ok = !*x && unify(b, atom_n(nt.s, n));
        text_free(&et);
    } else {
        ok = unify(b, base) && unify(e, ext);
    }
    text_free(&nt);
    return ok;
}

/* directory_file_path(?Dir, ?File, ?Path): Path is File in Dir (File
 * itself when absolute or when Dir is "."), or Path split at its last
 * slash. */
static bool bi_directory_file_path(term_t *a)
{
    term_t d = term_deref(a[0]), f = term_deref(a[1]);
    if (!term_is_var(d) && !term_is_var(f)) {
        text dt, ft;
        text_get(d, TEXT_ATOMIC, atom_of("text"), &dt);
        text_get(f, TEXT_ATOMIC, atom_of("text"), &ft);
        size_t nd = strlen(dt.s), nf = strlen(ft.s);
        term_t r;
        if (ft.s[0] == '/' || !strcmp(dt.s, "."))
            r = atom_n(ft.s, nf);
        else {
            char *buf = mem_palloc(nd + nf + 2);
            if (!buf)
                err_resource(ATOM_memory);
            size_t k = nd;
            memcpy(buf, dt.s, nd);
            if (k == 0 || buf[k - 1] != '/')
                buf[k++] = '/';
            memcpy(buf + k, ft.s, nf + 1);
            r = atom_n(buf, k + nf);
            mem_pfree(buf);
        }
        text_free(&dt);
        text_free(&ft);
        return unify(a[2], r);
    }
    term_t p = term_deref(a[2]);
    if (term_is_var(p))
        err_instantiation();
    text pt;
    text_get(p, TEXT_ATOMIC, atom_of("text"), &pt);
    size_t n = strip_slashes(pt.s, strlen(pt.s));
    const char *slash = NULL;
    for (size_t i = n; i > 0 && !slash; i--)
        if (pt.s[i - 1] == '/')
            slash = pt.s + i - 1;
    term_t dir, file;
    if (!slash) {
        dir = atom_n(".", 1);
        file = atom_n(pt.s, n);
    } else {
        size_t i = (size_t)(slash - pt.s);
        dir = i == 0 ? atom_n("/", 1) : atom_n(pt.s, i);
        file = atom_n(slash + 1, n - i - 1);
    }
    text_free(&pt);
    return unify(d, dir) && unify(f, file);
}

/* is_absolute_file_name(+Name) is semidet. */
static bool bi_is_absolute_file_name(term_t *a)
{
    text p;
    text_get(a[0], TEXT_ATOMIC, atom_of("text"), &p);
    bool abs = p.s[0] == '/';
    text_free(&p);
    return abs;
}

/* --- files and directories ---------------------------------------------------- */


static void need_stat(term_t t, struct stat *st, const char *kind)
{
    text p;
    need_path(t, &p);
    int r = stat(p.s, st), e = errno;
    text_free(&p);
    if (r != 0)
        file_error(e, "access", kind, t);
}

/* size_file(+File, -Bytes), time_file(+File, -Seconds) are det
 * (existence_error(file, F) when it is not there). */
static bool bi_size_file(term_t *a)
{
    struct stat st;
    need_stat(a[0], &st, "file");
    return unify(a[1], term_int((int64_t)st.st_size));
}

static bool bi_time_file(term_t *a)
{
    struct stat st;
    need_stat(a[0], &st, "file");
    return unify(a[1], term_float((double)st.st_mtim.tv_sec + st.st_mtim.tv_nsec / 1e9));
}

/* same_file(+F1, +F2) is semidet: the same name, or the same file. */
static bool bi_same_file(term_t *a)
{
    text p, q;
    need_path(a[0], &p);
    need_path(a[1], &q);
    struct stat s1, s2;
    bool same = !strcmp(p.s, q.s) ||
                (stat(p.s, &s1) == 0 && stat(q.s, &s2) == 0 && s1.st_dev == s2.st_dev && s1.st_ino == s2.st_ino);
    text_free(&p);
    text_free(&q);
    return same;
}

/* rename_file(+From, +To) is det. */
static bool bi_rename_file(term_t *a)
{
    text p, q;
    need_path(a[0], &p);
    need_path(a[1], &q);
    int r = rename(p.s, q.s), e = errno;
    text_free(&p);
    text_free(&q);
    if (r != 0)
        file_error(e, "rename", "file", a[0]);
    return true;
}

/* make_directory(+Dir), delete_directory(+Dir) are det.  As swipl, an
 * existing Dir is existence_error(directory, D) with the reason "File
 * exists". */
static int mkdir_0777(const char *path) { return mkdir(path, 0777); }

static bool bi_make_directory(term_t *a)
{
    int e = path_call(a[0], mkdir_0777);
    if (e == EEXIST)
        err_throw_formal_msg(term_compound2(FUNCTOR_existence_error2, term_atom(atom_of("directory")),
                                            term_deref(a[0])), strerror(e));
    if (e)
        file_error(e, "create", "directory", a[0]);
    return true;
}

static bool bi_delete_directory(term_t *a)
{
    int e = path_call(a[0], rmdir);
    if (e)
        file_error(e, "delete", "directory", a[0]);
    return true;
}

/* directory_files(+Dir, -Entries) is det: the names in Dir, "." and ".."
 * included, in the order the system gives them. */
static bool bi_directory_files(term_t *a)
{
    text p;
    need_path(a[0], &p);
    DIR *d = opendir(p.s);
    int e = errno;
    text_free(&p);
    if (!d)
        file_error(e, "open", e == ENOENT ? "file" : "directory", a[0]);
    term_t list = TERM_NIL, *tail = &list;
    for (;;) {
        errno = 0;
        struct dirent *de = readdir(d);
        if (!de)
            break;
        term_t cell = term_cons(atom_n(de->d_name, strlen(de->d_name)), TERM_NIL);
        *tail = cell;
        tail = term_ptr(cell) + 2;
    }
    e = errno;
    closedir(d);
    if (e)
        file_error(e, "read", "directory", a[0]);
    return unify(a[1], list);
}

/* working_directory(-Old, +New) is det: Old is the working directory with a
 * trailing slash; then New (unbound or the same: no change) becomes it. */
static bool bi_working_directory(term_t *a)
{
    char cwd[PATH_MAX + 1];
    if (!getcwd(cwd, PATH_MAX))
        file_error(errno, "access", "directory", term_atom(atom_of(".")));
    size_t n = strlen(cwd);
    if (n == 0 || cwd[n - 1] != '/')
        cwd[n++] = '/', cwd[n] = 0;
    if (!unify(a[0], atom_n(cwd, n)))
        return false;
    term_t nw = term_deref(a[1]);
    if (term_is_var(nw))
        return true;
    text p;
    need_path(nw, &p);
    int r = chdir(p.s), e = errno;
    text_free(&p);
    if (r != 0)
        file_error(e, "change", "directory", nw);
    return true;
}

/* chdir(+Dir) is det: working_directory(_, Dir). */
static bool bi_chdir(term_t *a)
{
    term_t args[2] = {term_new_var(), a[0]};
    return bi_working_directory(args);
}

/* '$file_kind'(+Path, -Kind) is semidet: regular, directory, link (a
 * symbolic link, not followed) or other; fails when there is nothing. */
static bool bi_file_kind(term_t *a)
{
    text p;
    need_path(a[0], &p);
    struct stat st;
    int r = lstat(p.s, &st);
    text_free(&p);
    if (r != 0)
        return false;
    const char *k = S_ISREG(st.st_mode) ? "regular" : S_ISDIR(st.st_mode) ? "directory" : S_ISLNK(st.st_mode) ? "link" : "other";
    return unify(a[1], term_atom(atom_of(k)));
}

/* One key from the terminal: raw mode (no Enter, no echo) for the read,
 * a UTF-8 character whole; -1 at the end of the input. */
int os_read_key(void)
{
    fflush(stdout);
    struct termios old, raw;
    bool have = tcgetattr(0, &old) == 0;
    if (have) {
        raw = old;
        raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        tcsetattr(0, TCSANOW, &raw);
    }
    unsigned char b[4];
    int c = -1;
    if (read(0, b, 1) == 1) {
        size_t n = b[0] >= 0xF0 ? 4 : b[0] >= 0xE0 ? 3 : b[0] >= 0xC0 ? 2 : 1, used;
        if (n == 1 || read(0, b + 1, n - 1) == (ssize_t)(n - 1))
            c = text_utf8_decode((const char *)b, n, &used);
        else
            c = b[0];
    }
    if (have)
        tcsetattr(0, TCSANOW, &old);
    return c;
}

/* get_single_char(-Code) is det: one key from the terminal (os_read_key);
 * not on a terminal, the next character of user_input; -1 at the end. */
static bool bi_get_single_char(term_t *a)
{
    if (isatty(0))
        return unify(a[0], term_int(os_read_key()));
    return unify(a[0], term_int(stream_get_code(stream_get_input(term_atom(atom_of("user_input"))))));
}

/* --- dates and times ---------------------------------------------------------- */

/* A moment broken down: the fields of struct tm (with tm_gmtoff and
 * tm_zone set), the fraction of its second, and the date/9 fields that
 * say which zone: off (seconds west of UTC) and zone and dst as terms. */
struct moment {
    struct tm tm;
    double frac;
    char zone[64];
};

static double need_stamp(term_t t)
{
    t = term_deref(t);
    if (term_is_var(t))
        err_instantiation();
    if (term_is_float(t))
        return term_get_float(t);
    if (term_is_integer(t))
        return (double)err_need_int(t);
    err_type(atom_of("float"), t);
}

/* stamp seen in zone: 'UTC', local, or an integer offset (seconds west). */
static void stamp_moment(double stamp, term_t zone, struct moment *m)
{
    double whole = floor(stamp);
    time_t t = (time_t)whole;
    m->frac = stamp - whole;
    zone = term_deref(zone);
    if (term_is_atom(zone) && !strcmp(atom_name(term_get_atom(zone)), "UTC")) {
        gmtime_r(&t, &m->tm);
        snprintf(m->zone, sizeof m->zone, "UTC");
    } else if (term_is_integer(zone)) {
        int64_t off = err_need_int(zone);
        time_t u = t - (time_t)off;
        gmtime_r(&u, &m->tm);
        m->tm.tm_gmtoff = -off;
        snprintf(m->zone, sizeof m->zone, "-");
    } else if (term_is_var(zone) || (term_is_atom(zone) && !strcmp(atom_name(term_get_atom(zone)), "local"))) {
        localtime_r(&t, &m->tm);
        snprintf(m->zone, sizeof m->zone, "%s", m->tm.tm_zone ? m->tm.tm_zone : "-");
    } else {
        err_type(atom_of("atom"), zone);
    }
    m->tm.tm_zone = m->zone;
}

static bool date_arg_int(term_t d, unsigned i, int *out)
{
    term_t a = term_deref(term_arg(d, i));
    if (term_is_var(a))
        err_instantiation();
    *out = (int)err_need_int(a);
    return true;
}

/* The stamp of a date/9 or date/3 term; *m (when not NULL) gets the moment
 * in the term's own zone. */
static double date_stamp(term_t d, struct moment *m)
{
    d = term_deref(d);
    atom_t name;
    unsigned arity;
    if (term_is_var(d))
        err_instantiation();
    if (!term_name_arity(d, &name, &arity) || strcmp(atom_name(name), "date") || (arity != 9 && arity != 3))
        err_type(atom_of("date"), d);
    struct tm tm = {0};
    date_arg_int(d, 1, &tm.tm_year);
    date_arg_int(d, 2, &tm.tm_mon);
    date_arg_int(d, 3, &tm.tm_mday);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    double frac = 0;
    term_t off = 0;
    if (arity == 9) {
        date_arg_int(d, 4, &tm.tm_hour);
        date_arg_int(d, 5, &tm.tm_min);
        term_t sec = term_deref(term_arg(d, 6));
        double sv = need_stamp(sec);
        tm.tm_sec = (int)floor(sv);
        frac = sv - floor(sv);
        off = term_deref(term_arg(d, 7));
    }
    double stamp;
    if (off && term_is_integer(off)) {
        stamp = (double)timegm(&tm) + (double)err_need_int(off) + frac;
    } else {
        tm.tm_isdst = -1;
        stamp = (double)mktime(&tm) + frac;
        off = 0;
    }
    if (m) {
        if (off) {
            stamp_moment(stamp, off, m);
            term_t z = term_deref(term_arg(d, 8));
            if (term_is_atom(z))
                snprintf(m->zone, sizeof m->zone, "%s", atom_name(term_get_atom(z)));
        } else {
            stamp_moment(stamp, term_atom(atom_of("local")), m);
        }
    }
    return stamp;
}

/* stamp_date_time(+Stamp, -DateTime, +TimeZone) is det: date(Y, M, D, H,
 * Mn, S, Off, TZ, DST) with S a float and Off seconds west of UTC; 'UTC'
 * (TZ 'UTC', DST -), local (TZ the zone's name, DST true or false) or an
 * integer offset (TZ and DST -). */
static bool bi_stamp_date_time(term_t *a)
{
    struct moment m;
    stamp_moment(need_stamp(a[0]), a[2], &m);
    term_t zone = term_deref(a[2]);
    bool local = term_is_var(zone) || (term_is_atom(zone) && !strcmp(atom_name(term_get_atom(zone)), "local"));
    term_t dash = term_atom(atom_of("-"));
    term_t f[9] = {term_int(m.tm.tm_year + 1900), term_int(m.tm.tm_mon + 1), term_int(m.tm.tm_mday),
                   term_int(m.tm.tm_hour), term_int(m.tm.tm_min), term_float(m.tm.tm_sec + m.frac),
                   term_int(-(int64_t)m.tm.tm_gmtoff),
                   term_is_integer(zone) ? dash : term_atom(atom_of(m.zone)),
                   local ? term_atom(m.tm.tm_isdst > 0 ? ATOM_true : ATOM_false) : dash};
    if (term_is_var(zone) && !unify(zone, term_atom(atom_of("local"))))
        return false;
    return unify(a[1], term_compound(functor_intern(atom_of("date"), 9), f));
}

/* date_time_stamp(+DateTime, -Stamp) is det: date/9 (an unbound offset
 * means local time; out-of-range fields are normalised) or date/3 (local
 * midnight), to a float. */
static bool bi_date_time_stamp(term_t *a) { return unify(a[1], term_float(date_stamp(a[0], NULL))); }

/* Out is a stream, or atom(A), string(S), codes(Cs[, T]), chars(Cs[, T]) as
 * format/3 takes them: the n bytes of text at p to it. */
static bool time_out(term_t out, const char *p, size_t n)
{
    out = term_deref(out);
    if (term_is_compound(out) && term_functor(out) != functor_intern(atom_of("$stream"), 1))
        return stream_unify_output(out, p, n);
    stream_write(stream_get_output(out), p, n);
    return true;
}

/* format_time(+Out, +Format, +Time) is det: Time a stamp (local time),
 * date/9 (in its own zone) or date/3; Out as time_out() takes it.  The
 * directives of strftime(3), and swipl's %f (microseconds), %Nf (N digits)
 * and %+ (as date(1) prints); an unknown one is existence_error(format,
 * Directive). */
static bool bi_format_time(term_t *a)
{
    text f;
    text_get(a[1], TEXT_ATOM | TEXT_STRING | TEXT_LIST, atom_of("text"), &f);
    struct moment m;
    term_t t = term_deref(a[2]);
    if (term_is_compound(t) && term_functor(t) != functor_intern(atom_of("date"), 9) &&
        term_functor(t) != functor_intern(atom_of("date"), 3))
        err_type(atom_of("time"), t);
    if (term_is_compound(t))
        date_stamp(t, &m);
    else if (term_is_integer(t) || term_is_float(t))
        stamp_moment(need_stamp(t), term_atom(atom_of("local")), &m);
    else if (term_is_var(t))
        err_instantiation();
    else
        err_type(atom_of("time"), t);
    size_t cap = 256, n = 0;
    char *out = mem_palloc(cap);
    if (!out)
        err_resource(ATOM_memory);
    for (const char *p = f.s; *p;) {
        char piece[128], spec[8];
        size_t k;
        if (*p != '%') {
            piece[0] = *p++;
            k = 1;
        } else {
            const char *d = p + 1;
            int digits = -1;
            if (*d >= '1' && *d <= '9' && d[1] == 'f')
                digits = *d++ - '0';
            char c = *d;
            if (c == 'f') {
                if (digits < 0)
                    digits = 6;
                long v = (long)floor(m.frac * pow(10, digits));
                k = (size_t)snprintf(piece, sizeof piece, "%0*ld", digits, v);
            } else if (c && strchr("aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ+%", c)) {
                snprintf(spec, sizeof spec, "%%%c", c == '+' ? 'c' : c);
                k = strftime(piece, sizeof piece, spec, &m.tm);
            } else {
                size_t dl = c ? (size_t)(d - p) + 1 : (size_t)(d - p);
                term_t culprit = text_atom(p, dl);
                mem_pfree(out);
                text_free(&f);
                err_existence(atom_of("format"), culprit);
            }
            p = c ? d + 1 : d;
        }
        if (n + k + 1 > cap) {
            cap = (n + k + 1) * 2;
            char *o = mem_prealloc(out, cap);
            if (!o)
                err_resource(ATOM_memory);
            out = o;
        }
        memcpy(out + n, piece, k);
        n += k;
    }
    bool ok = time_out(a[0], out, n);
    mem_pfree(out);
    text_free(&f);
    return ok;
}

/* day_of_the_week(+Date, -Day) is det: 1 (Monday) .. 7 (Sunday). */
static bool bi_day_of_the_week(term_t *a)
{
    term_t d = term_deref(a[0]);
    struct tm tm = {0};
    if (!term_is_compound(d) || functor_arity(term_functor(d)) < 3)
        err_type(atom_of("date"), d);
    date_arg_int(d, 1, &tm.tm_year);
    date_arg_int(d, 2, &tm.tm_mon);
    date_arg_int(d, 3, &tm.tm_mday);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_hour = 12;
    time_t t = timegm(&tm);
    struct tm out;
    gmtime_r(&t, &out);
    return unify(a[1], term_int(out.tm_wday == 0 ? 7 : out.tm_wday));
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
    db_register_det("file_base_name", 2, bi_file_base_name);
    db_register_det("file_directory_name", 2, bi_file_directory_name);
    db_register_det("file_name_extension", 3, bi_file_name_extension);
    db_register_det("directory_file_path", 3, bi_directory_file_path);
    db_register_test("is_absolute_file_name", 1, bi_is_absolute_file_name);
    db_register_det("size_file", 2, bi_size_file);
    db_register_det("time_file", 2, bi_time_file);
    db_register_test("same_file", 2, bi_same_file);
    db_register_det("rename_file", 2, bi_rename_file);
    db_register_det("make_directory", 1, bi_make_directory);
    db_register_det("delete_directory", 1, bi_delete_directory);
    db_register_det("directory_files", 2, bi_directory_files);
    db_register_det("working_directory", 2, bi_working_directory);
    db_register_det("chdir", 1, bi_chdir);
    db_register_test("$file_kind", 2, bi_file_kind);
    db_register_det("get_single_char", 1, bi_get_single_char);
    db_register_det("stamp_date_time", 3, bi_stamp_date_time);
    db_register_det("date_time_stamp", 2, bi_date_time_stamp);
    db_register_det("format_time", 3, bi_format_time);
    db_register_det("day_of_the_week", 2, bi_day_of_the_week);
}
