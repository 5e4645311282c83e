/* fault_div: an integer division by zero ends the program as SIGFPE. */
//! status: 136
//! stdout: about to fault
//! snapvm-stderr: floating point exception \(rip 0x[0-9a-f]+\)
#include <stdio.h>
int main(void)
{
    volatile int zero = 0;
    puts("about to fault");
    fflush(stdout);
    return 10 / zero;
}
