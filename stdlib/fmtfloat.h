/* fmtfloat.h - printf's %.*e and %.*f for format/2, without printf where
 * that is safe.
 *
 * glibc formats a double exactly, with big-number arithmetic: a fifth of
 * format/2's time on lines with a float.  Scaling by an exact power of ten
 * in long double (64-bit mantissa) gives the digits with an error below
 * 0.006 units of the last one, so the rounding is right unless the scaled
 * value lies within 0.01 of a half: then, and outside the range the
 * scaling is exact for, the caller falls back to snprintf.  Output is
 * byte for byte snprintf's.
 */
#ifndef STDLIB_FMTFLOAT_H
#define STDLIB_FMTFLOAT_H

#include <stddef.h>

/* Writes snprintf(out, 64, conv == 'e' ? "%.*e" : "%.*f", prec, v) to out
 * (64 bytes room, NUL-terminated) and returns its length, or returns 0 when
 * it cannot be sure of the rounding or prec > 15 or v is out of range (then
 * out is unspecified). */
size_t fmtfloat(double v, char conv, int prec, char *out);

#endif
