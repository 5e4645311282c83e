/* lang/numtext.h: numbers as text, the way swipl writes them.
 *
 * Floats print in the shortest form that reads back to the same double
 * (0.1 as 0.1, never 0.10000000000000001), in swipl's layout: plain
 * decimals from 0.0001 up to 15 integer digits, otherwise d.ddde+XX; always
 * with a dot so the text reads back as a float.  Infinities and NaN use
 * swipl's 1.0Inf, -1.0Inf, 1.5NaN, which the reader accepts.
 */
#ifndef LANG_NUMTEXT_H
#define LANG_NUMTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WR_FLOAT_MAX 40 /* enough for any double in this format, with the NUL */

/* wr_format_float: d as text into out (NUL-terminated); returns the length. */
size_t wr_format_float(double d, char out[WR_FLOAT_MAX]);

#define WR_INT_MAX 24
/* wr_format_int: v in decimal into out (NUL-terminated); returns the length. */
size_t wr_format_int(int64_t v, char out[WR_INT_MAX]);

/* Big integers as text, both ways, in time below quadratic: hooks the
 * engine's arithmetic (GMP, stdlib/bigint.c) sets once at start-up, before
 * any snapshot.  NULL (host tools, unit tests) leaves the reader and writer
 * their own schoolbook conversions, which give the same results.
 *
 * nt_big_to_text: the decimal text of the integer with magnitude
 * limbs[0..n-1] (least significant first, n >= 1) and sign neg, in a
 * malloc'd buffer the caller frees; NULL when memory is exhausted.
 * nt_big_from_text: the integer term (engine/term.h's term_t) written with
 * the len digits of radix (2..36) at digits, negated if neg; normalised
 * (small when it fits). */
extern char *(*nt_big_to_text)(const uint64_t *limbs, size_t n, bool neg);
extern uint64_t (*nt_big_from_text)(const char *digits, size_t len, int radix, bool neg);

#endif
