/* printf_float: glibc's floating-point formatting and parsing (SSE state,
 * the FPU control words, and the locale tables all work in the guest). */
#include "check.h"

#include <math.h>
#include <string.h>

static void expect(const char *got, const char *want)
{
    if (strcmp(got, want)) {
        fprintf(stderr, "got \"%s\", want \"%s\"\n", got, want);
        exit(1);
    }
}

int main(void)
{
    char b[128];
    snprintf(b, sizeof b, "%.3f", 3.14159265);
    expect(b, "3.142");
    snprintf(b, sizeof b, "%g", 1e-10);
    expect(b, "1e-10");
    snprintf(b, sizeof b, "%.17g", 0.1);
    expect(b, "0.10000000000000001");
    snprintf(b, sizeof b, "%e", -12345.678);
    expect(b, "-1.234568e+04");
    snprintf(b, sizeof b, "%a", 1.0);
    expect(b, "0x1p+0");
    snprintf(b, sizeof b, "%f %f %f", INFINITY, -INFINITY, NAN);
    expect(b, "inf -inf nan");
    snprintf(b, sizeof b, "%.30Lf", 1.0L / 3);
    expect(b, "0.333333333333333333342368351437");
    snprintf(b, sizeof b, "%10.4f|%-10.2e|", 2.5, 6.02e23);
    expect(b, "    2.5000|6.02e+23  |");
    CHECK(strtod("2.718281828459045", NULL) == 2.718281828459045);
    CHECK(fabs(strtod("-1e300", NULL) * 1e-300 + 1) < 1e-15);
    printf("%.6f\n", 1.0 / 7);
    puts("SUCCESS");
    return 0;
}
