/* lang/numtext.c: shortest round-trip floats in swipl's layout, integers,
 * the hooks for big integer text. */
#include "numtext.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* shortest_digits: the fewest significant decimal digits (into digits, no
 * dot) that strtod reads back as d (finite, positive); returns their count
 * and sets *decpt, the position of the decimal point relative to them.
 * Trying precisions 1..17 with the C library's correctly rounded printf is
 * simple and exact; writing floats is not where a Prolog spends its time. */
static int shortest_digits(double d, char digits[20], int *decpt)
{
    char tmp[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
        if (strtod(tmp, NULL) == d || prec == 17)
            break;
    }
    /* tmp is d.ddde[+-]XX */
    int n = 0;
    const char *p = tmp;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[n++] = *p;
    int exp10 = atoi(p + 1);
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = 0;
    *decpt = exp10 + 1;
    return n;
}

size_t wr_format_float(double d, char out[WR_FLOAT_MAX])
{
    if (isnan(d))
        return (size_t)snprintf(out, WR_FLOAT_MAX, "1.5NaN");
    if (isinf(d))
        return (size_t)snprintf(out, WR_FLOAT_MAX, "%s1.0Inf", d < 0 ? "-" : "");
    char *o = out;
    if (signbit(d)) {
        *o++ = '-';
        d = -d;
    }
    if (d == 0) {
        memcpy(o, "0.0", 4);
        return (size_t)(o - out) + 3;
    }
    char dg[20];
    int decpt;
    int n = shortest_digits(d, dg, &decpt);
    if (decpt <= -4 || (decpt > 15 && n <= decpt)) {
        *o++ = dg[0];
        *o++ = '.';
        if (n == 1) {
            *o++ = '0';
        } else {
            memcpy(o, dg + 1, (size_t)n - 1);
            o += n - 1;
        }
        /* snprintf, not sprintf: the barrier's runtime wraps snprintf */
        o += snprintf(o, (size_t)(out + WR_FLOAT_MAX - o), "e%c%d", decpt - 1 < 0 ? '-' : '+',
                      abs(decpt - 1));
    } else if (decpt <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -decpt; i++)
            *o++ = '0';
        memcpy(o, dg, (size_t)n);
        o += n;
    } else if (n <= decpt) {
        memcpy(o, dg, (size_t)n);
        o += n;
        for (int i = n; i < decpt; i++)
            *o++ = '0';
        *o++ = '.';
        *o++ = '0';
    } else {
        memcpy(o, dg, (size_t)decpt);
        o += decpt;
        *o++ = '.';
        memcpy(o, dg + decpt, (size_t)(n - decpt));
        o += n - decpt;
    }
    *o = 0;
    return (size_t)(o - out);
}

char *(*nt_big_to_text)(const uint64_t *limbs, size_t n, bool neg);
uint64_t (*nt_big_from_text)(const char *digits, size_t len, int radix, bool neg);

size_t wr_format_int(int64_t v, char out[WR_INT_MAX])
{
    return (size_t)snprintf(out, WR_INT_MAX, "%lld", (long long)v);
}
