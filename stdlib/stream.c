/* stream.c - the stream table and buffered I/O (see stream.h).
 *
 * The table, the streams and their buffers live in persistent memory; the
 * one global pointer to them is set once before the first snapshot and never
 * changes, so a restore cannot move it.  Files are stdio FILEs: glibc's own
 * state and buffers are not instrumented, hence persistent too.
 */
#include "stream.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "engine/error.h"
#include "engine/mem.h"
#include "stdlib/text.h"

struct alias {
    atom_t name;
    unsigned id;
};

struct table {
    stream **v;
    unsigned n, cap;
    unsigned cur_in, cur_out;
    struct alias *alias;
    unsigned nalias, alias_cap;
};

static struct table *T; /* set once by stream_init */

enum { STREAM_FILE_BUF = 256 * 1024 };
static functor_t F_stream;

static _Noreturn void no_memory(void) { err_resource(ATOM_memory); }

static stream *new_stream(void)
{
    unsigned id = 0;
    while (id < T->n && T->v[id] && T->v[id]->live)
        id++;
    if (id == T->cap) {
        unsigned cap = T->cap ? T->cap * 2 : 16;
        stream **v = mem_prealloc(T->v, cap * sizeof *v);
        if (!v)
            no_memory();
        memset(v + T->cap, 0, (cap - T->cap) * sizeof *v);
        T->v = v;
        T->cap = cap;
    }
    if (id == T->n)
        T->n++;
    stream *s = T->v[id];
    if (!s) {
        s = mem_pzalloc(sizeof *s);
        if (!s)
            no_memory();
        T->v[id] = s;
    } else {
        memset(s, 0, sizeof *s);
    }
    s->id = id;
    s->live = true;
    s->eof_action = EOF_ACTION_CODE;
    return s;
}

void stream_alias_add(stream *s, atom_t a)
{
    for (unsigned i = 0; i < T->nalias; i++)
        if (T->alias[i].name == a) {
            T->alias[i].id = s->id;
            return;
        }
    if (T->nalias == T->alias_cap) {
        unsigned cap = T->alias_cap ? T->alias_cap * 2 : 8;
        struct alias *v = mem_prealloc(T->alias, cap * sizeof *v);
        if (!v)
            no_memory();
        T->alias = v;
        T->alias_cap = cap;
    }
    T->alias[T->nalias++] = (struct alias){a, s->id};
}

static stream *std_stream(FILE *fp, bool input, const char *mode, const char *alias)
{
    stream *s = new_stream();
    s->fp = fp;
    s->std = true;
    s->input = input;
    s->output = !input;
    s->mode = atom_from_cstr(mode);
    s->eof_action = input ? EOF_ACTION_RESET : EOF_ACTION_CODE;
    s->tty = isatty(fileno(fp)) != 0;
    stream_alias_add(s, atom_from_cstr(alias));
    return s;
}

void stream_init(void)
{
    T = mem_pzalloc(sizeof *T);
    F_stream = functor_intern(atom_from_cstr("$stream"), 1);
    std_stream(stdin, true, "read", "user_input");
    std_stream(stdout, false, "write", "user_output");
    std_stream(stderr, false, "write", "user_error");
    /* swipl counts the terminal's lines from 0: line_count(user_output, N)
     * is the number of newlines written */
    T->v[1]->lines = -1;
    T->cur_in = 0;
    T->cur_out = 1;
}

term_t stream_term(const stream *s) { return term_compound1(F_stream, term_smallint(s->id)); }

/* Aliases of s, for stream_property: the i-th, or 0. */
atom_t stream_alias_at(const stream *s, unsigned i)
{
    for (unsigned k = 0; k < T->nalias; k++)
        if (T->alias[k].id == s->id && T->v[s->id]->live && i-- == 0)
            return T->alias[k].name;
    return 0;
}

stream *stream_alias_lookup(atom_t a)
{
    for (unsigned i = 0; i < T->nalias; i++)
        if (T->alias[i].name == a) {
            stream *s = T->v[T->alias[i].id];
            return s->live ? s : NULL;
        }
    return NULL;
}

stream *stream_at_index(unsigned i) { return i < T->n && T->v[i] && T->v[i]->live ? T->v[i] : NULL; }
unsigned stream_count(void) { return T->n; }

stream *stream_get(term_t t)
{
    t = term_deref(t);
    if (term_is_var(t))
        err_instantiation();
    if (term_is_atom(t)) {
        stream *s = stream_alias_lookup(term_get_atom(t));
        /* swipl also takes current_input and current_output for the
         * current streams (here they are not listed as aliases by
         * stream_property/2, as they are there) */
        if (!s && !strcmp(atom_name(term_get_atom(t)), "current_output"))
            s = stream_current_output();
        else if (!s && !strcmp(atom_name(term_get_atom(t)), "current_input"))
            s = stream_current_input();
        if (!s)
            err_existence(atom_from_cstr("stream"), t);
        return s;
    }
    if (term_is_compound(t) && term_functor(t) == F_stream) {
        term_t n = term_deref(term_arg(t, 1));
        if (term_is_smallint(n) && term_get_smallint(n) >= 0) {
            stream *s = stream_at_index((unsigned)term_get_smallint(n));
            if (s)
                return s;
            err_existence(atom_from_cstr("stream"), t);
        }
    }
    err_domain(atom_from_cstr("stream_or_alias"), t);
}

static _Noreturn void permission_term(const char *action, const char *type, term_t t)
{
    err_permission(atom_from_cstr(action), atom_from_cstr(type), t);
}

_Noreturn void stream_permission(const char *action, const char *type, stream *s)
{
    atom_t a = stream_alias_at(s, 0);
    permission_term(action, type, a && s->std ? term_atom(a) : stream_term(s));
}

stream *stream_get_output(term_t t)
{
    stream *s = stream_get(t);
    if (!s->output)
        permission_term("output", "stream", term_deref(t));
    return s;
}

stream *stream_get_input(term_t t)
{
    stream *s = stream_get(t);
    if (!s->input)
        permission_term("input", "stream", term_deref(t));
    return s;
}

stream *stream_current_input(void)
{
    stream *s = stream_at_index(T->cur_in);
    return s && s->input ? s : T->v[0];
}

stream *stream_current_output(void)
{
    stream *s = stream_at_index(T->cur_out);
    return s && s->output ? s : T->v[1];
}

void stream_set_current_output(stream *s) { T->cur_out = s->id; }
void stream_set_current_input(stream *s) { T->cur_in = s->id; }
stream *stream_user_error(void) { return T->v[2]; }

stream *stream_pos(stream *s) { return s->fp == stderr ? T->v[1] : s; }

/* --- output --------------------------------------------------------------- */

/* The position after writing p[0..n): in locals, stored once, since the
 * stream lives in persistent memory and every store there is checked. */
static void count_out(stream *s, const unsigned char *p, size_t n)
{
    s->bytes += (int64_t)n;
    if (s->binary)
        return;
    int64_t chars = 0, lines = s->lines, linepos = s->linepos;
    bool octet = s->octet;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c >= 0x20 && c < 0x80) {
            chars++;
            linepos++;
            continue;
        }
        if (!octet && (c & 0xc0) == 0x80)
            continue;
        chars++;
        if (c == '\n') {
            lines++;
            linepos = 0;
        } else if (c == '\t') {
            linepos = (linepos | 7) + 1;
        } else if (c == '\b') {
            if (linepos > 0)
                linepos--;
        } else {
            linepos++;
        }
    }
    s->chars += chars;
    s->lines = lines;
    s->linepos = linepos;
}

void stream_write(stream *s, const char *p, size_t n)
{
    if (n == 0)
        return;
    /* user_error shares user_output's position, as in swipl: both are the
     * terminal's column */
    count_out(stream_pos(s), (const unsigned char *)p, n);
    if (s->fp) {
        if (s->fp == stderr)
            fflush(stdout); /* what was written before shows before */
        if (fwrite(p, 1, n, s->fp) != n)
            s->err = errno ? errno : EIO;
        if (s->tty && s->fp == stdout && memchr(p, '\n', n))
            fflush(stdout);
        return;
    }
    if (s->mem_len + n > s->mem_cap) {
        size_t cap = s->mem_cap ? s->mem_cap : 256;
        while (cap < s->mem_len + n)
            cap *= 2;
        char *m = mem_prealloc(s->mem, cap);
        if (!m)
            no_memory();
        s->mem = m;
        s->mem_cap = cap;
    }
    memcpy(s->mem + s->mem_len, p, n);
    s->mem_len += n;
}

void stream_put_code(stream *s, int c)
{
    char b[4];
    size_t n;
    if (s->binary || s->octet || c < 0x80) {
        b[0] = (char)c;
        n = 1;
    } else {
        n = text_utf8_encode(c, b);
    }
    stream_write(s, b, n);
}

static int sink_write(void *ctx, const char *p, size_t n)
{
    stream_write(ctx, p, n);
    return 0;
}

void stream_sink(wr_sink *k, stream *s)
{
    wr_sink_callback(k, sink_write, s);
}

void stream_flush(stream *s)
{
    if (s->fp && s->output && fflush(s->fp) != 0)
        s->err = errno;
}

void stream_flush_all(void)
{
    for (unsigned i = 0; i < T->n; i++) {
        stream *s = stream_at_index(i);
        if (s && s->output)
            stream_flush(s);
    }
}

/* --- input ---------------------------------------------------------------- */

/* The next byte, -1 at end; not counted. */
static int raw_byte(stream *s)
{
    if (s->nback > 0)
        return s->back[--s->nback];
    if (!s->fp)
        return -1;
    if (s->fp == stdin) {
        /* a prompt or a question written before reading must show */
        fflush(stdout);
        fflush(stderr);
    }
    int c = getc(s->fp);
    if (c == EOF && s->eof_action == EOF_ACTION_RESET)
        clearerr(s->fp);
    return c == EOF ? -1 : c;
}

void stream_unget_byte(stream *s, int b)
{
    if (b < 0)
        return;
    /* into the FILE itself (glibc keeps any number of pushed-back bytes),
     * so that whoever reads the FILE next, the toplevel reading its next
     * query from stdin too, sees them */
    if (s->fp) {
        ungetc(b, s->fp);
        return;
    }
    if (s->nback < (int)sizeof s->back)
        s->back[s->nback++] = (unsigned char)b;
}

static void count_in(stream *s, int c, int nbytes)
{
    s->bytes += nbytes;
    s->chars++;
    if (c == '\n') {
        s->lines++;
        s->prev_linepos = s->linepos;
        s->linepos = 0;
    } else if (c == '\t') {
        s->linepos = (s->linepos | 7) + 1;
    } else {
        s->linepos++;
    }
}

/* A code point from the bytes of s (UTF-8 unless octet); *nb its length. */
static int raw_code(stream *s, int *nb)
{
    int c = raw_byte(s);
    *nb = c < 0 ? 0 : 1;
    if (c < 0x80 || s->octet || s->binary)
        return c;
    int need = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    int cp = c & (0x3f >> need);
    unsigned char got[3];
    int k = 0;
    for (; k < need; k++) {
        int d = raw_byte(s);
        if (d < 0 || (d & 0xc0) != 0x80) {
            stream_unget_byte(s, d);
            while (k > 0)
                stream_unget_byte(s, got[--k]);
            return c; /* not UTF-8: the byte as a character */
        }
        got[k] = (unsigned char)d;
        cp = (cp << 6) | (d & 0x3f);
    }
    *nb = need + 1;
    return cp;
}

static void unget_code(stream *s, int c)
{
    if (c < 0)
        return;
    char b[4];
    size_t n;
    if (s->octet || s->binary || c < 0x80) {
        b[0] = (char)c;
        n = 1;
    } else {
        wr_sink k;
        wr_sink_buffer(&k);
        wr_put_cp(&k, c);
        n = k.len;
        memcpy(b, k.buf, n);
        wr_sink_free(&k);
    }
    while (n > 0)
        stream_unget_byte(s, (unsigned char)b[--n]);
}

static int take(stream *s, bool bytes, bool peek)
{
    if (s->at == AT_PAST && s->eof_action == EOF_ACTION_ERROR)
        stream_permission("input", "past_end_of_stream", s);
    int nb;
    int c = bytes ? raw_byte(s) : raw_code(s, &nb);
    if (c < 0) {
        if (s->eof_action == EOF_ACTION_RESET)
            s->at = AT_NOT;
        else if (!peek)
            s->at = AT_PAST;
        else if (s->at == AT_NOT)
            s->at = AT_AT;
        return -1;
    }
    if (peek) {
        if (bytes)
            stream_unget_byte(s, c);
        else
            unget_code(s, c);
        return c;
    }
    if (bytes) {
        s->bytes++;
        s->chars++;
    } else {
        count_in(s, c, nb);
    }
    return c;
}

int stream_get_code(stream *s) { return take(s, false, false); }
int stream_peek_code(stream *s) { return take(s, false, true); }
int stream_get_byte(stream *s) { return take(s, true, false); }
int stream_peek_byte(stream *s) { return take(s, true, true); }

/* Give back a character the reader looked at but did not use. */
void stream_unread_code(stream *s, int c)
{
    if (c < 0)
        return;
    unget_code(s, c);
    s->chars--;
    if (c == '\n') {
        s->lines--;
        s->linepos = s->prev_linepos;
    } else if (s->linepos > 0) {
        s->linepos--;
    }
}

/* --- opening and closing ----------------------------------------------------- */

stream *stream_open_memory(void)
{
    stream *s = new_stream();
    s->output = true;
    s->mode = atom_from_cstr("write");
    return s;
}

const char *stream_memory_text(const stream *s, size_t *len)
{
    *len = s->mem_len;
    return s->mem ? s->mem : "";
}

/* stream_open_file: fopen path in mode (read, write, append); NULL and errno
 * on failure. */
stream *stream_open_file(const char *path, atom_t mode, bool binary)
{
    const char *m = atom_name(mode);
    const char *fm = !strcmp(m, "read") ? "r" : !strcmp(m, "write") ? "w" : !strcmp(m, "append") ? "a" : "r+";
    FILE *fp = fopen(path, fm);
    if (!fp)
        return NULL;
    /* Under snapvm every flush is a request to the monitor: fewer, larger.
     * The buffer must be given: with NULL, glibc ignores the size and
     * buffers st_blksize bytes (4 KiB on /dev/null or a pipe). */
    char *buf = mem_palloc(STREAM_FILE_BUF);
    if (buf)
        setvbuf(fp, buf, _IOFBF, STREAM_FILE_BUF);
    stream *s = new_stream();
    s->fp = fp;
    s->fbuf = buf;
    s->mode = mode;
    s->input = fm[0] == 'r';
    s->output = fm[0] != 'r' || fm[1] == '+';
    s->binary = binary;
    s->file_name = atom_from_cstr(path);
    return s;
}

/* stream_open_text: an input stream over a copy of text (open_string/2):
 * a FILE on the copy, which lives as long as the stream (in mem). */
stream *stream_open_text(const char *text, size_t len)
{
    char *copy = mem_palloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, text, len);
    copy[len] = 0;
    FILE *fp = fmemopen(copy, len ? len : 1, "r");
    if (!fp) {
        mem_pfree(copy);
        return NULL;
    }
    if (!len)
        fgetc(fp); /* fmemopen wants a size of 1 at least: read past the NUL */
    stream *s = new_stream();
    s->fp = fp;
    s->mem = copy;
    s->mode = atom_from_cstr("read");
    s->input = true;
    return s;
}

void stream_close(stream *s)
{
    if (s->std) {
        stream_flush(s);
        return;
    }
    if (s->fp)
        fclose(s->fp);
    mem_pfree(s->fbuf); /* after fclose: it flushes from the buffer */
    s->fbuf = NULL;
    mem_pfree(s->mem);
    s->mem = NULL;
    s->fp = NULL;
    s->live = false;
    /* its aliases go, except the user ones, which revert to the user streams */
    for (unsigned i = 0; i < T->nalias;) {
        if (T->alias[i].id == s->id) {
            const char *n = atom_name(T->alias[i].name);
            if (!strcmp(n, "user_input") || !strcmp(n, "user_output") || !strcmp(n, "user_error")) {
                T->alias[i].id = n[5] == 'i' ? 0 : n[5] == 'o' ? 1 : 2;
                i++;
                continue;
            }
            T->alias[i] = T->alias[--T->nalias];
        } else {
            i++;
        }
    }
    if (T->cur_in == s->id)
        T->cur_in = 0;
    if (T->cur_out == s->id)
        T->cur_out = 1;
}
