/* static_pie: a -static-pie program relocates itself and runs. */
#include "check.h"
#include <string.h>
static const char *msg = "relocated pointer";
int main(void)
{
    CHECK(!strcmp(msg, "relocated pointer"));
    CHECK((unsigned long)&main != 0);
    puts("SUCCESS");
    return 0;
}
