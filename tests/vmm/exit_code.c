/* exit_code: the program's exit status is snapvm's. */
//! status: 42
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    puts("SUCCESS");
    fflush(stdout);
    exit(42);
}
