/* tests/lang/fuzz_reader.c: libFuzzer target for the reader (and the writer).
 *
 * Any input: read clauses until the end (at most 64); none may crash, hang
 * or leak.  Each term read is written with writeq, with writeq and
 * spacing(next_argument), and with write_canonical, and read back: it must
 * be a variant of the original, so the fuzzer also searches for writer
 * output that does not read back.  It is also written with max_depth and
 * unquoted, which must not crash (their output need not read back).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine/term.h"
#include "lang/ops.h"
#include "lang/reader.h"
#include "lang/writer.h"
#include "variant.h"

static void check_roundtrip(term_t t, const wr_options *o, const rd_options *ro)
{
    size_t len;
    char *s = wr_term_to_text(t, o, &len);
    if (!s)
        return; /* too deep to write: the writer said so, nothing to check */
    rd_result back;
    if (rd_read_text(s, len, ro, &back) != RD_OK || !lt_variant(t, back.term)) {
        fprintf(stderr, "round trip failed: %s\n", s);
        abort();
    }
    free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready) {
        if (!term_init(1u << 22) || !rd_ops_init())
            abort();
        ready = 1;
    }
    char *top = heap_top;
    rd_src src;
    rd_src_buffer(&src, (const char *)data, size);
    rd_lexer lx;
    rd_lex_init(&lx, &src);
    rd_options ro;
    rd_options_default(&ro);
    ro.want_variable_names = ro.want_singletons = ro.want_variables = 1;
    wr_options wq, ws, wc, wd;
    wr_options_writeq(&wq);
    wq.numbervars = 0;
    ws = wq;
    ws.spacing = 1;
    wr_options_canonical(&wc);
    wr_options_write(&wd);
    wd.max_depth = 1 + (size > 0 ? data[0] % 6 : 0);
    for (int i = 0; i < 64; i++) {
        rd_result res;
        rd_status st = rd_read(&lx, &ro, &res);
        if (st == RD_EOF)
            break;
        if (st == RD_SYNTAX_ERROR) {
            (void)rd_error_term(&res.error, atom_from_cstr("fuzz.pl"), NULL);
            char msg[256];
            rd_error_text(&res.error, msg, sizeof msg);
            continue;
        }
        check_roundtrip(res.term, &wq, &ro);
        check_roundtrip(res.term, &ws, &ro);
        check_roundtrip(res.term, &wc, &ro);
        free(wr_term_to_text(res.term, &wd, NULL));
    }
    rd_lex_free(&lx);
    heap_top = top; /* no snapshots here: drop this input's cells by hand */
    return 0;
}
