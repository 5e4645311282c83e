/* bad_length: a length that overflows the address space is refused by the
 * overflow-safe check and ends the guest; natively EFAULT. */
//! backends: kvm
//! status: 139
//! stdout: about to pass a bad length
//! stderr: length overflows the address space
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>
int main(void)
{
    static char buf[16];
    puts("about to pass a bad length");
    fflush(stdout);
    volatile size_t huge = SIZE_MAX - 8; /* hidden from the compiler's bounds check */
    write(1, buf, huge);
    puts("not reached");
    return 0;
}
