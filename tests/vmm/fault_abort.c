/* fault_abort: abort() ends the program as SIGABRT. */
//! status: 134
//! stdout: about to fault
//! snapvm-stderr: aborted
#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    puts("about to fault");
    fflush(stdout);
    abort();
}
