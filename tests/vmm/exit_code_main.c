/* exit_code_main: a status returned from main, above 127, is passed as is. */
//! status: 200
#include <stdio.h>
int main(void)
{
    puts("SUCCESS");
    return 200;
}
