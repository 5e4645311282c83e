/* tests/unit/test_lang_rw.c: the reader and the writer on the term layer:
 * read_term options, double_quotes, syntax errors with positions and
 * resynchronisation, big integers, max_depth, and the round-trip property
 * (writeq, then read, gives a variant) over random terms. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "engine/term.h"
#include "lang/ops.h"
#include "lang/reader.h"
#include "lang/writer.h"
#include "tests/lang/variant.h"

static int setup(void **state)
{
    return term_init(1u << 24) && rd_ops_init() ? 0 : -1;
}

/* read1: the one term in text (end token optional), or fail the test. */
static term_t read1(const char *text, rd_options *o)
{
    rd_options d;
    rd_options_default(&d);
    rd_result r;
    rd_status st = rd_read_text(text, strlen(text), o ? o : &d, &r);
    if (st != RD_OK)
        fail_msg("reading \"%s\": %s at %ld:%ld", text, st == RD_EOF ? "eof" : r.error.what,
                 r.error.pos.line, r.error.pos.col);
    return r.term;
}

/* text_of: t written with opts (writeq when NULL); static buffer. */
static const char *text_of(term_t t, const wr_options *opts)
{
    static char buf[4096];
    wr_options o;
    if (!opts) {
        wr_options_writeq(&o);
        opts = &o;
    }
    char *s = wr_term_to_text(t, opts, NULL);
    snprintf(buf, sizeof buf, "%s", s);
    free(s);
    return buf;
}

static void test_read_basic(void **state)
{
    term_t t = term_deref(read1("foo(X, Y, X, _)", NULL));
    assert_true(term_is_compound(t));
    assert_int_equal(functor_arity(term_functor(t)), 4);
    assert_true(term_deref(term_arg(t, 1)) == term_deref(term_arg(t, 3)));
    assert_true(term_deref(term_arg(t, 1)) != term_deref(term_arg(t, 2)));
    assert_string_equal(text_of(read1("[a,b|c]", NULL), NULL), "[a,b|c]");
    assert_string_equal(text_of(read1("{a,b}", NULL), NULL), "{a,b}");
    assert_string_equal(text_of(read1("'[]'", NULL), NULL), "[]");
    assert_string_equal(text_of(read1("[](x)", NULL), NULL), "[](x)");
    assert_string_equal(text_of(read1("- 1", NULL), NULL), "- 1");
    assert_string_equal(text_of(read1("-1", NULL), NULL), "-1");
    assert_string_equal(text_of(read1("-(1)", NULL), NULL), "- 1");
    assert_string_equal(text_of(read1("-(-(1))", NULL), NULL), "- - 1");
    assert_string_equal(text_of(read1("-(-1)", NULL), NULL), "- -1");
    assert_string_equal(text_of(read1("a- (-1)", NULL), NULL), "a- -1");
    assert_string_equal(text_of(read1("f(a :- b)", NULL), NULL), "f((a:-b))");
    term_t n = term_deref(read1("- 1", NULL));
    assert_true(term_is_compound(n));
    n = term_deref(read1("-1", NULL));
    assert_true(term_is_smallint(n) && term_get_smallint(n) == -1);
}

static void test_read_numbers(void **state)
{
    term_t t = term_deref(read1("-9223372036854775808", NULL));
    int64_t v;
    assert_true(term_get_int64(t, &v));
    assert_true(v == INT64_MIN);
    t = term_deref(read1("123456789012345678901234567890", NULL));
    assert_true(term_is_big(t));
    assert_string_equal(text_of(t, NULL), "123456789012345678901234567890");
    t = term_deref(read1("-0x1_0000_0000_0000_0000_0000", NULL));
    assert_string_equal(text_of(t, NULL), "-1208925819614629174706176");
    t = term_deref(read1("1152921504606846976", NULL)); /* 2^60: past small ints */
    assert_string_equal(text_of(t, NULL), "1152921504606846976");
    assert_string_equal(text_of(read1("-0.0", NULL), NULL), "-0.0");
    assert_string_equal(text_of(read1("- 0.0", NULL), NULL), "- 0.0");
    /* one NaN without a sign, so that it writes and reads back the same */
    assert_string_equal(text_of(read1("-1.5NaN", NULL), NULL), "1.5NaN");
}

static void test_double_quotes(void **state)
{
    rd_options o;
    rd_options_default(&o);
    term_t t = term_deref(read1("\"ab\"", &o));
    assert_true(term_is_string(t));
    o.double_quotes = RD_Q_CODES;
    assert_string_equal(text_of(read1("\"a\xce\xbb\"", &o), NULL), "[97,955]");
    o.double_quotes = RD_Q_CHARS;
    assert_string_equal(text_of(read1("\"a\xce\xbb\"", &o), NULL), "[a,\xce\xbb]");
    o.double_quotes = RD_Q_ATOM;
    assert_string_equal(text_of(read1("\"a b\"", &o), NULL), "'a b'");
    o.double_quotes = RD_Q_CODES;
    assert_string_equal(text_of(read1("\"\"", &o), NULL), "[]");
    rd_options_default(&o);
    assert_string_equal(text_of(read1("`ab`", &o), NULL), "[97,98]");
}

static void test_variable_lists(void **state)
{
    rd_options o;
    rd_options_default(&o);
    o.want_variables = o.want_variable_names = o.want_singletons = true;
    rd_result r;
    const char *text = "f(X, _Y, _, Z, X, _, W, _Y)";
    assert_int_equal(rd_read_text(text, strlen(text), &o, &r), RD_OK);
    wr_options w;
    wr_options_canonical(&w);
    w.name_vars = false;
    /* variables: all five distinct ones (two anonymous) in order */
    term_t l = term_deref(r.variables);
    int n = 0;
    for (; term_is_list_cell(l); l = term_deref(term_arg(l, 2)))
        n++;
    assert_int_equal(n, 6);
    wr_options q;
    wr_options_writeq(&q);
    /* names: bind each to its name and print */
    functor_t fvar = functor_intern(atom_from_cstr("$VAR"), 1);
    for (l = term_deref(r.variable_names); term_is_list_cell(l); l = term_deref(term_arg(l, 2))) {
        term_t eq = term_deref(term_arg(l, 1));
        term_bind(term_deref(term_arg(eq, 2)), term_compound1(fvar, term_arg(eq, 1)));
    }
    char *s = wr_term_to_text(r.term, &q, NULL);
    /* anonymous variables stay variables: _<n>, as swipl writes them */
    assert_memory_equal(s, "f(X,_Y,_", 8);
    assert_true(s[8] >= '0' && s[8] <= '9');
    free(s);
    assert_string_equal(text_of(r.variable_names, &q), "['X'=X,'_Y'=_Y,'Z'=Z,'W'=W]");
    assert_string_equal(text_of(r.singletons, &q), "['Z'=Z,'W'=W]");
}

static void test_syntax_errors(void **state)
{
    static const struct {
        const char *text, *what;
        long line, col;
    } cases[] = {
        {"f(a b).", "operator_expected", 1, 5},
        {"foo(X :- .", "operator_balance", 1, 10},
        {"\n  f(a,,b).", "quoted_punctuation", 2, 7},
        {"a = b = c.", "operator_clash", 1, 4}, /* just after the first =, as swipl */
        {"X = \\+ b.", "operator_clash", 1, 5},
        {"[a|b,c].", "list_rest", 1, 5},
        {"f(a.", "operator_expected", 1, 4},
        {"f(a", "end_of_file", 1, 4},
        {"f(a).\n", NULL, 0, 0},
        {"'abc", "end_of_file_in_quoted", 1, 1},
        {"a :- 'x\\qy'.", "undefined_char_escape", 1, 9},
        {"(a.", "operator_expected", 1, 3},
        {"f(a) g.", "operator_expected", 1, 6},
        {") .", "cannot_start_term", 1, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rd_src src;
        rd_lexer lx;
        rd_src_buffer(&src, cases[i].text, strlen(cases[i].text));
        rd_lex_init(&lx, &src);
        rd_options o;
        rd_options_default(&o);
        rd_result r;
        rd_status st = rd_read(&lx, &o, &r);
        if (!cases[i].what) {
            assert_int_equal(st, RD_OK);
        } else {
            if (st != RD_SYNTAX_ERROR)
                fail_msg("\"%s\": no syntax error", cases[i].text);
            if (strcmp(r.error.what, cases[i].what) != 0 || r.error.pos.line != cases[i].line ||
                r.error.pos.col != cases[i].col)
                fail_msg("\"%s\": %s at %ld:%ld, want %s at %ld:%ld", cases[i].text, r.error.what,
                         r.error.pos.line, r.error.pos.col, cases[i].what, cases[i].line,
                         cases[i].col);
        }
        rd_lex_free(&lx);
    }
}

/* After a syntax error the next read starts at the next clause: consult
 * reports every error of a file, not only the first. */
static void test_resync(void **state)
{
    const char *text = "a(1).\nb(1  2).\nc('x\\q').\nd(1).\ne(.\nf(2) g.\nh(3).\n";
    rd_src src;
    rd_lexer lx;
    rd_src_buffer(&src, text, strlen(text));
    rd_lex_init(&lx, &src);
    rd_options o;
    rd_options_default(&o);
    char got[8192] = "";
    for (;;) {
        rd_result r;
        rd_status st = rd_read(&lx, &o, &r);
        if (st == RD_EOF)
            break;
        char line[4200];
        if (st == RD_OK)
            snprintf(line, sizeof line, "%s;", text_of(r.term, NULL));
        else
            snprintf(line, sizeof line, "%ld:%ld %s;", r.error.pos.line, r.error.pos.col,
                     r.error.what);
        strcat(got, line);
    }
    assert_string_equal(got, "a(1);2:6 operator_expected;3:6 undefined_char_escape;d(1);"
                             "5:3 end_of_clause;6:6 operator_expected;h(3);");
    rd_lex_free(&lx);
}

static void test_error_term(void **state)
{
    rd_error e = {"operator_expected", -1, {3, 7, 40}};
    term_t t = rd_error_term(&e, atom_from_cstr("f.pl"), NULL);
    assert_string_equal(text_of(t, NULL), "error(syntax_error(operator_expected),file('f.pl',3,7,40))");
    t = rd_error_term(&e, (atom_t)-1, "f(a b)");
    /* the text as swipl's term_to_atom/2 reads it, with " . " after it */
    assert_string_equal(text_of(t, NULL), "error(syntax_error(operator_expected),string(\"f(a b) . \",40))");
    assert_string_equal(rd_error_message("operator_expected"), "Operator expected");
    /* errors that name a character, as swipl's */
    rd_error q = {"undefined_char_escape", 'q', {1, 3, 2}};
    t = rd_error_term(&q, (atom_t)-1, "'a\\q'");
    assert_string_equal(text_of(t, NULL), "error(syntax_error(undefined_char_escape(q)),string(\"'a\\\\q' . \",2))");
    char msg[128];
    rd_error_text(&q, msg, sizeof msg);
    assert_string_equal(msg, "Unknown character escape in quoted atom or string: `\\q'");
    rd_error o = {"end_of_file_in_quoted", '"', {1, 1, 0}};
    rd_error_text(&o, msg, sizeof msg);
    assert_string_equal(msg, "End of file in quoted string");
}

static void test_eof_and_end(void **state)
{
    const char *text = "a. % comment\n  ";
    rd_src src;
    rd_lexer lx;
    rd_src_buffer(&src, text, strlen(text));
    rd_lex_init(&lx, &src);
    rd_options o;
    rd_options_default(&o);
    rd_result r;
    assert_int_equal(rd_read(&lx, &o, &r), RD_OK);
    assert_int_equal(rd_read(&lx, &o, &r), RD_EOF);
    assert_true(term_deref(r.term) == term_atom(ATOM_end_of_file));
    assert_int_equal(rd_read(&lx, &o, &r), RD_EOF);
    rd_lex_free(&lx);
    /* term_to_atom style: text after the term is an error */
    rd_result r2;
    assert_int_equal(rd_read_text("a. b", 4, &o, &r2), RD_SYNTAX_ERROR);
    assert_string_equal(r2.error.what, "end_of_clause_expected");
    assert_int_equal(rd_read_text("a.", 2, &o, &r2), RD_OK);
    assert_int_equal(rd_read_text("  ", 2, &o, &r2), RD_EOF);
}

static void test_deep_nesting(void **state)
{
    /* deeper than the reader allows: a syntax error, not a crash */
    size_t n = 100000;
    char *s = malloc(2 * n + 2);
    memset(s, '(', n);
    s[n] = 'a';
    memset(s + n + 1, ')', n);
    s[2 * n + 1] = 0;
    rd_options o;
    rd_options_default(&o);
    rd_result r;
    assert_int_equal(rd_read_text(s, strlen(s), &o, &r), RD_SYNTAX_ERROR);
    assert_string_equal(r.error.what, "nesting_too_deep");
    free(s);
    /* a long list is not deep */
    size_t len = 0, cap = 1 << 20;
    s = malloc(cap);
    len += (size_t)sprintf(s, "[");
    for (int i = 0; i < 100000; i++)
        len += (size_t)sprintf(s + len, "%d,", i);
    strcpy(s + len - 1, "]");
    term_t t = read1(s, NULL);
    char *back = wr_term_to_text(t, &(wr_options){.quoted = true}, NULL);
    assert_string_equal(back, s);
    free(back);
    free(s);
}

/* Long operator chains and deep last arguments are read and written by
 * loops, not recursion: 200,000 deep in each direction. */
static void test_deep_chains(void **state)
{
    const int n = 200000;
    char *s = malloc((size_t)n * 8 + 16);
    static const char *const ops[] = {",", "+", "^"};
    wr_options q;
    wr_options_writeq(&q);
    for (int k = 0; k < 3; k++) {
        size_t len = 0;
        for (int i = 0; i < n; i++)
            len += (size_t)sprintf(s + len, "%s%d", i ? ops[k] : "", i % 10);
        term_t t = read1(s, NULL);
        char *back = wr_term_to_text(t, &q, NULL);
        assert_non_null(back);
        assert_string_equal(back, s);
        free(back);
    }
    /* s(s(...(0))) 200,000 deep, and its canonical form */
    size_t len = 0;
    for (int i = 0; i < n; i++)
        len += (size_t)sprintf(s + len, "s(");
    len += (size_t)sprintf(s + len, "0");
    for (int i = 0; i < n; i++)
        s[len++] = ')';
    s[len] = 0;
    term_t t = 0;
    rd_options o;
    rd_options_default(&o);
    rd_result r;
    /* reading it is nesting, refused beyond the reader's limit ... */
    assert_int_equal(rd_read_text(s, len, &o, &r), RD_SYNTAX_ERROR);
    /* ... but a program can build it, and the writer loops over it */
    t = term_int(0);
    functor_t fs = functor_intern(atom_from_cstr("s"), 1);
    for (int i = 0; i < n; i++)
        t = term_compound1(fs, t);
    char *back = wr_term_to_text(t, &q, NULL);
    assert_non_null(back);
    assert_string_equal(back, s);
    free(back);
    /* a left-nested canonical term deeper than the writer's limit: an error,
     * not a crash */
    wr_options c;
    wr_options_canonical(&c);
    len = 0;
    for (int i = 0; i < n; i++)
        len += (size_t)sprintf(s + len, "%s1", i ? "+" : "");
    t = read1(s, NULL);
    wr_sink sink;
    wr_sink_buffer(&sink);
    wr_term(&sink, t, &c);
    assert_int_equal(sink.err, WR_ERR_DEEP);
    wr_sink_free(&sink);
    assert_null(wr_term_to_text(t, &c, NULL));
    free(s);
}

static void test_max_depth(void **state)
{
    wr_options o;
    wr_options_write(&o);
    o.max_depth = 3;
    assert_string_equal(text_of(read1("[1,2,3,4,5,6]", NULL), &o), "[1,2|...]");
    assert_string_equal(text_of(read1("f(g(h(i(j))))", NULL), &o), "f(g(h(...)))");
    assert_string_equal(text_of(read1("f(a,b,c,d,e)", NULL), &o), "f(a,b,c,d,e)");
    /* as swipl 9.0.4: atomic terms below the limit are ... too, and each
     * list element is one level deeper than the one before */
    assert_string_equal(text_of(read1("f(x,g(y,h(z,i(w))))", NULL), &o), "f(x,g(y,h(...,...)))");
    assert_string_equal(text_of(read1("[f(a),f(b)]", NULL), &o), "[f(a),f(...)]");
    o.max_depth = 2;
    assert_string_equal(text_of(read1("- - - - a", NULL), &o), "- - ...");
}

static bool portray_ints(void *ctx, term_t t, wr_sink *out)
{
    (void)ctx;
    if (!term_is_smallint(t))
        return false;
    wr_puts(out, "<int>");
    return true;
}

static void test_portray_and_canonical(void **state)
{
    wr_options o;
    wr_options_print(&o);
    o.portray = portray_ints;
    assert_string_equal(text_of(read1("f(1, [2], a+3)", NULL), &o), "f(<int>,[<int>],a+<int>)");
    wr_options_canonical(&o);
    assert_string_equal(text_of(read1("f(X, Y, X, [a|T], {b}, 'c d', \"s\", 1+2)", NULL), &o),
                        "f(A,_,A,[a|_],{}(b),'c d',\"s\",+(1,2))");
    wr_options_write(&o);
    assert_string_equal(text_of(read1("f('a b', \"s\", '$VAR'(1), '$VAR'(27), '$VAR'('Foo'))", NULL), &o),
                        "f(a b,s,B,B1,Foo)");
    o.ignore_ops = true;
    assert_string_equal(text_of(read1("[1,2]+{a}", NULL), &o), "+([1,2],{a})");
}

/* --- the round-trip property ------------------------------------------------------ */

/* A new seed each run (LANG_RT_SEED=N repeats one), printed on failure. */
static uint64_t seed, rng;
static uint64_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static unsigned pick(unsigned n)
{
    return (unsigned)(next_rand() % n);
}

static const char *const atoms[] = {
    "a", "foo", "b c", "-", "+", "[]", "{}", ",", "|", "'", "\\", "mod", "is", ":-", "\\+",
    "dynamic", "\xc3\xbc", "", "A", "_x", ".", "/*", "$", "=", "*", "^", "**", "->", ";", "!",
    "a.b", "\n", "?-", "-->", "rem", "xor", "@", "#", "..", "0", "[", "}", "f(",
};

static term_t vars[3];

static term_t random_term(int depth)
{
    unsigned k = depth <= 0 ? pick(6) : pick(14);
    switch (k) {
    case 0:
        return term_atom(atom_from_cstr(atoms[pick(sizeof atoms / sizeof atoms[0])]));
    case 1: {
        static const int64_t ints[] = {0, 1, -1, 42, -42, INT64_MAX, INT64_MIN, 1152921504606846975, -1152921504606846976};
        return term_int(ints[pick(9)]);
    }
    case 2: {
        static const double fl[] = {0.0, -0.0, 1.5, -1.5, 0.1, 1e22, -1e-300, 1e100};
        return term_float(fl[pick(8)]);
    }
    case 3:
        return vars[pick(3)];
    case 4: {
        static const char *const strs[] = {"", "abc", "a\"b", "it's", "\\", "\n"};
        const char *s = strs[pick(6)];
        return term_string(s, strlen(s));
    }
    case 5:
        return read1("123456789012345678901234567890", NULL);
    case 6:
    case 7:
    case 8: {
        /* an operator term, or a compound named by an odd atom */
        const char *name = atoms[pick(sizeof atoms / sizeof atoms[0])];
        unsigned arity = 1 + pick(2);
        if (pick(4) == 0)
            arity = 3;
        functor_t f = functor_intern(atom_from_cstr(name), arity);
        term_t args[3];
        for (unsigned i = 0; i < arity; i++)
            args[i] = random_term(depth - 1);
        return term_compound(f, args);
    }
    case 9:
    case 10: {
        unsigned n = pick(4);
        term_t l = pick(3) == 0 ? random_term(depth - 1) : TERM_NIL;
        for (unsigned i = 0; i < n; i++)
            l = term_cons(random_term(depth - 1), l);
        return l;
    }
    case 11:
        return term_compound1(FUNCTOR_curly1, random_term(depth - 1));
    case 12: {
        static const char *const negs[] = {"-", "+", "\\+", "\\", "$", "dynamic"};
        return term_compound1(functor_intern(atom_from_cstr(negs[pick(6)]), 1), random_term(depth - 1));
    }
    default: {
        static const char *const infix[] = {"-", "+", "*", "^", "**", ",", "|", ";", ":-", "=", "mod", "->", ":"};
        functor_t f = functor_intern(atom_from_cstr(infix[pick(13)]), 2);
        return term_compound2(f, random_term(depth - 1), random_term(depth - 1));
    }
    }
}

static void check_roundtrip(term_t t, const wr_options *o, const char *mode)
{
    size_t len;
    char *s = wr_term_to_text(t, o, &len);
    rd_options ro;
    rd_options_default(&ro);
    rd_result r;
    rd_status st = rd_read_text(s, len, &ro, &r);
    if (st != RD_OK)
        fail_msg("%s output does not read back (%s at col %ld): %s\n(seed %llu: rerun with LANG_RT_SEED=%llu)",
                 mode, r.error.what, r.error.pos.col, s, (unsigned long long)seed, (unsigned long long)seed);
    if (!lt_variant(t, r.term))
        fail_msg("%s output reads back as another term: %s\n(seed %llu: rerun with LANG_RT_SEED=%llu)", mode,
                 s, (unsigned long long)seed, (unsigned long long)seed);
    free(s);
}

static void test_roundtrip_property(void **state)
{
    wr_options wq, wc;
    wr_options_writeq(&wq);
    wq.numbervars = false;
    wr_options_canonical(&wc);
    const char *env = getenv("LANG_RT_SEED");
    seed = env ? strtoull(env, NULL, 10) : (uint64_t)time(NULL) * 2654435761u ^ (uint64_t)getpid();
    rng = seed | 1; /* xorshift: never 0 */
    char *top = heap_top;
    for (int i = 0; i < 20000; i++) {
        for (int v = 0; v < 3; v++)
            vars[v] = term_new_var();
        term_t t = random_term(1 + pick(5));
        check_roundtrip(t, &wq, "writeq");
        check_roundtrip(t, &wc, "write_canonical");
        heap_top = top; /* no snapshots in this test: reclaim the cells by hand */
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_basic),      cmocka_unit_test(test_read_numbers),
        cmocka_unit_test(test_double_quotes),   cmocka_unit_test(test_variable_lists),
        cmocka_unit_test(test_syntax_errors),   cmocka_unit_test(test_resync),
        cmocka_unit_test(test_error_term),      cmocka_unit_test(test_eof_and_end),
        cmocka_unit_test(test_deep_nesting),    cmocka_unit_test(test_deep_chains),
        cmocka_unit_test(test_max_depth),
        cmocka_unit_test(test_portray_and_canonical),
        cmocka_unit_test(test_roundtrip_property),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
