/* pcre_libm: a program linked with PCRE2 (its JIT off: no executable
 * mappings under snapvm) and libm. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "check.h"

#include <math.h>
#include <pcre2.h>
#include <string.h>

int main(void)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR) "(\\w+)@(\\w+)\\.org", PCRE2_ZERO_TERMINATED, 0,
                                   &err, &off, NULL);
    CHECK(re);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    const char *s = "mail alice@example.org today";
    int rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
    CHECK(rc == 3);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    CHECK(ov[2] == 5 && ov[3] == 10 && !strncmp(s + ov[2], "alice", 5));
    CHECK(!strncmp(s + ov[4], "example", ov[5] - ov[4]));
    CHECK(pcre2_match(re, (PCRE2_SPTR) "nobody", 6, 0, 0, md, NULL) == PCRE2_ERROR_NOMATCH);
    pcre2_match_data_free(md);
    pcre2_code_free(re);

    volatile double x = 0.5;
    CHECK(fabs(sin(x) - 0.479425538604203) < 1e-15);
    CHECK(fabs(exp(x) - 1.6487212707001282) < 1e-15);
    CHECK(fabs(lgamma(x) - 0.5723649429247001) < 1e-15);
    CHECK(fabs(atan2(1.0, x) - 1.1071487177940904) < 1e-15);
    CHECK(fabs(cbrt(27.0 * x) - 2.381101577952299) < 1e-15);
    printf("sin(0.5) = %.15f\n", sin(x));
    puts("SUCCESS");
    return 0;
}
