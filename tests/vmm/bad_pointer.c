/* bad_pointer: a system call naming memory outside the guest's RAM ends the
 * guest with a diagnostic (file:line of the check); the host survives.
 * Natively the kernel returns EFAULT instead: this test is for snapvm. */
//! backends: kvm
//! status: 139
//! stdout: about to pass a bad pointer
//! stderr: bad address in write: .*sys_files\.c:[0-9]+: guest range 0x7f0000000000
#include <stdio.h>
#include <unistd.h>
int main(void)
{
    puts("about to pass a bad pointer");
    fflush(stdout);
    write(1, (const void *)0x7f0000000000, 10);
    puts("not reached");
    return 0;
}
