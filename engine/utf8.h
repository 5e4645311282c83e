/* utf8.h - the one UTF-8 encoder, shared by the term layer's users.
 *
 * Header-only so that lang/ (which links against the term layer alone, not
 * stdlib) and the text built-ins use the same code: a code point outside
 * 0 .. 0x10FFFF is the caller's to refuse.
 */
#ifndef ENGINE_UTF8_H
#define ENGINE_UTF8_H

#include <stddef.h>

/* Encode code point c at out (4 bytes room); returns the byte count. */
static inline size_t utf8_encode(int c, char *out)
{
    unsigned u = (unsigned)c;
    if (u < 0x80) {
        out[0] = (char)u;
        return 1;
    }
    if (u < 0x800) {
        out[0] = (char)(0xC0 | u >> 6);
        out[1] = (char)(0x80 | (u & 0x3F));
        return 2;
    }
    if (u < 0x10000) {
        out[0] = (char)(0xE0 | u >> 12);
        out[1] = (char)(0x80 | (u >> 6 & 0x3F));
        out[2] = (char)(0x80 | (u & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | u >> 18);
    out[1] = (char)(0x80 | (u >> 12 & 0x3F));
    out[2] = (char)(0x80 | (u >> 6 & 0x3F));
    out[3] = (char)(0x80 | (u & 0x3F));
    return 4;
}

#endif
