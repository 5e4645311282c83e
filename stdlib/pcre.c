/* pcre.c - regular expressions with PCRE2, as swipl's library(pcre).
 *
 * PCRE2 (libpcre2-8, linked statically) is not compiled with the write
 * barrier, so nothing it writes may be tracked memory (DESIGN section 3):
 * its general context allocates with mem_palloc, so compiled code, match
 * data and the heap frames pcre2_match keeps in the match data are all
 * persistent; the values it hands back through pointers (error codes,
 * offsets, pattern information) land in the persistent struct re_state.
 * Its own stack frames are below ours and dead once it returns.  The cache
 * of compiled patterns is persistent state too, reached from a pointer set
 * once before any snapshot: a restore neither resurrects a freed pattern
 * nor loses a cached one.  Terms are built from the match by our code.
 *
 * A match is given to Prolog as a list of Key-Value pairs, swipl's
 * re_match{...} dict as dict_pairs/3 gives it: 0 for the whole match, the
 * group number for an unnamed group, the name for a named one, in standard
 * order of the keys.  A pattern compiled by re_compile/3 is the term
 * '$re'(Pattern, CompileOptions, CaptureType): it names a cache entry, and
 * is recompiled if that entry was evicted.
 */
#include "pcre.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "engine/db.h"
#include "engine/error.h"
#include "engine/mem.h"
#include "engine/solve.h"
#include "engine/unify.h"
#include "lang/reader.h"
#include "lang/writer.h"
#include "text.h"

/* How a captured group is given: the value of capture_type(T), or of a
 * name's suffix (?<name_T>...). */
enum cap { CAP_NONE, CAP_STRING, CAP_ATOM, CAP_RANGE, CAP_TERM };

struct re_group {
    term_t key;         /* an atom or a small integer: valid forever */
    uint32_t num;       /* the group's number */
    unsigned char type; /* enum cap from the name's suffix, or CAP_NONE */
};

struct re_entry {
    struct re_entry *next; /* hash chain */
    uint64_t hash, used;   /* used: the tick of the last lookup (LRU) */
    uint32_t opts;
    size_t len;
    char *pat;
    pcre2_code *code;
    uint32_t ngroups;        /* capturing groups, not counting 0 */
    struct re_group *groups; /* ngroups + 1, in standard order of key */
};

#define RE_BUCKETS 256
#define RE_CACHE_MAX 128 /* compiled patterns kept; the least recently used goes */

struct re_state {
    pcre2_general_context *gen;
    pcre2_compile_context *cctx;
    pcre2_match_context *mctx;
    pcre2_match_data *md;
    uint32_t md_pairs;
    struct re_entry *bucket[RE_BUCKETS];
    size_t count;
    uint64_t tick;
    /* what PCRE2 writes back through pointers */
    int errcode;
    PCRE2_SIZE erroff;
    uint32_t info, namecount, nameentry;
    PCRE2_SPTR nametable;
    PCRE2_UCHAR msg[256];
};

static struct re_state *re; /* persistent; the pointer is set once, before any snapshot */

static void *re_malloc(PCRE2_SIZE n, void *data)
{
    (void)data;
    return mem_palloc(n);
}

static void re_free(void *p, void *data)
{
    (void)data;
    if (p)
        mem_pfree(p);
}

static atom_t re_atom(const char *s) { return atom_from_cstr(s); }

/* --- the cache ----------------------------------------------------------- */

static uint64_t re_hash(const char *s, size_t len, uint32_t opts)
{
    uint64_t h = 1469598103934665603ull ^ opts;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static void re_entry_free(struct re_entry *e)
{
    pcre2_code_free(e->code);
    mem_pfree(e->groups);
    mem_pfree(e->pat);
    mem_pfree(e);
}

static void re_evict_lru(void)
{
    struct re_entry **victim = NULL;
    for (size_t b = 0; b < RE_BUCKETS; b++)
        for (struct re_entry **p = &re->bucket[b]; *p; p = &(*p)->next)
            if (!victim || (*p)->used < (*victim)->used)
                victim = p;
    if (victim) {
        struct re_entry *e = *victim;
        *victim = e->next;
        re_entry_free(e);
        re->count--;
    }
}

/* re_flush is det: empty the cache. */
static bool bi_re_flush(term_t *a)
{
    (void)a;
    for (size_t b = 0; b < RE_BUCKETS; b++)
        while (re->bucket[b]) {
            struct re_entry *e = re->bucket[b];
            re->bucket[b] = e->next;
            re_entry_free(e);
        }
    re->count = 0;
    return true;
}

_Noreturn static void re_syntax_error(const char *pat, size_t len)
{
    pcre2_get_error_message(re->errcode, re->msg, sizeof re->msg);
    size_t off = text_utf8_count(pat, re->erroff < len ? re->erroff : len);
    term_t formal = term_compound1(FUNCTOR_syntax_error1, term_atom(re_atom((const char *)re->msg)));
    term_t ctx = term_compound2(functor_intern(re_atom("string"), 2), text_string(pat, len),
                                term_int((int64_t)off));
    solve_throw(term_compound2(FUNCTOR_error2, formal, ctx));
}

static int re_group_cmp(const void *x, const void *y)
{
    const struct re_group *a = x, *b = y;
    bool an = term_is_atom(a->key), bn = term_is_atom(b->key);
    if (an != bn)
        return an ? 1 : -1;
    if (an) {
        int c = atom_compare(term_get_atom(a->key), term_get_atom(b->key));
        if (c)
            return c;
    }
    return a->num < b->num ? -1 : a->num > b->num;
}

/* A name's type suffix: "_X" at its end, X one character, one of SAIFNTR.
 * Returns its enum cap (and shortens *len), CAP_NONE for no suffix, or -1
 * for a suffix of another character. */
static int re_suffix_type(const char *name, size_t *len)
{
    size_t n = *len;
    if (n < 2 || name[n - 2] != '_')
        return CAP_NONE;
    static const char types[] = "SAIFNTR";
    static const unsigned char kind[] = {CAP_STRING, CAP_ATOM, CAP_TERM, CAP_TERM, CAP_TERM, CAP_TERM, CAP_RANGE};
    const char *t = strchr(types, name[n - 1]);
    if (!t)
        return -1;
    *len = n - 2;
    return kind[t - types];
}

/* The name table of code (into re's fields); the first name with a bad
 * type suffix, or NULL. */
static const char *re_names(pcre2_code *code)
{
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &re->namecount);
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &re->nameentry);
    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &re->nametable);
    for (uint32_t i = 0; i < re->namecount; i++) {
        const char *name = (const char *)re->nametable + (size_t)i * re->nameentry + 2;
        size_t len = strlen(name);
        if (re_suffix_type(name, &len) < 0)
            return name;
    }
    return NULL;
}

/* The groups of a freshly compiled pattern, keyed and sorted. */
static struct re_group *re_groups(pcre2_code *code, uint32_t *ngroups)
{
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &re->info);
    uint32_t n = re->info;
    struct re_group *g = mem_palloc((n + 1) * sizeof *g);
    if (!g)
        return NULL;
    for (uint32_t i = 0; i <= n; i++)
        g[i] = (struct re_group){.key = term_smallint(i), .num = i, .type = CAP_NONE};
    for (uint32_t i = 0; i < re->namecount; i++) { /* re_names has read the table */
        const unsigned char *t = re->nametable + (size_t)i * re->nameentry;
        uint32_t num = (uint32_t)t[0] << 8 | t[1];
        const char *name = (const char *)t + 2;
        size_t len = strlen(name);
        int type = re_suffix_type(name, &len);
        if (num <= n) {
            g[num].key = term_atom(atom_intern(name, len));
            g[num].type = (unsigned char)type;
        }
    }
    qsort(g, n + 1, sizeof *g, re_group_cmp);
    *ngroups = n;
    return g;
}

/* The compiled pattern for the len bytes at pat with compile options opts:
 * cached, else compiled (raising syntax_error) and cached.  The entry lives
 * until it is evicted: use it before the next lookup. */
static struct re_entry *re_lookup(const char *pat, size_t len, uint32_t opts)
{
    uint64_t h = re_hash(pat, len, opts);
    struct re_entry **b = &re->bucket[h % RE_BUCKETS];
    for (struct re_entry *e = *b; e; e = e->next)
        if (e->hash == h && e->len == len && e->opts == opts && memcmp(e->pat, pat, len) == 0) {
            e->used = ++re->tick;
            return e;
        }
    if (re->count >= RE_CACHE_MAX)
        re_evict_lru();
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pat, len, opts | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &re->errcode,
                                     &re->erroff, re->cctx);
    if (!code)
        re_syntax_error(pat, len);
    const char *bad = re_names(code);
    if (bad) {
        size_t n = strlen(bad);
        term_t what = term_atom(atom_intern(bad + n - 1, 1));
        pcre2_code_free(code);
        err_existence(re_atom("re_type_flag"), what);
    }
    struct re_entry *e = mem_pzalloc(sizeof *e);
    char *copy = mem_palloc(len + 1);
    uint32_t ng = 0;
    struct re_group *g = e && copy ? re_groups(code, &ng) : NULL;
    if (!g) {
        pcre2_code_free(code);
        mem_pfree(copy);
        mem_pfree(e);
        err_resource(ATOM_memory);
    }
    if (ng + 1 > re->md_pairs) {
        pcre2_match_data *md = pcre2_match_data_create(ng + 1, re->gen);
        if (!md) {
            pcre2_code_free(code);
            mem_pfree(g);
            mem_pfree(copy);
            mem_pfree(e);
            err_resource(ATOM_memory);
        }
        pcre2_match_data_free(re->md);
        re->md = md;
        re->md_pairs = ng + 1;
    }
    memcpy(copy, pat, len);
    copy[len] = 0;
    *e = (struct re_entry){.next = *b, .hash = h, .used = ++re->tick, .opts = opts, .len = len,
                           .pat = copy, .code = code, .ngroups = ng, .groups = g};
    *b = e;
    re->count++;
    return e;
}

/* --- options ------------------------------------------------------------- */

enum { OPT_COMPILE = 1, OPT_MATCH = 2, OPT_NEGATE = 4 };

static const struct re_opt {
    const char *name;
    uint32_t bit;
    unsigned how;
} re_opts[] = {
    {"caseless", PCRE2_CASELESS, OPT_COMPILE},
    {"multiline", PCRE2_MULTILINE, OPT_COMPILE},
    {"dotall", PCRE2_DOTALL, OPT_COMPILE},
    {"extended", PCRE2_EXTENDED, OPT_COMPILE},
    {"anchored", PCRE2_ANCHORED, OPT_COMPILE | OPT_MATCH},
    {"endanchored", PCRE2_ENDANCHORED, OPT_COMPILE | OPT_MATCH},
    {"dollar_endonly", PCRE2_DOLLAR_ENDONLY, OPT_COMPILE},
    {"dupnames", PCRE2_DUPNAMES, OPT_COMPILE},
    {"firstline", PCRE2_FIRSTLINE, OPT_COMPILE},
    {"greedy", PCRE2_UNGREEDY, OPT_COMPILE | OPT_NEGATE},
    {"ungreedy", PCRE2_UNGREEDY, OPT_COMPILE},
    {"ucp", PCRE2_UCP, OPT_COMPILE},
    {"auto_capture", PCRE2_NO_AUTO_CAPTURE, OPT_COMPILE | OPT_NEGATE},
    {"no_auto_capture", PCRE2_NO_AUTO_CAPTURE, OPT_COMPILE},
    {"extended_more", PCRE2_EXTENDED_MORE, OPT_COMPILE},
    {"literal", PCRE2_LITERAL, OPT_COMPILE},
    {"allow_empty_class", PCRE2_ALLOW_EMPTY_CLASS, OPT_COMPILE},
    {"alt_bsux", PCRE2_ALT_BSUX, OPT_COMPILE},
    {"alt_circumflex", PCRE2_ALT_CIRCUMFLEX, OPT_COMPILE},
    {"alt_verbnames", PCRE2_ALT_VERBNAMES, OPT_COMPILE},
    {"match_unset_backref", PCRE2_MATCH_UNSET_BACKREF, OPT_COMPILE},
    {"never_ucp", PCRE2_NEVER_UCP, OPT_COMPILE},
    {"never_backslash_c", PCRE2_NEVER_BACKSLASH_C, OPT_COMPILE},
    {"auto_possess", PCRE2_NO_AUTO_POSSESS, OPT_COMPILE | OPT_NEGATE},
    {"dotstar_anchor", PCRE2_NO_DOTSTAR_ANCHOR, OPT_COMPILE | OPT_NEGATE},
    {"start_optimize", PCRE2_NO_START_OPTIMIZE, OPT_COMPILE | OPT_NEGATE},
    {"bol", PCRE2_NOTBOL, OPT_MATCH | OPT_NEGATE},
    {"eol", PCRE2_NOTEOL, OPT_MATCH | OPT_NEGATE},
    {"empty", PCRE2_NOTEMPTY, OPT_MATCH | OPT_NEGATE},
    {"empty_atstart", PCRE2_NOTEMPTY_ATSTART, OPT_MATCH | OPT_NEGATE},
};
#define RE_NOPTS (sizeof re_opts / sizeof re_opts[0])

/* A regex spec with its options decoded.  The first value of an option
 * wins, and flags come before the option list (swipl's rule). */
struct re_spec {
    text pat;
    uint32_t copts, mopts;
    uint64_t decided; /* bit i: re_opts[i] was given */
    bool compiled;    /* a '$re' term: compile options fixed */
    enum cap cap;     /* capture type, CAP_NONE until given */
    size_t start;     /* start(N), in characters */
    bool has_start;
    /* re_split and re_replace: the output type ('a', 's', 'n') and g */
    char out;
    bool all;
};

static void re_set(struct re_spec *sp, size_t i, bool on)
{
    const struct re_opt *o = &re_opts[i];
    if (sp->decided & (1ull << i))
        return;
    sp->decided |= 1ull << i;
    if (o->how & OPT_NEGATE)
        on = !on;
    if (!on)
        return;
    if ((o->how & OPT_COMPILE) && !sp->compiled)
        sp->copts |= o->bit;
    if (o->how & OPT_MATCH)
        sp->mopts |= o->bit;
}

static size_t re_opt_index(const char *name)
{
    for (size_t i = 0; i < RE_NOPTS; i++)
        if (strcmp(re_opts[i].name, name) == 0)
            return i;
    return RE_NOPTS;
}

static bool re_cap_of(atom_t a, enum cap *out)
{
    const char *s = atom_name(a);
    if (strcmp(s, "string") == 0)
        *out = CAP_STRING;
    else if (strcmp(s, "atom") == 0)
        *out = CAP_ATOM;
    else if (strcmp(s, "range") == 0)
        *out = CAP_RANGE;
    else if (strcmp(s, "term") == 0 || strcmp(s, "integer") == 0 || strcmp(s, "float") == 0 ||
             strcmp(s, "number") == 0)
        *out = CAP_TERM;
    else
        return false;
    return true;
}

static const char *const re_cap_names[] = {"none", "string", "atom", "range", "term"};

static void re_option(struct re_spec *sp, term_t o)
{
    if (term_is_var(o))
        err_instantiation();
    if (term_is_atom(o))
        return; /* swipl ignores these */
    if (!term_is_compound(o) || functor_arity(term_functor(o)) != 1)
        err_type(re_atom("option"), o);
    const char *name = atom_name(functor_name(term_functor(o)));
    term_t v = term_deref(term_arg(o, 1));
    if (strcmp(name, "start") == 0) {
        if (term_is_var(v))
            err_instantiation();
        if (!term_is_integer(v))
            err_type(ATOM_integer, v);
        int64_t n;
        if (!term_get_int64(v, &n) || n < 0)
            err_domain(ATOM_not_less_than_zero, v);
        if (!sp->has_start) {
            sp->start = (size_t)n;
            sp->has_start = true;
        }
        return;
    }
    if (strcmp(name, "capture_type") == 0) {
        if (term_is_var(v))
            err_instantiation();
        enum cap c;
        if (!term_is_atom(v) || !re_cap_of(term_get_atom(v), &c))
            err_type(re_atom("option"), o);
        if (sp->cap == CAP_NONE && !sp->compiled)
            sp->cap = c;
        /* re_split and re_replace take atom and string as the output type */
        if (!sp->out && (c == CAP_ATOM || c == CAP_STRING))
            sp->out = c == CAP_ATOM ? 'a' : 's';
        return;
    }
    size_t i = re_opt_index(name);
    if (i == RE_NOPTS)
        return; /* unknown options are ignored */
    if (term_is_var(v))
        err_instantiation();
    if (v != TERM_TRUE && v != term_atom(ATOM_false))
        err_type(re_atom("bool"), v);
    re_set(sp, i, v == TERM_TRUE);
}

static void re_options(struct re_spec *sp, term_t l)
{
    l = term_deref(l);
    while (term_is_list_cell(l)) {
        re_option(sp, term_deref(term_arg(l, 1)));
        l = term_deref(term_arg(l, 2));
    }
    if (term_is_var(l))
        err_instantiation();
    if (l != TERM_NIL)
        err_type(ATOM_list, l);
}

enum { FLAGS_MATCH, FLAGS_SPLIT, FLAGS_REPLACE };

static void re_flags(struct re_spec *sp, term_t f, int kind)
{
    f = term_deref(f);
    if (term_is_var(f))
        err_instantiation();
    if (!term_is_atom(f))
        err_type(ATOM_atom_t, f);
    const char *s = atom_name(term_get_atom(f));
    size_t n = atom_length(term_get_atom(f)), used;
    for (size_t i = 0; i < n; i += used) {
        int c = text_utf8_decode(s + i, n - i, &used);
        const char *opt = NULL;
        enum cap cap = CAP_NONE;
        switch (c) {
        case 'i': opt = "caseless"; break;
        case 'm': opt = "multiline"; break;
        case 'x': opt = "extended"; break;
        case 's':
            if (kind != FLAGS_MATCH) {
                if (!sp->out)
                    sp->out = 's';
                continue;
            }
            opt = "dotall";
            break;
        case 'a':
            if (kind != FLAGS_MATCH) {
                if (!sp->out)
                    sp->out = 'a';
                continue;
            }
            cap = CAP_ATOM;
            break;
        case 'n':
            if (kind == FLAGS_SPLIT) {
                if (!sp->out)
                    sp->out = 'n';
                continue;
            }
            break;
        case 'g':
            if (kind == FLAGS_REPLACE) {
                sp->all = true;
                continue;
            }
            break;
        case 'r': cap = CAP_RANGE; break;
        case 't': cap = CAP_TERM; break;
        default: break;
        }
        if (opt)
            re_set(sp, re_opt_index(opt), true);
        else if (cap != CAP_NONE) {
            if (sp->cap == CAP_NONE)
                sp->cap = cap;
        } else
            err_existence(re_atom("re_flag"), text_char_atom(c));
    }
}

static functor_t re_functor(void) { return functor_intern(re_atom("$re"), 3); }

/* Decode Regex (a text, Text/Flags or a '$re' term) and Options into sp. */
static void re_spec_get(struct re_spec *sp, term_t regex, term_t options, int kind)
{
    memset(sp, 0, sizeof *sp);
    term_t r = term_deref(regex);
    if (term_is_var(r))
        err_instantiation();
    term_t flags = 0;
    if (term_is_compound(r) && term_functor(r) == FUNCTOR_slash2) {
        flags = term_arg(r, 2);
        r = term_deref(term_arg(r, 1));
    }
    if (term_is_compound(r) && term_functor(r) == re_functor() && !flags) {
        text_get(term_arg(r, 1), TEXT_STRING, ATOM_string, &sp->pat);
        sp->copts = (uint32_t)err_need_int(term_arg(r, 2));
        re_cap_of(err_need_atom(term_arg(r, 3)), &sp->cap);
        sp->compiled = true;
    } else {
        if (term_is_var(r))
            err_instantiation();
        text_get(r, TEXT_ATOM | TEXT_STRING | TEXT_LIST, re_atom("text"), &sp->pat);
        if (flags)
            re_flags(sp, flags, kind);
    }
    if (options)
        re_options(sp, options);
    if (sp->cap == CAP_NONE)
        sp->cap = CAP_STRING;
}

/* --- matching ------------------------------------------------------------ */

/* A subject, with a cached byte-to-character position pair, so that
 * offsets met in increasing order cost what the bytes between them do. */
struct subj {
    text t;
    bool ascii;
    size_t b, c; /* byte b is character c */
    size_t nchars;
};

static void subj_get(struct subj *x, term_t t)
{
    text_get(t, TEXT_ATOM | TEXT_STRING | TEXT_LIST, re_atom("text"), &x->t);
    x->ascii = true;
    for (size_t i = 0; i < x->t.len; i++)
        if ((unsigned char)x->t.s[i] >= 0x80) {
            x->ascii = false;
            break;
        }
    x->b = x->c = 0;
    x->nchars = x->ascii ? x->t.len : text_utf8_count(x->t.s, x->t.len);
}

static size_t subj_char(struct subj *x, size_t b)
{
    if (x->ascii)
        return b;
    if (b < x->b)
        x->b = x->c = 0;
    x->c += text_utf8_count(x->t.s + x->b, b - x->b);
    x->b = b;
    return x->c;
}

/* The byte offset of sp's start(N), raising domain_error(offset, N) when it
 * is not inside the subject. */
static size_t subj_start(struct subj *x, const struct re_spec *sp)
{
    if (!sp->has_start || sp->start == 0)
        return 0;
    if (sp->start >= x->nchars)
        err_domain(re_atom("offset"), term_int((int64_t)sp->start));
    return x->ascii ? sp->start : text_utf8_offset(x->t.s, x->t.len, sp->start);
}

/* One match of e on x from byte at: PCRE2's return code (> 0: that many
 * pairs are set in the match data's ovector), 0 when there is none. */
static int re_exec(struct re_entry *e, struct subj *x, size_t at, uint32_t mopts)
{
    int rc = pcre2_match(e->code, (PCRE2_SPTR)x->t.s, x->t.len, at, mopts, re->md, re->mctx);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc <= 0) {
        pcre2_get_error_message(rc, re->msg, sizeof re->msg);
        err_resource(re_atom((const char *)re->msg));
    }
    return rc;
}

static const PCRE2_SIZE *re_ovector(void) { return pcre2_get_ovector_pointer(re->md); }

/* Every match in turn, as Perl's //g does: after an empty match, the next
 * is first tried at the same place, non-empty and anchored, and only then
 * one character further on. */
struct re_iter {
    struct re_entry *e;
    struct subj *x;
    size_t at;
    uint32_t mopts;
    bool empty, done;
};

static int re_next(struct re_iter *it)
{
    while (!it->done) {
        uint32_t extra = it->empty ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
        int rc = re_exec(it->e, it->x, it->at, it->mopts | extra);
        if (rc > 0) {
            const PCRE2_SIZE *ov = re_ovector();
            it->empty = ov[0] == ov[1];
            if (ov[1] > it->at || !it->empty)
                it->at = ov[1];
            return rc;
        }
        if (!it->empty || it->at >= it->x->t.len) {
            it->done = true;
            break;
        }
        size_t used;
        text_utf8_decode(it->x->t.s + it->at, it->x->t.len - it->at, &used);
        it->at += used;
        it->empty = false;
    }
    return 0;
}

/* The text len bytes at s read as a term; 0 when it does not read (the
 * match then fails, as in swipl).  Empty text is end_of_file. */
static term_t re_read_term(const char *s, size_t len)
{
    rd_options opt;
    rd_options_default(&opt);
    rd_result res;
    rd_status st = rd_read_text(s, len, &opt, &res);
    if (st == RD_SYNTAX_ERROR)
        return 0;
    return st == RD_EOF ? term_atom(ATOM_end_of_file) : res.term;
}

/* The value of group pair (b, e) (PCRE2_UNSET when the group did not take
 * part) as type; 0 when a term capture does not read. */
static term_t re_value(struct subj *x, PCRE2_SIZE b, PCRE2_SIZE e, enum cap type)
{
    if (b == PCRE2_UNSET)
        b = e = x->t.len; /* swipl: empty, and its range is at the end */
    const char *s = x->t.s + b;
    size_t len = e - b;
    switch (type) {
    case CAP_ATOM: return text_atom(s, len);
    case CAP_RANGE: {
        size_t cb = subj_char(x, b), ce = subj_char(x, e);
        return term_compound2(FUNCTOR_minus2, term_int((int64_t)cb), term_int((int64_t)(ce - cb)));
    }
    case CAP_TERM: return re_read_term(s, len);
    default: return text_string(s, len);
    }
}

/* Add v at the end of the list from *head whose last cell is *last (0 for
 * an empty list). */
static void re_append(term_t *head, term_t *last, term_t v)
{
    term_t cell = term_cons(v, TERM_NIL);
    if (*last)
        term_args(*last)[1] = cell;
    else
        *head = cell;
    *last = cell;
}

/* The match in the ovector (rc pairs set) as a Key-Value list; 0 when a
 * term capture does not read. */
static term_t re_sub_list(struct re_entry *e, struct subj *x, int rc, enum cap deflt)
{
    const PCRE2_SIZE *ov = re_ovector();
    term_t head = TERM_NIL, last = 0, prev = 0;
    for (uint32_t i = 0; i <= e->ngroups; i++) {
        const struct re_group *g = &e->groups[i];
        if (g->num >= (uint32_t)rc)
            continue;
        if (g->key == prev)
            err_throw_formal(term_compound1(functor_intern(re_atom("duplicate_key"), 1), g->key));
        prev = g->key;
        term_t v = re_value(x, ov[2 * g->num], ov[2 * g->num + 1], g->type ? g->type : deflt);
        if (!v)
            return 0;
        re_append(&head, &last, term_compound2(FUNCTOR_minus2, g->key, v));
    }
    return head;
}

/* A call's regex, options and subject decoded, where matching starts, and
 * the compiled pattern. */
struct re_call {
    struct re_spec sp;
    struct subj x;
    size_t at;
    struct re_entry *e;
};

static void re_call_get(struct re_call *c, term_t regex, term_t subject, term_t options, int kind)
{
    re_spec_get(&c->sp, regex, options, kind);
    subj_get(&c->x, subject);
    c->at = kind == FLAGS_REPLACE ? 0 : subj_start(&c->x, &c->sp); /* swipl's re_replace: no start(N) */
    c->e = re_lookup(c->sp.pat.s, c->sp.pat.len, c->sp.copts);
}

/* re_match(+Regex, +String), re_match(+Regex, +String, +Options) are semidet. */
static bool re_match(term_t *a, term_t options)
{
    struct re_call c;
    re_call_get(&c, a[0], a[1], options, FLAGS_MATCH);
    return re_exec(c.e, &c.x, c.at, c.sp.mopts) > 0;
}
static bool bi_re_match2(term_t *a) { return re_match(a, 0); }
static bool bi_re_match3(term_t *a) { return re_match(a, a[2]); }

/* re_matchsub(+Regex, +String, -Sub, [+Options]) is semidet: Sub is the
 * match as a Key-Value list (see the top of this file). */
static bool re_matchsub(term_t *a, term_t options)
{
    struct re_call c;
    re_call_get(&c, a[0], a[1], options, FLAGS_MATCH);
    int rc = re_exec(c.e, &c.x, c.at, c.sp.mopts);
    if (rc == 0)
        return false;
    term_t sub = re_sub_list(c.e, &c.x, rc, c.sp.cap);
    return sub && unify(a[2], sub);
}
static bool bi_re_matchsub3(term_t *a) { return re_matchsub(a, 0); }
static bool bi_re_matchsub4(term_t *a) { return re_matchsub(a, a[3]); }

/* re_foldl(:Goal, +Regex, +String, ?V0, ?V, +Options) is semidet: calls
 * call(Goal, Sub, Vi, Vi+1) once for each match in turn.  The matches are
 * found first, then the calls run as one conjunction of once/1 goals under
 * a nested solve, so no C state is held while Prolog code runs. */
static bool bi_re_foldl(term_t *a)
{
    struct re_call c;
    re_call_get(&c, a[1], a[2], a[5], FLAGS_MATCH);
    struct re_iter it = {.e = c.e, .x = &c.x, .at = c.at, .mopts = c.sp.mopts};
    term_t subs = TERM_NIL, last = 0;
    size_t n = 0;
    for (int rc; (rc = re_next(&it)) > 0; n++) {
        term_t sub = re_sub_list(c.e, &c.x, rc, c.sp.cap);
        if (!sub)
            return false;
        re_append(&subs, &last, sub);
    }
    if (n == 0)
        return unify(a[3], a[4]);
    term_t goal = 0, v = a[3];
    term_t *tail = &goal;
    for (term_t l = subs; l != TERM_NIL; l = term_arg(l, 2)) {
        term_t next = term_arg(l, 2) == TERM_NIL ? a[4] : term_new_var();
        term_t args[4] = {a[0], term_arg(l, 1), v, next};
        term_t call = term_compound1(FUNCTOR_once1, term_compound(FUNCTOR_call4, args));
        if (next == a[4]) {
            *tail = call;
        } else {
            term_t conj = term_compound2(FUNCTOR_comma2, call, 0);
            *tail = conj;
            tail = &term_args(conj)[1];
        }
        v = next;
    }
    term_t ball;
    switch (solve(goal, NULL, NULL, &ball)) {
    case SOLVE_TRUE: return true;
    case SOLVE_ERROR: solve_throw(ball);
    default: return false;
    }
}

/* --- re_split and re_replace --------------------------------------------- */

/* A piece of the subject as re_split's output type (string, atom, or for
 * 'n' a number where it reads as one, else an atom). */
static term_t re_piece(char out, const char *s, size_t len)
{
    if (out == 'a')
        return text_atom(s, len);
    if (out == 'n') {
        const char *syntax;
        term_t n = text_number(s, len, &syntax);
        return n ? n : text_atom(s, len);
    }
    return text_string(s, len);
}

/* re_split(+Pattern, +String, -Splits, [+Options]) is det: the pieces
 * between the matches and the matches, alternately, from the start of
 * String (start(N) moves where matching begins, not where the first piece
 * does). */
static bool re_split(term_t *a, term_t options)
{
    struct re_call c;
    re_call_get(&c, a[0], a[1], options, FLAGS_SPLIT);
    const struct subj *x = &c.x;
    char out = c.sp.out;
    struct re_iter it = {.e = c.e, .x = &c.x, .at = c.at, .mopts = c.sp.mopts};
    term_t head = TERM_NIL, last = 0;
    size_t here = 0;
    while (re_next(&it) > 0) {
        const PCRE2_SIZE *ov = re_ovector();
        size_t b = ov[0], e = ov[1];
        re_append(&head, &last, re_piece(out, x->t.s + here, b - here));
        re_append(&head, &last, re_piece(out, x->t.s + b, e - b));
        here = e;
    }
    re_append(&head, &last, re_piece(out, x->t.s + here, x->t.len - here));
    return unify(a[2], head);
}
static bool bi_re_split3(term_t *a) { return re_split(a, 0); }
static bool bi_re_split4(term_t *a) { return re_split(a, a[3]); }

/* A growable output buffer: ordinary malloc'd memory, written by our code
 * and tracked, so a throw (which restores a snapshot older than the call)
 * takes it back with everything else; only the normal return frees. */
struct obuf {
    char *p;
    size_t len, cap;
};

static void ob_add(struct obuf *o, const char *s, size_t n)
{
    if (o->len + n > o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 128;
        while (cap < o->len + n)
            cap *= 2;
        char *p = realloc(o->p, cap);
        if (!p)
            err_resource(ATOM_memory);
        o->p = p;
        o->cap = cap;
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
}

/* A replacement template: literal bytes and references, each reference
 * \N, $N, \{N}, ${N}, $Name or ${Name}; $$ and \\ stand for $ and \. */
struct tpart {
    size_t off, len; /* literal bytes in the template, when key is 0 */
    term_t key;      /* a small integer or an atom */
};

static bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* A reference at s[i] (just after the $ or \): its key and end, or false. */
static bool t_ref(const char *s, size_t n, size_t i, term_t *key, size_t *end)
{
    bool brace = i < n && s[i] == '{';
    size_t j = i + brace, k = j;
    if (k < n && is_digit(s[k])) {
        while (k < n && is_digit(s[k]))
            k++;
    } else if (k < n && is_name_start(s[k])) {
        while (k < n && (is_name_start(s[k]) || is_digit(s[k])))
            k++;
    } else {
        return false;
    }
    if (brace && (k >= n || s[k] != '}'))
        return false;
    if (is_digit(s[j])) {
        const char *syntax;
        *key = text_number(s + j, k - j, &syntax);
    } else {
        *key = term_atom(atom_intern(s + j, k - j));
    }
    *end = k + brace;
    return true;
}

static size_t t_parse(const char *s, size_t n, struct tpart *parts)
{
    size_t np = 0;
    for (size_t i = 0; i < n;) {
        term_t key;
        size_t end;
        if ((s[i] == '$' || s[i] == '\\') && t_ref(s, n, i + 1, &key, &end)) {
            parts[np++] = (struct tpart){.key = key};
            i = end;
            continue;
        }
        size_t skip = i + 1 < n && (s[i] == '$' || s[i] == '\\') && s[i + 1] == s[i] ? 2 : 1;
        if (np && !parts[np - 1].key && parts[np - 1].off + parts[np - 1].len == i && skip == 1)
            parts[np - 1].len++;
        else
            parts[np++] = (struct tpart){.off = i, .len = 1};
        i += skip;
    }
    return np;
}

/* Append the text of v (a capture's value) to o. */
static void re_add_value(struct obuf *o, struct subj *x, term_t v)
{
    v = term_deref(v);
    text t;
    if (term_is_compound(v) && term_functor(v) == FUNCTOR_minus2) { /* a range */
        size_t b = text_utf8_offset(x->t.s, x->t.len, (size_t)term_get_smallint(term_deref(term_arg(v, 1))));
        size_t e = text_utf8_offset(x->t.s + b, x->t.len - b, (size_t)term_get_smallint(term_deref(term_arg(v, 2))));
        ob_add(o, x->t.s + b, e);
    } else if (text_try(v, TEXT_ATOMIC, &t)) {
        ob_add(o, t.s, t.len);
    } else {
        err_type(ATOM_atomic, v);
    }
}

/* The value of key in the match's sub list, raising
 * existence_error(key, Key, Sub) as swipl's dict lookup does. */
static term_t re_lookup_key(term_t sub, term_t key)
{
    for (term_t l = sub; l != TERM_NIL; l = term_arg(l, 2)) {
        term_t kv = term_arg(l, 1);
        if (term_arg(kv, 1) == key)
            return term_arg(kv, 2);
    }
    term_t args[3] = {term_atom(re_atom("key")), key, sub};
    err_throw_formal(term_compound(functor_intern(re_atom("existence_error"), 3), args));
}

/* re_replace(+Pattern, +With, +String, -NewString, [+Options]) is det:
 * the first match (all with flag g) replaced by With.  As in swipl, the
 * match options (start(N) and the rest) are not used here. */
static bool re_replace(term_t *a, term_t options)
{
    struct re_call c;
    re_call_get(&c, a[0], a[2], options, FLAGS_REPLACE);
    struct subj *x = &c.x;
    text with;
    text_get(a[1], TEXT_ANY, re_atom("text"), &with);
    struct tpart *parts = malloc((with.len + 1) * sizeof *parts);
    if (!parts)
        err_resource(ATOM_memory);
    size_t np = t_parse(with.s, with.len, parts);
    struct re_iter it = {.e = c.e, .x = x};
    struct obuf o = {0};
    size_t here = 0;
    for (int rc; (rc = re_next(&it)) > 0;) {
        const PCRE2_SIZE *ov = re_ovector();
        size_t b = ov[0], e = ov[1];
        term_t sub = re_sub_list(c.e, x, rc, CAP_RANGE);
        if (!sub) {
            free(parts);
            free(o.p);
            return false;
        }
        ob_add(&o, x->t.s + here, b - here);
        for (size_t i = 0; i < np; i++) {
            if (parts[i].key)
                re_add_value(&o, x, re_lookup_key(sub, parts[i].key));
            else
                ob_add(&o, with.s + parts[i].off, parts[i].len);
        }
        here = e;
        if (!c.sp.all)
            break;
    }
    free(parts);
    ob_add(&o, x->t.s + here, x->t.len - here);
    term_t r = c.sp.out == 'a' ? text_atom(o.p, o.len) : text_string(o.p, o.len);
    free(o.p);
    return unify(a[3], r);
}
static bool bi_re_replace4(term_t *a) { return re_replace(a, 0); }
static bool bi_re_replace5(term_t *a) { return re_replace(a, a[4]); }

/* re_compile(+Pattern, -Regex, +Options) is det: Regex is '$re'(Pattern,
 * CompileOptions, CaptureType), its pattern compiled (and cached) now so
 * that a bad one raises its syntax error here. */
static bool bi_re_compile(term_t *a)
{
    term_t p = term_deref(a[0]);
    if (term_is_compound(p) && term_functor(p) == FUNCTOR_slash2)
        err_type(re_atom("text"), p); /* swipl: no Pattern/Flags here */
    struct re_spec sp;
    re_spec_get(&sp, p, a[2], FLAGS_MATCH);
    re_lookup(sp.pat.s, sp.pat.len, sp.copts);
    term_t args[3] = {text_string(sp.pat.s, sp.pat.len), term_int(sp.copts), term_atom(re_atom(re_cap_names[sp.cap]))};
    return unify(a[1], term_compound(re_functor(), args));
}

void pcre_register(void)
{
    re = mem_pzalloc(sizeof *re);
    if (re)
        re->gen = pcre2_general_context_create(re_malloc, re_free, NULL);
    if (re && re->gen) {
        re->cctx = pcre2_compile_context_create(re->gen);
        re->mctx = pcre2_match_context_create(re->gen);
        re->md = pcre2_match_data_create(16, re->gen);
        re->md_pairs = 16;
    }
    if (!re || !re->cctx || !re->mctx || !re->md)
        return; /* out of memory at start-up: no regex built-ins */
    /* re_match never binds: as a condition it needs no snapshot */
    db_register_test("re_match", 2, bi_re_match2);
    db_register_test("re_match", 3, bi_re_match3);
    db_register_det("re_matchsub", 3, bi_re_matchsub3);
    db_register_det("re_matchsub", 4, bi_re_matchsub4);
    db_register_det("re_foldl", 6, bi_re_foldl);
    db_register_det("re_split", 3, bi_re_split3);
    db_register_det("re_split", 4, bi_re_split4);
    db_register_det("re_replace", 4, bi_re_replace4);
    db_register_det("re_replace", 5, bi_re_replace5);
    db_register_det("re_compile", 3, bi_re_compile);
    db_register_det("re_flush", 0, bi_re_flush);
}
