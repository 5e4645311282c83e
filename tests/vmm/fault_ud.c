/* fault_ud: an invalid opcode ends the program as SIGILL. */
//! status: 132
//! stdout: about to fault
//! snapvm-stderr: illegal instruction \(rip 0x[0-9a-f]+\)
#include <stdio.h>
int main(void)
{
    puts("about to fault");
    fflush(stdout);
    __asm__ volatile("ud2");
    return 0;
}
