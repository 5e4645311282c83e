/* fault_segv: a write through a bad pointer ends the program as SIGSEGV. */
//! status: 139
//! stdout: about to fault
//! snapvm-stderr: segmentation fault at 0x8 \(rip 0x[0-9a-f]+\)
#include <stdio.h>
int main(void)
{
    puts("about to fault");
    fflush(stdout);
    int *volatile bad = (int *)8; /* volatile: the compiler cannot see it is bad */
    *bad = 42;
    return 0;
}
