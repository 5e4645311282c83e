/* stream_preds.c - stream built-ins: open, close, current and set
 * input/output, stream_property, set_stream, the Edinburgh see/tell family,
 * positions, flush_output, at_end_of_stream, with_output_to. */
#include <errno.h>
#include <string.h>

#include "engine/consult.h"
#include "engine/control.h"
#include "engine/db.h"
#include "engine/error.h"
#include "engine/unify.h"
#include "stdlib/text.h"
#include "stream.h"

static atom_t A(const char *s) { return atom_from_cstr(s); }

static bool is_list_end(term_t t) { return t == TERM_NIL; }

/* Walk an option list: instantiation_error for a partial list or a
 * variable element, type_error(list, L) for a non-list.  Returns the next
 * element dereferenced, or 0 at the end. */
static term_t next_option(term_t *l, term_t whole)
{
    term_t t = term_deref(*l);
    if (is_list_end(t))
        return 0;
    if (term_is_var(t))
        err_instantiation();
    if (!term_is_list_cell(t))
        err_type(ATOM_list, whole);
    *l = term_arg(t, 2);
    term_t e = term_deref(term_arg(t, 1));
    if (term_is_var(e))
        err_instantiation();
    return e;
}

/* Check a whole option list first (so a bad element raises before any
 * side effect). */
static void check_options(term_t l)
{
    term_t whole = l, e;
    while ((e = next_option(&l, whole)))
        if (!term_is_compound(e))
            err_type(A("option"), e);
}

/* The atom argument of an option name(Value), or 0 when o is not that. */
static bool option_is(term_t o, const char *name)
{
    atom_t n;
    unsigned ar;
    return term_name_arity(o, &n, &ar) && ar == 1 && !strcmp(atom_name(n), name);
}

static atom_t option_atom(term_t o)
{
    term_t v = term_deref(term_arg(o, 1));
    if (term_is_var(v))
        err_instantiation();
    if (!term_is_atom(v))
        err_domain(A("stream_option"), o);
    return term_get_atom(v);
}

/* open(+File, +Mode, -Stream, +Options). */
static bool do_open(term_t file, term_t mode, term_t st, term_t opts)
{
    file = term_deref(file);
    mode = term_deref(mode);
    if (term_is_var(file) || term_is_var(mode))
        err_instantiation();
    if (!term_is_atom(mode))
        err_type(ATOM_atom_t, mode);
    const char *m = atom_name(term_get_atom(mode));
    if (strcmp(m, "read") && strcmp(m, "write") && strcmp(m, "append") && strcmp(m, "update"))
        err_domain(A("io_mode"), mode);
    if (!term_is_var(term_deref(st)))
        err_uninstantiation(st);
    check_options(opts);
    bool binary = false, octet = false;
    int eof = -1;
    atom_t alias[8];
    int nalias = 0;
    term_t l = opts, e;
    while ((e = next_option(&l, opts))) {
        if (option_is(e, "type")) {
            atom_t v = option_atom(e);
            if (v == A("binary"))
                binary = true;
            else if (v != A("text"))
                err_domain(A("stream_option"), e);
        } else if (option_is(e, "alias")) {
            atom_t v = option_atom(e);
            if (stream_alias_lookup(v))
                err_permission(A("open"), A("source_sink"), term_compound1(functor_intern(A("alias"), 1), term_atom(v)));
            if (nalias < 8)
                alias[nalias++] = v;
        } else if (option_is(e, "encoding")) {
            atom_t v = option_atom(e);
            if (v == A("octet") || v == A("iso_latin_1") || v == A("ascii") || v == A("text"))
                octet = v != A("text");
            else if (v != A("utf8"))
                err_domain(A("encoding"), term_arg(e, 1));
        } else if (option_is(e, "eof_action")) {
            atom_t v = option_atom(e);
            if (v == A("error"))
                eof = EOF_ACTION_ERROR;
            else if (v == A("eof_code"))
                eof = EOF_ACTION_CODE;
            else if (v == A("reset"))
                eof = EOF_ACTION_RESET;
            else
                err_domain(A("eof_action"), term_arg(e, 1));
        }
        /* other options (buffer, bom, lock, create, ...) are accepted */
    }
    text name;
    text_get(file, TEXT_ATOM | TEXT_STRING, A("text"), &name);
    stream *s = stream_open_file(name.s, term_get_atom(mode), binary);
    if (!s) { /* swipl's errors, with the system's reason */
        int err = errno;
        if (err == ENOENT || err == ENOTDIR)
            err_throw_formal_msg(term_compound2(FUNCTOR_existence_error2, term_atom(A("source_sink")), file), strerror(err));
        term_t pa[3] = {term_atom(A("open")), term_atom(A("source_sink")), file};
        err_throw_formal_msg(term_compound(FUNCTOR_permission_error3, pa), strerror(err));
    }
    s->octet = octet;
    if (eof >= 0)
        s->eof_action = (enum stream_eof)eof;
    for (int i = 0; i < nalias; i++)
        stream_alias_add(s, alias[i]);
    return unify(st, stream_term(s));
}

static bool bi_open3(term_t *a) { return do_open(a[0], a[1], a[2], TERM_NIL); }
static bool bi_open4(term_t *a) { return do_open(a[0], a[1], a[2], a[3]); }

/* open_string(+Text, -Stream) is det: Stream reads Text (an atom, string,
 * number, code or character list), as swipl's. */
static bool bi_open_string(term_t *a)
{
    text t;
    text_get(a[0], TEXT_ANY, A("text"), &t);
    stream *s = stream_open_text(t.s, t.len);
    text_free(&t);
    if (!s)
        err_resource(ATOM_memory);
    return unify(a[1], stream_term(s));
}

/* close(+Stream), close(+Stream, +Options). */
static bool bi_close1(term_t *a)
{
    stream_close(stream_get(a[0]));
    return true;
}
static bool bi_close2(term_t *a)
{
    stream *s = stream_get(a[0]);
    check_options(a[1]);
    stream_close(s);
    return true;
}

/* current_input(?S), current_output(?S): a bound S must name a stream. */
static bool is_current(term_t t, stream *cur)
{
    if (!term_is_var(term_deref(t)))
        return stream_get(t) == cur;
    return unify(t, stream_term(cur));
}
static bool bi_current_input(term_t *a) { return is_current(a[0], stream_current_input()); }
static bool bi_current_output(term_t *a) { return is_current(a[0], stream_current_output()); }

/* set_input(+S), set_output(+S). */
static bool bi_set_input(term_t *a)
{
    stream_set_current_input(stream_get_input(a[0]));
    return true;
}
static bool bi_set_output(term_t *a)
{
    stream_set_current_output(stream_get_output(a[0]));
    return true;
}

/* --- stream_property/2 ------------------------------------------------------ */

enum { P_FILE, P_MODE, P_DIR, P_ALIAS, P_POS = P_ALIAS + 8, P_EOS, P_EOFACT, P_TYPE, P_ENC, P_N };

static term_t prop1(const char *name, term_t v) { return term_compound1(functor_intern(A(name), 1), v); }

/* The k-th property of s, or 0 when it has none there. */
static term_t property(stream *s, int k)
{
    static const char *eofs[] = {"error", "eof_code", "reset"};
    if (k == P_FILE)
        return s->file_name ? prop1("file_name", term_atom(s->file_name)) : 0;
    if (k == P_MODE)
        return prop1("mode", term_atom(s->mode));
    if (k == P_DIR)
        return term_atom(A(s->input ? "input" : "output"));
    if (k >= P_ALIAS && k < P_POS) {
        atom_t al = stream_alias_at(s, (unsigned)(k - P_ALIAS));
        return al ? prop1("alias", term_atom(al)) : 0;
    }
    if (k == P_POS) {
        if (!s->fp)
            return 0;
        term_t v[4] = {term_int(s->chars), term_int(s->lines + 1), term_int(s->linepos), term_int(s->bytes)};
        return prop1("position", term_compound(functor_intern(A("$stream_position"), 4), v));
    }
    if (k == P_EOS) {
        if (!s->input)
            return 0;
        /* what the reads so far found: at after a peek saw the end */
        const char *e = s->at == AT_PAST ? "past" : s->at == AT_AT ? "at" : "not";
        return prop1("end_of_stream", term_atom(A(e)));
    }
    if (k == P_EOFACT)
        return prop1("eof_action", term_atom(A(eofs[s->eof_action])));
    if (k == P_TYPE)
        return prop1("type", term_atom(A(s->binary ? "binary" : "text")));
    if (k == P_ENC)
        return prop1("encoding", term_atom(A(s->binary ? "octet" : s->octet ? "octet" : "utf8")));
    return 0;
}

/* stream_property(?S, ?P) is nondet.  alt - 1 = stream index * P_N + property. */
static long bi_stream_property(term_t *a, long alt)
{
    term_t st = term_deref(a[0]), p = term_deref(a[1]);
    unsigned lo = 0, hi = stream_count();
    if (!term_is_var(st)) {
        stream *s = stream_get(st);
        lo = s->id;
        hi = s->id + 1;
    }
    long i = alt ? alt - 1 : (long)lo * P_N;
    for (; i < (long)hi * P_N; i++) {
        stream *s = stream_at_index((unsigned)(i / P_N));
        if (!s)
            continue;
        term_t pr = property(s, (int)(i % P_N));
        if (!pr || !control_unifiable(p, pr))
            continue;
        unify(p, pr);
        if (term_is_var(st))
            unify(st, stream_term(s));
        return i + 1 < (long)hi * P_N ? i + 2 : 0;
    }
    return -1;
}

/* set_stream(+S, +Property). */
static bool bi_set_stream(term_t *a)
{
    stream *s = stream_get(a[0]);
    term_t p = term_deref(a[1]);
    if (term_is_var(p))
        err_instantiation();
    if (!term_is_compound(p))
        err_type(A("stream_attribute"), p);
    if (term_is_var(term_deref(term_arg(p, 1))))
        err_instantiation();
    if (option_is(p, "alias")) {
        stream_alias_add(s, option_atom(p));
    } else if (option_is(p, "eof_action")) {
        atom_t v = option_atom(p);
        s->eof_action = v == A("error") ? EOF_ACTION_ERROR : v == A("reset") ? EOF_ACTION_RESET : EOF_ACTION_CODE;
    } else if (option_is(p, "type")) {
        s->binary = option_atom(p) == A("binary");
    } else if (option_is(p, "encoding")) {
        atom_t v = option_atom(p);
        s->octet = v == A("octet") || v == A("iso_latin_1") || v == A("ascii");
    } else if (option_is(p, "line_position")) {
        s->linepos = err_need_int(term_arg(p, 1));
    } else {
        static const char *ok[] = {"buffer", "buffer_size", "close_on_abort", "close_on_exec", "newline",
                                   "record_position", "representation_errors", "timeout", "tty", "file_name",
                                   "write_errors", "locale"};
        for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
            if (option_is(p, ok[i]))
                return true;
        err_domain(A("set_stream_property"), p);
    }
    return true;
}

/* --- Edinburgh I/O ------------------------------------------------------------ */

/* see(+S), tell(+S), append(+File): an open stream or alias of the right
 * direction becomes current; otherwise the file is opened (user means the
 * user stream). */
static stream *edinburgh(term_t t, const char *mode)
{
    term_t f = term_deref(t);
    if (term_is_var(f))
        err_instantiation();
    bool input = !strcmp(mode, "read");
    if (term_is_atom(f) && term_get_atom(f) == ATOM_user)
        return stream_at_index(input ? 0 : 1);
    if (term_is_atom(f)) {
        stream *s = stream_alias_lookup(term_get_atom(f));
        if (s && (input ? s->input : s->output))
            return s;
        /* a file already opened by see/tell under its name */
        for (unsigned i = 0; i < stream_count(); i++) {
            stream *o = stream_at_index(i);
            if (o && o->file_name == term_get_atom(f) && (input ? o->input : o->output))
                return o;
        }
    } else if (term_is_compound(f)) {
        stream *s = stream_get(f);
        if (!(input ? s->input : s->output))
            err_permission(A(input ? "input" : "output"), A("stream"), f);
        return s;
    }
    term_t st = term_new_var();
    do_open(f, term_atom(A(mode)), st, TERM_NIL);
    return stream_get(st);
}

static bool bi_see(term_t *a)
{
    stream_set_current_input(edinburgh(a[0], "read"));
    return true;
}
static bool bi_tell(term_t *a)
{
    stream_set_current_output(edinburgh(a[0], "write"));
    return true;
}
static bool bi_append(term_t *a)
{
    stream_set_current_output(edinburgh(a[0], "append"));
    return true;
}
static bool bi_seen(term_t *a)
{
    (void)a;
    stream *s = stream_current_input();
    stream_close(s);
    stream_set_current_input(stream_at_index(0));
    return true;
}
static bool bi_told(term_t *a)
{
    (void)a;
    stream *s = stream_current_output();
    stream_close(s);
    stream_set_current_output(stream_at_index(1));
    return true;
}
/* seeing(?S), telling(?S): user for the user streams, else the stream
 * (swipl). */
static term_t edinburgh_name(stream *s) { return s->std ? term_atom(ATOM_user) : stream_term(s); }
static bool bi_seeing(term_t *a) { return unify(a[0], edinburgh_name(stream_current_input())); }
static bool bi_telling(term_t *a) { return unify(a[0], edinburgh_name(stream_current_output())); }

/* --- positions, flushing, end of stream ------------------------------------ */

/* Move s to byte offset off (SEEK_SET etc.); false when it cannot. */
static bool reposition(stream *s, long off, int whence)
{
    if (!s->fp || s->std)
        return false;
    if (s->output)
        stream_flush(s);
    if (fseek(s->fp, off, whence) != 0)
        return false;
    s->nback = 0;
    s->at = AT_NOT;
    return true;
}

/* set_stream_position(+S, +Position) is det: back to a position that
 * stream_property(S, position(P)) gave ('$stream_position'(Chars, Line,
 * LinePos, Bytes)); permission_error(reposition, stream, S) for a stream
 * that cannot move (a terminal, a pipe, a memory output). */
static bool bi_set_stream_position(term_t *a)
{
    stream *s = stream_get(a[0]);
    term_t p = term_deref(a[1]);
    if (term_is_var(p))
        err_instantiation();
    if (!term_is_compound(p) || term_functor(p) != functor_intern(A("$stream_position"), 4))
        err_domain(A("stream_position"), p);
    int64_t v[4];
    for (unsigned i = 0; i < 4; i++)
        v[i] = err_need_int(term_arg(p, i + 1));
    if (!reposition(s, (long)v[3], SEEK_SET))
        err_permission(A("reposition"), A("stream"), term_deref(a[0]));
    s->chars = v[0];
    s->lines = v[1] - 1;
    s->linepos = v[2];
    s->bytes = v[3];
    return true;
}

/* seek(+S, +Offset, +Method, -NewLocation) is det: Method bof, current or
 * eof; the byte position after the move.  The line and column counts are
 * no longer known (0), as in swipl. */
static bool bi_seek(term_t *a)
{
    stream *s = stream_get(a[0]);
    int64_t off = err_need_int(a[1]);
    atom_t m = err_need_atom(a[2]);
    const char *mn = atom_name(m);
    int whence = !strcmp(mn, "bof") ? SEEK_SET : !strcmp(mn, "current") ? SEEK_CUR : !strcmp(mn, "eof") ? SEEK_END : -1;
    if (whence < 0)
        err_domain(A("seek_method"), term_deref(a[2]));
    if (whence == SEEK_CUR)
        off += s->bytes; /* what was read ahead into stdio is not the stream's position */
    if (!reposition(s, (long)off, whence == SEEK_CUR ? SEEK_SET : whence))
        err_permission(A("reposition"), A("stream"), term_deref(a[0]));
    long at = ftell(s->fp);
    s->bytes = s->chars = at;
    s->lines = 0;
    s->linepos = 0;
    return unify(a[3], term_int(at));
}


/* character_count(+S, -N), line_count(+S, -N), line_position(+S, -N). */
static bool bi_character_count(term_t *a) { return unify(a[1], term_int(stream_pos(stream_get(a[0]))->chars)); }
static bool bi_line_count(term_t *a) { return unify(a[1], term_int(stream_pos(stream_get(a[0]))->lines + 1)); }
static bool bi_line_position(term_t *a) { return unify(a[1], term_int(stream_pos(stream_get(a[0]))->linepos)); }

/* flush_output, flush_output(+S). */
static bool bi_flush0(term_t *a)
{
    (void)a;
    stream_flush(stream_current_output());
    return true;
}
static bool bi_flush1(term_t *a)
{
    stream_flush(stream_get_output(a[0]));
    return true;
}

/* at_end_of_stream, at_end_of_stream(+S): the next read would give end of file. */
static bool at_end(stream *s)
{
    if (s->at == AT_PAST)
        return true;
    return s->binary ? stream_peek_byte(s) < 0 : stream_peek_code(s) < 0;
}
static bool bi_at_end0(term_t *a)
{
    (void)a;
    return at_end(stream_current_input());
}
static bool bi_at_end1(term_t *a) { return at_end(stream_get_input(a[0])); }

/* --- with_output_to/2 ----------------------------------------------------------- */

/* The kind of an output spec atom(A), string(S), codes(C), codes(C, T),
 * chars(C), chars(C, T); raises as swipl does for anything else. */
static atom_t output_spec(term_t spec, const char *what)
{
    (void)what;
    spec = term_deref(spec);
    if (term_is_var(spec))
        err_instantiation();
    atom_t n;
    unsigned ar;
    if (term_is_compound(spec) && term_name_arity(spec, &n, &ar)) {
        if (ar == 1 && (n == ATOM_atom_t || n == ATOM_string || n == ATOM_codes || n == ATOM_chars))
            return n;
        if (ar == 2 && (n == ATOM_codes || n == ATOM_chars))
            return n;
    }
    err_type(A("output"), spec);
}

/* Unify spec with the text (len bytes at p). */
bool stream_unify_output(term_t spec, const char *p, size_t len)
{
    spec = term_deref(spec);
    atom_t kind = output_spec(spec, "with_output_to");
    if (term_functor(spec) == functor_intern(kind, 2)) {
        /* a difference list: the text's list with the given tail */
        term_t l = text_make(kind, p, len), *tail = NULL, c = l;
        while (term_is_list_cell(c)) {
            tail = &term_args(c)[1];
            c = *tail;
        }
        if (!tail)
            return unify(term_arg(spec, 1), term_arg(spec, 2));
        *tail = term_arg(spec, 2);
        return unify(term_arg(spec, 1), l);
    }
    return unify(term_arg(spec, 1), text_make(kind, p, len));
}

/* with_output_to(+Spec, :Goal) runs Goal as once/1 with the output to a
 * memory stream, put back however Goal ends.  Written in Prolog over three
 * helpers so that Goal runs in the solve loop itself (a built-in calling
 * solve() would nest the snapshot base frame). */
static const char wot_text[] =
    "with_output_to(Spec, Goal) :-\n"
    "    catch('$wot_begin'(Spec, Goal, S), error(E, _),\n"
    "          throw(error(E, context(system:with_output_to/2, _)))),\n"
    "    (   catch(Goal, E, ('$wot_end'(S), throw(E)))\n"
    "    ->  '$wot_finish'(S, Spec)\n"
    "    ;   '$wot_end'(S), fail\n"
    "    ).\n";

/* '$wot_begin'(+Spec, +Goal, -S): check, open S and make it current; the
 * output to put back is kept in S (persistent, like all stream state). */
static bool bi_wot_begin(term_t *a)
{
    output_spec(a[0], "with_output_to");
    if (term_is_var(term_deref(a[1])))
        err_instantiation();
    stream *old = stream_current_output();
    stream *m = stream_open_memory();
    m->prev_out = old->id;
    stream_set_current_output(m);
    return unify(a[2], stream_term(m));
}

static stream *wot_end(term_t t)
{
    stream *m = stream_get(t);
    stream *old = stream_at_index(m->prev_out);
    stream_set_current_output(old && old->output ? old : stream_at_index(1));
    return m;
}

/* '$wot_end'(+S): put the output back, close S. */
static bool bi_wot_end(term_t *a)
{
    stream_close(wot_end(a[0]));
    return true;
}

/* '$wot_finish'(+S, +Spec): as '$wot_end', then unify Spec with the text. */
static bool bi_wot_finish(term_t *a)
{
    stream *m = wot_end(a[0]);
    size_t len;
    const char *p = stream_memory_text(m, &len);
    term_t text = term_string(p, len);
    stream_close(m);
    p = term_string_chars(text, &len);
    return stream_unify_output(a[1], p, len);
}

void stream_register(void)
{
    stream_init();
    db_register_det("open", 3, bi_open3);
    db_register_det("open", 4, bi_open4);
    db_register_det("open_string", 2, bi_open_string);
    db_register_det("set_stream_position", 2, bi_set_stream_position);
    db_register_det("seek", 4, bi_seek);
    db_register_det("close", 1, bi_close1);
    db_register_det("close", 2, bi_close2);
    db_register_det("current_input", 1, bi_current_input);
    db_register_det("current_output", 1, bi_current_output);
    db_register_det("set_input", 1, bi_set_input);
    db_register_det("set_output", 1, bi_set_output);
    db_register_nondet("stream_property", 2, bi_stream_property);
    db_register_det("set_stream", 2, bi_set_stream);
    db_register_det("see", 1, bi_see);
    db_register_det("tell", 1, bi_tell);
    db_register_det("append", 1, bi_append);
    db_register_det("seen", 0, bi_seen);
    db_register_det("told", 0, bi_told);
    db_register_det("seeing", 1, bi_seeing);
    db_register_det("telling", 1, bi_telling);
    db_register_det("character_count", 2, bi_character_count);
    db_register_det("line_count", 2, bi_line_count);
    db_register_det("line_position", 2, bi_line_position);
    db_register_det("flush_output", 0, bi_flush0);
    db_register_det("flush_output", 1, bi_flush1);
    db_register_det("at_end_of_stream", 0, bi_at_end0);
    db_register_det("at_end_of_stream", 1, bi_at_end1);
    db_register_det("$wot_begin", 3, bi_wot_begin);
    db_register_det("$wot_end", 1, bi_wot_end);
    db_register_det("$wot_finish", 2, bi_wot_finish);
    stream_char_register();
    stream_read_register();
    format_register();
    consult_text("streams", wot_text);
}
