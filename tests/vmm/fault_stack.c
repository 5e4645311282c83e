/* fault_stack: unbounded recursion overflows the stack: SIGSEGV (under
 * snapvm the fault stub runs on its own IST stack, so it still reports). */
//! status: 139
//! stdout: about to fault
//! snapvm-stderr: segmentation fault at 0x[0-9a-f]+ \(rip 0x[0-9a-f]+\)
#include <stdio.h>
#pragma GCC diagnostic ignored "-Winfinite-recursion" /* that is the point */
static int deep(volatile char *p, int n)
{
    volatile char buf[4096];
    buf[0] = (char)n;
    buf[4095] = p ? p[0] : 0;
    return deep(buf, n + 1) + buf[100];
}
int main(void)
{
    puts("about to fault");
    fflush(stdout);
    return deep(NULL, 0);
}
