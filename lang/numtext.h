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

#include <stddef.h>
#include <stdint.h>

#define WR_FLOAT_MAX 40 /* enough for any double in this format, with the NUL */

/* wr_format_float: d as text into out (NUL-terminated); returns the length. */
size_t wr_format_float(double d, char out[WR_FLOAT_MAX]);

#define WR_INT_MAX 24
/* wr_format_int: v in decimal into out (NUL-terminated); returns the length. */
size_t wr_format_int(int64_t v, char out[WR_INT_MAX]);

#endif
