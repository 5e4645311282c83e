/* lang/atomtext.c: the quoting rules of writeq. */
#include "atomtext.h"

#include <stdio.h>
#include <string.h>

#include "lex.h"

int wr_utf8_decode(const char *s, size_t n, size_t *used)
{
    const unsigned char *u = (const unsigned char *)s;
    int c = u[0];
    size_t need = c >= 0xf8 ? 0 : c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : 0;
    *used = 1;
    if (c < 0x80 || need == 0 || need >= n)
        return c;
    int cp = c & (0x3f >> need);
    for (size_t i = 1; i <= need; i++) {
        if ((u[i] & 0xc0) != 0x80)
            return c;
        cp = (cp << 6) | (u[i] & 0x3f);
    }
    *used = need + 1;
    return cp;
}

bool wr_atom_is_symbolic(const char *s, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!rd_is_symbol_char((unsigned char)s[i]))
            return false;
    return true;
}

bool wr_atom_needs_quotes(const char *s, size_t len)
{
    if (len == 0)
        return true;
    if ((len == 2 && (memcmp(s, "[]", 2) == 0 || memcmp(s, "{}", 2) == 0)) ||
        (len == 1 && rd_is_solo((unsigned char)s[0])))
        return false;
    size_t used;
    int c = wr_utf8_decode(s, len, &used);
    if (rd_is_lower_start(c)) {
        for (size_t i = used; i < len; i += used)
            if (!rd_is_alnum(wr_utf8_decode(s + i, len - i, &used)))
                return true;
        return false;
    }
    if (wr_atom_is_symbolic(s, len)) {
        if (len >= 2 && s[0] == '/' && s[1] == '*')
            return true;
        return len == 1 && s[0] == '.';
    }
    return true;
}

void wr_put_quoted(wr_sink *out, const char *s, size_t len, int q)
{
    char qc = (char)q;
    wr_put(out, &qc, 1);
    size_t run = 0; /* bytes that go out as they are, not yet written */
    for (size_t i = 0; i < len;) {
        size_t used;
        int c = wr_utf8_decode(s + i, len - i, &used);
        char esc[16];
        const char *e = NULL;
        switch (c) {
        case 7: e = "\\a"; break;
        case 8: e = "\\b"; break;
        case 9: e = "\\t"; break;
        case 10: e = "\\n"; break;
        case 11: e = "\\v"; break;
        case 12: e = "\\f"; break;
        case 13: e = "\\r"; break;
        case '\\': e = "\\\\"; break;
        default:
            if (c == q) {
                snprintf(esc, sizeof esc, "\\%c", q);
                e = esc;
            } else if (c < 32 || (c >= 127 && c <= 0xa0) || c == 0x2028 || c == 0x2029 ||
                       (used == 1 && c >= 0x80)) {
                /* controls, and a byte that is not UTF-8, as \xHH\ */
                snprintf(esc, sizeof esc, "\\x%X\\", c);
                e = esc;
            }
        }
        if (e) {
            wr_put(out, s + i - run, run);
            run = 0;
            wr_puts(out, e);
        } else {
            run += used;
        }
        i += used;
    }
    wr_put(out, s + len - run, run);
    wr_put(out, &qc, 1);
}
