/* write.c - writing terms and format/2 to user_output and user_error. */
#define _GNU_SOURCE /* memrchr */
#include "write.h"

#include <math.h>
#include <string.h>

#include "engine/db.h"
#include "engine/error.h"
#include "stdlib/arith.h"

static int file_write(void *ctx, const char *p, size_t n)
{
    return fwrite(p, 1, n, ctx) == n ? 0 : 1;
}

void write_sink_file(wr_sink *s, FILE *f) { wr_sink_callback(s, file_write, f); }

void write_term_to(FILE *f, term_t t, bool quoted)
{
    wr_sink s;
    wr_options o;
    write_sink_file(&s, f);
    if (quoted)
        wr_options_writeq(&o);
    else
        wr_options_write(&o);
    wr_term(&s, t, &o);
}

/* The stream a stream argument names: user_output, user_error. */
static FILE *stream_of(term_t t)
{
    t = term_deref(t);
    if (term_is_var(t))
        err_instantiation();
    if (term_is_atom(t)) {
        const char *n = atom_name(term_get_atom(t));
        if (!strcmp(n, "user_output"))
            return stdout;
        if (!strcmp(n, "user_error"))
            return stderr;
    }
    err_existence(atom_from_cstr("stream"), t);
}

static bool out(FILE *f, term_t t, void (*opts)(wr_options *), bool newline)
{
    wr_sink s;
    wr_options o;
    write_sink_file(&s, f);
    opts(&o);
    wr_term(&s, t, &o);
    if (newline)
        fputc('\n', f);
    return true;
}

/* write(+T), print(+T), writeq(+T), write_canonical(+T), writeln(+T); and
 * the same with a stream first. */
static bool bi_write1(term_t *a) { return out(stdout, a[0], wr_options_write, false); }
static bool bi_write2(term_t *a) { return out(stream_of(a[0]), a[1], wr_options_write, false); }
static bool bi_print1(term_t *a) { return out(stdout, a[0], wr_options_print, false); }
static bool bi_print2(term_t *a) { return out(stream_of(a[0]), a[1], wr_options_print, false); }
static bool bi_writeq1(term_t *a) { return out(stdout, a[0], wr_options_writeq, false); }
static bool bi_writeq2(term_t *a) { return out(stream_of(a[0]), a[1], wr_options_writeq, false); }
static bool bi_canon1(term_t *a) { return out(stdout, a[0], wr_options_canonical, false); }
static bool bi_canon2(term_t *a) { return out(stream_of(a[0]), a[1], wr_options_canonical, false); }
static bool bi_writeln1(term_t *a) { return out(stdout, a[0], wr_options_write, true); }
static bool bi_writeln2(term_t *a) { return out(stream_of(a[0]), a[1], wr_options_write, true); }

/* nl, nl(+S). */
static bool bi_nl0(term_t *a)
{
    (void)a;
    fputc('\n', stdout);
    return true;
}
static bool bi_nl1(term_t *a)
{
    fputc('\n', stream_of(a[0]));
    return true;
}

static void tab(FILE *f, term_t n)
{
    term_t v = arith_eval(n);
    int64_t k = err_need_int(v);
    while (k-- > 0)
        fputc(' ', f);
}
/* tab(+N), tab(+S, +N). */
static bool bi_tab1(term_t *a)
{
    tab(stdout, a[0]);
    return true;
}
static bool bi_tab2(term_t *a)
{
    tab(stream_of(a[0]), a[1]);
    return true;
}

static bool put_char(FILE *f, term_t c)
{
    atom_t a = err_need_atom(c);
    fputs(atom_name(a), f);
    return true;
}
/* put_char(+C), put_char(+S, +C). */
static bool bi_put_char1(term_t *a) { return put_char(stdout, a[0]); }
static bool bi_put_char2(term_t *a) { return put_char(stream_of(a[0]), a[1]); }

/* flush_output, flush_output(+S). */
static bool bi_flush0(term_t *a)
{
    (void)a;
    fflush(stdout);
    return true;
}
static bool bi_flush1(term_t *a)
{
    fflush(stream_of(a[0]));
    return true;
}

/* --- format/2 ------------------------------------------------------------ */

/* Text of an atom, string, number, code list or char list into buf. */
static bool text_of(term_t t, wr_sink *buf)
{
    t = term_deref(t);
    if (term_is_atom(t)) {
        wr_puts(buf, atom_name(term_get_atom(t)));
        return true;
    }
    if (term_is_string(t)) {
        size_t n;
        const char *s = term_string_chars(t, &n);
        wr_put(buf, s, n);
        return true;
    }
    if (term_is_number(t)) {
        wr_options o;
        wr_options_write(&o);
        wr_term(buf, t, &o);
        return true;
    }
    for (; term_is_list_cell(t); t = term_deref(term_arg(t, 2))) {
        term_t c = term_deref(term_arg(t, 1));
        if (term_is_smallint(c))
            wr_put_cp(buf, (int)term_get_smallint(c));
        else if (term_is_atom(c))
            wr_puts(buf, atom_name(term_get_atom(c)));
        else
            return false;
    }
    return t == TERM_NIL;
}

static _Noreturn void format_error(const char *msg)
{
    term_t f = term_compound1(functor_intern(atom_from_cstr("format"), 1), term_string(msg, strlen(msg)));
    err_throw_formal(f);
}

static term_t next_arg(term_t *args)
{
    term_t l = term_deref(*args);
    if (!term_is_list_cell(l))
        format_error("not enough arguments");
    *args = term_arg(l, 2);
    return term_arg(l, 1);
}

/* Pending column text: ~t fill and ~| / ~+ column stops work on the text
 * since the last stop, kept in seg. */
struct fmt {
    wr_sink line;    /* everything written on the current line so far */
    size_t seg;      /* start of the current column segment in line */
    int fill_pos;    /* position in the segment where ~t asked for fill, -1 none */
    char fill_char;
};

static size_t line_column(const struct fmt *f)
{
    const char *nl = f->line.buf ? memrchr(f->line.buf, '\n', f->line.len) : NULL;
    size_t start = nl ? (size_t)(nl - f->line.buf) + 1 : 0;
    return f->line.len - start; /* bytes; fine for ASCII columns */
}

static void column_stop(struct fmt *f, size_t target)
{
    size_t col = line_column(f);
    if (col >= target) {
        f->seg = f->line.len;
        f->fill_pos = -1;
        return;
    }
    size_t pad = target - col;
    size_t at = f->fill_pos >= 0 ? f->seg + (size_t)f->fill_pos : f->line.len;
    /* insert pad fill characters at 'at' */
    for (size_t i = 0; i < pad; i++)
        wr_put(&f->line, " ", 1);
    memmove(f->line.buf + at + pad, f->line.buf + at, f->line.len - pad - at);
    memset(f->line.buf + at, f->fill_char, pad);
    f->seg = f->line.len;
    f->fill_pos = -1;
}

static void do_format(FILE *out, term_t fmt, term_t args)
{
    wr_sink ftext;
    wr_sink_buffer(&ftext);
    if (!text_of(fmt, &ftext)) {
        wr_sink_free(&ftext);
        err_type(atom_from_cstr("text"), fmt);
    }
    args = term_deref(args);
    if (!term_is_list_cell(args) && args != TERM_NIL)
        args = term_cons(args, TERM_NIL);
    struct fmt f = {.fill_pos = -1, .fill_char = ' '};
    wr_sink_buffer(&f.line);
    const char *p = ftext.buf ? ftext.buf : "";
    while (*p) {
        if (*p != '~') {
            wr_put(&f.line, p++, 1);
            continue;
        }
        p++;
        long num = -1;
        if (*p == '*') {
            num = (long)err_need_int(next_arg(&args));
            p++;
        } else if (*p == '`') {
            num = (unsigned char)p[1];
            p += 2;
        } else {
            while (*p >= '0' && *p <= '9')
                num = (num < 0 ? 0 : num * 10) + (*p++ - '0');
        }
        char d = *p ? *p++ : 0;
        wr_options o;
        switch (d) {
        case '~':
            wr_put(&f.line, "~", 1);
            break;
        case 'w':
            wr_options_write(&o);
            wr_term(&f.line, next_arg(&args), &o);
            break;
        case 'p':
            wr_options_print(&o);
            wr_term(&f.line, next_arg(&args), &o);
            break;
        case 'q':
            wr_options_writeq(&o);
            wr_term(&f.line, next_arg(&args), &o);
            break;
        case 'a': {
            term_t t = term_deref(next_arg(&args));
            if (term_is_var(t))
                err_instantiation();
            if (!text_of(t, &f.line))
                err_type(ATOM_atom_t, t);
            break;
        }
        case 's': {
            term_t t = next_arg(&args);
            if (!text_of(t, &f.line))
                err_type(ATOM_list, t);
            break;
        }
        case 'd':
        case 'D': {
            term_t t = term_deref(next_arg(&args));
            if (term_is_var(t))
                err_instantiation();
            if (!term_is_integer(t))
                err_type(ATOM_integer, t);
            int64_t v = err_need_int(t);
            char digits[32];
            snprintf(digits, sizeof digits, "%llu", v < 0 ? -(unsigned long long)v : (unsigned long long)v);
            if (v < 0)
                wr_put(&f.line, "-", 1);
            size_t len = strlen(digits), group = num > 0 ? (size_t)num : 0;
            if (group > 0 && len <= group) {
                wr_put(&f.line, "0.", 2);
                for (size_t i = len; i < group; i++)
                    wr_put(&f.line, "0", 1);
                wr_put(&f.line, digits, len);
            } else {
                size_t ip = len - group;
                for (size_t i = 0; i < ip; i++) {
                    if (d == 'D' && i > 0 && (ip - i) % 3 == 0)
                        wr_put(&f.line, ",", 1);
                    wr_put(&f.line, digits + i, 1);
                }
                if (group) {
                    wr_put(&f.line, ".", 1);
                    wr_put(&f.line, digits + ip, group);
                }
            }
            break;
        }
        case 'f':
        case 'e':
        case 'g': {
            term_t t = arith_eval(next_arg(&args));
            double v = term_is_float(t) ? term_get_float(t) : (double)term_get_smallint(t);
            char fmtbuf[16], out_text[512];
            snprintf(fmtbuf, sizeof fmtbuf, "%%.%ld%c", num < 0 ? 6 : num, d);
            snprintf(out_text, sizeof out_text, fmtbuf, v);
            wr_puts(&f.line, out_text);
            break;
        }
        case 'n':
            for (long i = 0; i < (num < 0 ? 1 : num); i++)
                wr_put(&f.line, "\n", 1);
            f.seg = f.line.len;
            break;
        case 'c': {
            int64_t c = err_need_int(next_arg(&args));
            for (long i = 0; i < (num < 0 ? 1 : num); i++)
                wr_put_cp(&f.line, (int)c);
            break;
        }
        case 'r': {
            int64_t v = err_need_int(next_arg(&args));
            if (num < 2 || num > 36)
                format_error("radix expected");
            char tmp[80];
            int n = 0;
            unsigned long long u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
            do {
                tmp[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[u % (unsigned long long)num];
                u /= (unsigned long long)num;
            } while (u);
            if (v < 0)
                wr_put(&f.line, "-", 1);
            while (n)
                wr_put(&f.line, &tmp[--n], 1);
            break;
        }
        case 'i':
            next_arg(&args);
            break;
        case 't':
            f.fill_pos = (int)(f.line.len - f.seg);
            f.fill_char = num >= 0 ? (char)num : ' ';
            break;
        case '|':
            column_stop(&f, num < 0 ? line_column(&f) : (size_t)num);
            break;
        case '+': {
            size_t segcol = line_column(&f) - (f.line.len - f.seg);
            column_stop(&f, segcol + (size_t)(num < 0 ? 8 : num));
            break;
        }
        default:
            wr_sink_free(&ftext);
            wr_sink_free(&f.line);
            format_error("unknown directive");
        }
    }
    wr_sink_free(&ftext);
    if (term_deref(args) != TERM_NIL) {
        wr_sink_free(&f.line);
        format_error("too many arguments");
    }
    if (f.line.len)
        fwrite(f.line.buf, 1, f.line.len, out);
    wr_sink_free(&f.line);
}

/* format(+Format), format(+Format, :Args), format(+Stream, +Format, :Args). */
static bool bi_format1(term_t *a)
{
    do_format(stdout, a[0], TERM_NIL);
    return true;
}
static bool bi_format2(term_t *a)
{
    do_format(stdout, a[0], a[1]);
    return true;
}
static bool bi_format3(term_t *a)
{
    do_format(stream_of(a[0]), a[1], a[2]);
    return true;
}

void write_register(void)
{
    db_register_det("write", 1, bi_write1);
    db_register_det("write", 2, bi_write2);
    db_register_det("print", 1, bi_print1);
    db_register_det("print", 2, bi_print2);
    db_register_det("writeq", 1, bi_writeq1);
    db_register_det("writeq", 2, bi_writeq2);
    db_register_det("write_canonical", 1, bi_canon1);
    db_register_det("write_canonical", 2, bi_canon2);
    db_register_det("writeln", 1, bi_writeln1);
    db_register_det("writeln", 2, bi_writeln2);
    db_register_det("nl", 0, bi_nl0);
    db_register_det("nl", 1, bi_nl1);
    db_register_det("tab", 1, bi_tab1);
    db_register_det("tab", 2, bi_tab2);
    db_register_det("put_char", 1, bi_put_char1);
    db_register_det("put_char", 2, bi_put_char2);
    db_register_det("flush_output", 0, bi_flush0);
    db_register_det("flush_output", 1, bi_flush1);
    db_register_det("format", 1, bi_format1);
    db_register_det("format", 2, bi_format2);
    db_register_det("format", 3, bi_format3);
}
