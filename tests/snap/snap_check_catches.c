/* The checking mode catches a write the barrier does not see: a store from a
 * function compiled without the instrumentation, into a tracked global, is
 * reported at the restore with the variable's name, and the program stops. */
//! status: 134
//! stdout: -
//! stderr: checking mode: after the restore of snapshot [0-9]+, 0x[0-9a-f]+ \(victim\+256\) holds 0x2a
#include <stdio.h>

#include "snap.h"

long victim[64];

/* what an uninstrumented library, or inline assembly, would do */
__attribute__((no_sanitize("kernel-address"), noinline)) static void sneaky(long *p) { p[32] = 42; }

int main(void)
{
    if (!snap_checking()) {
        printf("the checking mode is not on\n");
        return 1;
    }
    snap_id id;
    if (snap_take(&id) == 0) {
        victim[0] = 1; /* logged: its line comes back whole */
        sneaky(victim);
        snap_restore(id, 1);
    }
    printf("not caught\n");
    return 0;
}
