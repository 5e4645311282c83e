/* lang/lex.h: the Prolog tokenizer (ISO token syntax plus the swipl extensions we accept).
 *
 * The tokenizer reads code points from a character source (rd_src: a buffer,
 * or a buffer refilled by a callback), tracks line and column of every code
 * point, and hands the parser one token at a time.  It allocates nothing but
 * its own text buffer (malloc), keeps all its state in the rd_lexer the
 * caller owns, and touches no global, so the engine can run it under the write
 * barrier: a restore puts a lexer back exactly as it was.
 *
 * Positions: lines count from 1, columns from 1 in code points (GNU
 * convention, what editors jump to; swipl prints 0-based columns), offsets
 * from 0 in code points.
 */
#ifndef LANG_LEX_H
#define LANG_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A character source: bytes in UTF-8.  [p, end) is what is buffered now;
 * when it runs out, fill(ctx, &p) is called and returns how many bytes it
 * put at *p (0 = end of input).  The bytes it returns must stay valid until
 * the next call of fill.  fill may be NULL for a source that is one buffer. */
typedef struct rd_src {
    const unsigned char *p, *end;
    size_t (*fill)(void *ctx, const unsigned char **buf);
    void *ctx;
} rd_src;

/* rd_src_buffer: a source over the len bytes at text (not copied: they must
 * live as long as the source is read). */
void rd_src_buffer(rd_src *src, const char *text, size_t len);

typedef struct rd_pos {
    long line, col, offset;
} rd_pos;

typedef enum rd_tok_kind {
    RD_T_NAME,      /* an atom written unquoted: letters, graphic chars, !, ; */
    RD_T_QNAME,     /* a quoted atom 'like this' */
    RD_T_VAR,       /* a variable; text is its name, "_" for the anonymous one */
    RD_T_INT,       /* an integer that fits int64_t: ival */
    RD_T_BIGINT,    /* a larger integer: text holds its digits, radix its base */
    RD_T_FLOAT,     /* fval */
    RD_T_STR,       /* "double quoted"; text is the content after escapes */
    RD_T_BQ,        /* `back quoted` */
    RD_T_PUNCT,     /* ( ) [ ] { } , | : the character is in punct */
    RD_T_END,       /* the end token: . followed by layout, %, or end of input */
    RD_T_EOF,       /* end of input (before any token of a clause) */
    RD_T_ERROR      /* a lexical error: err says what, pos where */
} rd_tok_kind;

typedef struct rd_token {
    rd_tok_kind kind;
    char *text;          /* NAME QNAME VAR BIGINT STR BQ: UTF-8, NUL-terminated, may hold NULs */
    size_t len;          /* bytes of text without the final NUL */
    int64_t ival;
    double fval;
    int radix;           /* BIGINT: 2..36 */
    int punct;           /* PUNCT: one of ( ) [ ] { } , | */
    bool layout_before;  /* layout or a comment right before this token: `a (` vs `a(` */
    rd_pos pos;          /* of the token's first character */
    const char *err;     /* ERROR: the syntax_error term name, e.g. "undefined_char_escape" */
    int err_arg;         /* ERROR: a code point the error names (syntax_error(What(C))), else -1 */
    rd_pos err_pos;      /* ERROR: where exactly (may be inside the token) */
} rd_token;

/* Lookahead ring: the parser needs at most 3 code points ahead ("0'\\"). */
#define RD_LOOK 4

typedef struct rd_lexer {
    rd_src *src;
    int look[RD_LOOK];          /* code points not yet consumed; -1 = end of input */
    rd_pos look_pos[RD_LOOK];
    int nlook, look_head;       /* a ring: look[(look_head + k) % RD_LOOK] */
    rd_pos pos;                 /* of the next code point to decode from src */
    char *buf;                  /* token text (owned; freed by rd_lex_free) */
    /* the buffer's allocator: realloc/free unless the owner sets others
     * (a lexer kept in a persistent stream uses mem_prealloc/mem_pfree) */
    void *(*realloc_fn)(void *p, size_t size);
    void (*free_fn)(void *p);
    size_t buf_len, buf_cap;
    rd_token tok;               /* the current token */
    /* the parser's scratch arrays (tokens, their text, variables, operator
     * frames), kept between reads so that reading a clause allocates
     * nothing; same allocator as buf; freed by rd_lex_free */
    void *scratch[4];
    size_t scratch_cap[4];
    bool in_quote;              /* inside a quoted token: no char conversion */
} rd_lexer;

/* ISO char_conversion/2: while on (the char_conversion flag), a character
 * outside quoted tokens is read as map[c] (characters below 256).  The
 * engine points rd_conv at its persistent table at start; until then it is
 * a table that is off. */
struct rd_conv {
    bool on;
    unsigned char map[256];
};
extern struct rd_conv *rd_conv;

/* rd_lex_init: start reading src at line 1 column 1.  The lexer keeps src
 * (it must outlive the lexer) and owns the text buffer until rd_lex_free.
 * After an end token the lexer has consumed the one layout character that
 * ends it (ISO); it holds nothing else of the source except a % that may
 * follow the end token directly. */
void rd_lex_init(rd_lexer *lx, rd_src *src);
void rd_lex_free(rd_lexer *lx);

/* rd_lex_next: read the next token into lx->tok and return its kind.  The
 * text of the previous token is overwritten.  After RD_T_ERROR the lexer
 * stands just after the offending character; rd_lex_skip_clause resyncs. */
rd_tok_kind rd_lex_next(rd_lexer *lx);

/* rd_lex_skip_clause: after a syntax error, skip tokens up to and including
 * the next end token (or to end of input), so the next read starts at the
 * next clause.  Lexical errors inside the skipped text are ignored (each
 * consumed at least one character, so this always ends). */
void rd_lex_skip_clause(rd_lexer *lx);

/* Character classes (code points), shared with the writer's quoting rules. */
bool rd_is_symbol_char(int c);   /* graphic: # $ & * + - . / : < = > ? @ ^ ~ \ */
bool rd_is_alnum(int c);         /* letters, digits, _ (non-ASCII letters: see lex.c) */
bool rd_is_lower_start(int c);   /* may start an unquoted atom: a-z, non-ASCII lower case */
bool rd_is_var_start(int c);     /* _ A-Z, non-ASCII upper case */
bool rd_is_solo(int c);          /* ! ; */

#endif
