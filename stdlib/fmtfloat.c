/* fmtfloat.c - %.*e and %.*f without printf when the rounding is sure (see
 * fmtfloat.h). */
#include "fmtfloat.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

/* 10^0 .. 10^27: exact in long double (5^27 < 2^64). */
static long double pow10l_exact(int n)
{
    long double p = 1;
    for (int i = 0; i < n; i++)
        p *= 10;
    return p;
}

/* round(a * 10^s) for a >= 0 in *n and its floor in *fl, or false when
 * the product lies within 0.01 of a half (or is too big for the error
 * bound). */
static bool scaled(double a, int s, uint64_t *n, uint64_t *floor_out)
{
    if (s > 27 || s < -27)
        return false;
    long double p = pow10l_exact(s < 0 ? -s : s);
    long double x = s >= 0 ? (long double)a * p : (long double)a / p; /* one rounding */
    if (!(x < 1e17L))
        return false; /* the error bound below needs x < 10^17 */
    long double fl = floorl(x), frac = x - fl; /* exact */
    if (frac > 0.49L && frac < 0.51L)
        return false;
    *floor_out = (uint64_t)fl;
    *n = (uint64_t)fl + (frac > 0.5L);
    return true;
}

/* The decimal digits of n, exactly w of them (leading zeros), at out. */
static void digits(uint64_t n, int w, char *out)
{
    for (int i = w - 1; i >= 0; i--) {
        out[i] = (char)('0' + n % 10);
        n /= 10;
    }
}

static int ndigits(uint64_t n)
{
    int k = 1;
    while (n >= 10)
        n /= 10, k++;
    return k;
}

size_t fmtfloat(double v, char conv, int prec, char *out)
{
    if (prec < 0 || prec > 15 || !isfinite(v))
        return 0;
    char *o = out;
    if (signbit(v))
        *o++ = '-';
    double a = fabs(v);
    uint64_t n, fl;
    if (conv == 'f') {
        if (!scaled(a, prec, &n, &fl))
            return 0;
        uint64_t p = 1;
        for (int i = 0; i < prec; i++)
            p *= 10;
        uint64_t ip = n / p;
        int w = ndigits(ip);
        digits(ip, w, o);
        o += w;
        if (prec > 0) {
            *o++ = '.';
            digits(n % p, prec, o);
            o += prec;
        }
        *o = 0;
        return (size_t)(o - out);
    }
    if (a == 0 || a < 1e-290 || a > 1e290)
        return 0;
    int k = (int)floor(log10(a)); /* may be off by one: checked below */
    uint64_t lo = 1;
    for (int i = 0; i < prec; i++)
        lo *= 10;
    /* the exponent is right when the scaled value before rounding has
     * prec + 1 digits (rounding may then carry into one more) */
    for (int tries = 0;; tries++) {
        if (tries == 3 || !scaled(a, prec - k, &n, &fl))
            return 0;
        if (fl < lo)
            k--;
        else if (fl >= lo * 10)
            k++;
        else
            break;
    }
    if (n == lo * 10) { /* rounded up to the next power of ten */
        n = lo;
        k++;
    }
    digits(n / lo, 1, o++);
    if (prec > 0) {
        *o++ = '.';
        digits(n % lo, prec, o);
        o += prec;
    }
    *o++ = 'e';
    *o++ = k < 0 ? '-' : '+';
    int ak = k < 0 ? -k : k, w = ak < 10 ? 2 : ndigits((uint64_t)ak);
    digits((uint64_t)ak, w, o);
    o += w;
    *o = 0;
    return (size_t)(o - out);
}
