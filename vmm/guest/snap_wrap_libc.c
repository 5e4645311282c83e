/* snap_wrap_libc.c: libc functions that write into the caller's memory.
 *
 * libc is not instrumented: what it stores into tracked memory must be
 * logged first.  Each wrapper (linked with -Wl,--wrap=NAME by build/snap-cc)
 * logs the lines it is about to write, then calls the real function.  Where
 * the length written is not known in advance but bounded (fgets, read into a
 * small buffer, strftime, getcwd), the real function writes into a scratch
 * buffer on the stack and the result is copied with the wrapped memcpy, so
 * only the lines really written are logged.  strtok keeps its position in a
 * tracked variable, so a restore brings it back like any program state.
 *
 * Not wrapped (documented in docs/snapshots.md): the scanf family's output
 * arguments, libm functions with pointer results (modf, frexp, sincos),
 * readv, recv, and anything else that writes through a pointer.
 */
#define _GNU_SOURCE
#include "snap_rt.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define LOG(p, n) snap_log_range((p), (n))
#define SCRATCH 4096

/* ---- strings ---- */

char *__real_strcpy(char *, const char *);
char *__wrap_strcpy(char *d, const char *s)
{
    size_t n = strlen(s) + 1;
    LOG(d, n);
    return __real_strcpy(d, s);
}

char *__real_stpcpy(char *, const char *);
char *__wrap_stpcpy(char *d, const char *s)
{
    LOG(d, strlen(s) + 1);
    return __real_stpcpy(d, s);
}

char *__real_strncpy(char *, const char *, size_t);
char *__wrap_strncpy(char *d, const char *s, size_t n)
{
    LOG(d, n); /* pads with zeros to n */
    return __real_strncpy(d, s, n);
}

char *__real_stpncpy(char *, const char *, size_t);
char *__wrap_stpncpy(char *d, const char *s, size_t n)
{
    LOG(d, n);
    return __real_stpncpy(d, s, n);
}

char *__real_strcat(char *, const char *);
char *__wrap_strcat(char *d, const char *s)
{
    LOG(d + strlen(d), strlen(s) + 1);
    return __real_strcat(d, s);
}

char *__real_strncat(char *, const char *, size_t);
char *__wrap_strncat(char *d, const char *s, size_t n)
{
    LOG(d + strlen(d), strnlen(s, n) + 1);
    return __real_strncat(d, s, n);
}

void *__real_memccpy(void *, const void *, int, size_t);
void *__wrap_memccpy(void *d, const void *s, int c, size_t n)
{
    const void *e = memchr(s, c, n);
    LOG(d, e ? (size_t)((const char *)e - (const char *)s) + 1 : n);
    return __real_memccpy(d, s, c, n);
}

void *__real_mempcpy(void *, const void *, size_t);
void *__wrap_mempcpy(void *d, const void *s, size_t n)
{
    LOG(d, n);
    return __real_mempcpy(d, s, n);
}

char *__real_strtok_r(char *, const char *, char **);
char *__wrap_strtok_r(char *s, const char *delim, char **save)
{
    LOG(save, sizeof *save);
    char *p = s ? s : *save;
    if (p) {
        p += strspn(p, delim);
        p += strcspn(p, delim);
        if (*p) LOG(p, 1); /* the terminator it writes */
    }
    return __real_strtok_r(s, delim, save);
}

static char *strtok_pos __attribute__((section("snap_bss"))); /* tracked */
char *__wrap_strtok(char *s, const char *delim) { return __wrap_strtok_r(s, delim, &strtok_pos); }

/* strto*: the end pointer */
long __real_strtol(const char *, char **, int);
long __wrap_strtol(const char *s, char **end, int base)
{
    if (end) LOG(end, sizeof *end);
    return __real_strtol(s, end, base);
}
unsigned long __real_strtoul(const char *, char **, int);
unsigned long __wrap_strtoul(const char *s, char **end, int base)
{
    if (end) LOG(end, sizeof *end);
    return __real_strtoul(s, end, base);
}
long long __real_strtoll(const char *, char **, int);
long long __wrap_strtoll(const char *s, char **end, int base)
{
    if (end) LOG(end, sizeof *end);
    return __real_strtoll(s, end, base);
}
unsigned long long __real_strtoull(const char *, char **, int);
unsigned long long __wrap_strtoull(const char *s, char **end, int base)
{
    if (end) LOG(end, sizeof *end);
    return __real_strtoull(s, end, base);
}
double __real_strtod(const char *, char **);
double __wrap_strtod(const char *s, char **end)
{
    if (end) LOG(end, sizeof *end);
    return __real_strtod(s, end);
}
float __real_strtof(const char *, char **);
float __wrap_strtof(const char *s, char **end)
{
    if (end) LOG(end, sizeof *end);
    return __real_strtof(s, end);
}

/* libc's would be a persistent block (libc is the caller of malloc): the
 * program's copies are tracked */
char *__wrap_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = snap_tmalloc(n);
    if (p) memcpy(p, s, n);
    return p;
}

char *__wrap_strndup(const char *s, size_t max)
{
    size_t n = strnlen(s, max);
    char *p = snap_tmalloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0; /* fresh or logged by the memcpy when n > 0; else: */
        if (!n) LOG(p, 1), p[0] = 0;
    }
    return p;
}

/* ---- formatted output into memory ---- */

int __real_vsnprintf(char *, size_t, const char *, va_list);
int __real_vsprintf(char *, const char *, va_list);

static int fmt_len(const char *fmt, va_list ap)
{
    va_list aq;
    va_copy(aq, ap);
    int n = __real_vsnprintf(0, 0, fmt, aq);
    va_end(aq);
    return n;
}

/* Is any line of [p, p + n) armed?  A destination that was written since
 * the newest take (a fresh buffer, the stack) needs no log, and then no
 * second formatting pass to learn the length. */
static int range_armed(const void *p, size_t n)
{
    if (SNAP_UNLIKELY(!snap_rt.ready)) return 0;
    uintptr_t u = (uintptr_t)p & ~(SNAP_LINE - 1), e = (uintptr_t)p + n;
    for (; u < e; u += SNAP_LINE)
        if (*snap_shadow(u)) return 1;
    return 0;
}

int __wrap_vsnprintf(char *d, size_t size, const char *fmt, va_list ap)
{
    if (size && range_armed(d, size)) {
        int n = fmt_len(fmt, ap);
        if (n >= 0) LOG(d, (size_t)n + 1 < size ? (size_t)n + 1 : size);
    }
    return __real_vsnprintf(d, size, fmt, ap);
}

int __wrap_vsprintf(char *d, const char *fmt, va_list ap)
{
    int n = fmt_len(fmt, ap);
    if (n >= 0) LOG(d, (size_t)n + 1);
    return __real_vsprintf(d, fmt, ap);
}

int __wrap_snprintf(char *d, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __wrap_vsnprintf(d, size, fmt, ap);
    va_end(ap);
    return r;
}

int __wrap_sprintf(char *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __wrap_vsprintf(d, fmt, ap);
    va_end(ap);
    return r;
}

/* the buffer is ours (tracked malloc); only *out is the caller's */
int __wrap_vasprintf(char **out, const char *fmt, va_list ap)
{
    int n = fmt_len(fmt, ap);
    if (n < 0) return -1;
    char *p = snap_tmalloc((size_t)n + 1);
    if (!p) return -1;
    LOG(p, (size_t)n + 1);
    __real_vsnprintf(p, (size_t)n + 1, fmt, ap);
    LOG(out, sizeof *out);
    *out = p;
    return n;
}

int __wrap_asprintf(char **out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = __wrap_vasprintf(out, fmt, ap);
    va_end(ap);
    return r;
}

size_t __real_strftime(char *, size_t, const char *, const struct tm *);
size_t __wrap_strftime(char *d, size_t max, const char *fmt, const struct tm *tm)
{
    char tmp[SCRATCH];
    if (max > sizeof tmp) {
        LOG(d, max);
        return __real_strftime(d, max, fmt, tm);
    }
    size_t n = __real_strftime(tmp, max, fmt, tm);
    if (n) memcpy(d, tmp, n + 1); /* wrapped: logs */
    return n;
}

/* ---- input ---- */

ssize_t __real_read(int, void *, size_t);
ssize_t __wrap_read(int fd, void *b, size_t n)
{
    char tmp[SCRATCH];
    if (n > sizeof tmp) {
        LOG(b, n);
        return __real_read(fd, b, n);
    }
    ssize_t r = __real_read(fd, tmp, n);
    if (r > 0) memcpy(b, tmp, (size_t)r);
    return r;
}

ssize_t __real_pread(int, void *, size_t, off_t);
ssize_t __wrap_pread(int fd, void *b, size_t n, off_t off)
{
    LOG(b, n);
    return __real_pread(fd, b, n, off);
}

size_t __real_fread(void *, size_t, size_t, FILE *);
size_t __wrap_fread(void *b, size_t size, size_t n, FILE *f)
{
    size_t t;
    if (__builtin_mul_overflow(size, n, &t)) t = SIZE_MAX;
    LOG(b, t);
    return __real_fread(b, size, n, f);
}

char *__real_fgets(char *, int, FILE *);
char *__wrap_fgets(char *s, int n, FILE *f)
{
    char tmp[SCRATCH];
    if (n <= 0 || (size_t)n > sizeof tmp) {
        if (n > 0) LOG(s, (size_t)n);
        return __real_fgets(s, n, f);
    }
    if (!__real_fgets(tmp, n, f)) return 0;
    memcpy(s, tmp, strlen(tmp) + 1);
    return s;
}

/* getline/getdelim: done here, so every store into the (tracked, growing)
 * buffer and into *line and *cap is logged */
ssize_t __wrap_getdelim(char **line, size_t *cap, int delim, FILE *f)
{
    if (!line || !cap || !f) return -1;
    size_t n = 0;
    int c;
    flockfile(f);
    while ((c = getc_unlocked(f)) != EOF) {
        if (n + 2 > *cap || !*line) {
            size_t nc = *cap < 120 ? 120 : *cap * 2;
            char *p = snap_trealloc(*line, nc);
            if (!p) {
                funlockfile(f);
                return -1;
            }
            LOG(line, sizeof *line);
            *line = p;
            LOG(cap, sizeof *cap);
            *cap = nc;
        }
        LOG(*line + n, 2);
        (*line)[n++] = (char)c;
        if (c == delim) break;
    }
    funlockfile(f);
    if (!n) return -1;
    (*line)[n] = 0;
    return (ssize_t)n;
}

ssize_t __wrap_getline(char **line, size_t *cap, FILE *f) { return __wrap_getdelim(line, cap, '\n', f); }
/* <stdio.h> turns getline into __getdelim when optimizing */
ssize_t __wrap___getdelim(char **line, size_t *cap, int delim, FILE *f)
{
    return __wrap_getdelim(line, cap, delim, f);
}

/* ---- sorting ---- */

void __real_qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void __wrap_qsort(void *b, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    size_t t;
    if (!__builtin_mul_overflow(n, size, &t)) LOG(b, t);
    __real_qsort(b, n, size, cmp);
}

void __real_qsort_r(void *, size_t, size_t, int (*)(const void *, const void *, void *), void *);
void __wrap_qsort_r(void *b, size_t n, size_t size, int (*cmp)(const void *, const void *, void *), void *arg)
{
    size_t t;
    if (!__builtin_mul_overflow(n, size, &t)) LOG(b, t);
    __real_qsort_r(b, n, size, cmp, arg);
}

/* ---- results through a pointer ---- */

time_t __real_time(time_t *);
time_t __wrap_time(time_t *t)
{
    if (t) LOG(t, sizeof *t);
    return __real_time(t);
}

int __real_gettimeofday(struct timeval *, void *);
int __wrap_gettimeofday(struct timeval *tv, void *tz)
{
    if (tv) LOG(tv, sizeof *tv);
    return __real_gettimeofday(tv, tz);
}

int __real_clock_gettime(clockid_t, struct timespec *);
int __wrap_clock_gettime(clockid_t c, struct timespec *ts)
{
    LOG(ts, sizeof *ts);
    return __real_clock_gettime(c, ts);
}

struct tm *__real_localtime_r(const time_t *, struct tm *);
struct tm *__wrap_localtime_r(const time_t *t, struct tm *tm)
{
    LOG(tm, sizeof *tm);
    return __real_localtime_r(t, tm);
}

struct tm *__real_gmtime_r(const time_t *, struct tm *);
struct tm *__wrap_gmtime_r(const time_t *t, struct tm *tm)
{
    LOG(tm, sizeof *tm);
    return __real_gmtime_r(t, tm);
}

int __real_stat(const char *, struct stat *);
int __wrap_stat(const char *p, struct stat *st)
{
    LOG(st, sizeof *st);
    return __real_stat(p, st);
}

int __real_lstat(const char *, struct stat *);
int __wrap_lstat(const char *p, struct stat *st)
{
    LOG(st, sizeof *st);
    return __real_lstat(p, st);
}

int __real_fstat(int, struct stat *);
int __wrap_fstat(int fd, struct stat *st)
{
    LOG(st, sizeof *st);
    return __real_fstat(fd, st);
}

char *__real_getcwd(char *, size_t);
char *__wrap_getcwd(char *b, size_t n)
{
    if (!b) { /* the result is the program's: tracked */
        char tmp[SCRATCH];
        if (!__real_getcwd(tmp, sizeof tmp)) return 0;
        size_t len = strlen(tmp) + 1;
        if (n && n < len) return errno = ERANGE, (char *)0;
        b = snap_tmalloc(n > len ? n : len);
        if (b) memcpy(b, tmp, len);
        return b;
    }
    LOG(b, n);
    return __real_getcwd(b, n);
}
