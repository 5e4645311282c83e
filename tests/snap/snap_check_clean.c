/* The same program with the write instrumented: the checking mode (built
 * in with snap-cc -snap-check) finds nothing, and restores carry on. */
#include <stdio.h>
#include <stdlib.h>

#include "snap.h"
#include "snap_test.h"

long victim[4];

static __attribute__((noinline)) void honest(long *p) { p[1] = 42; }

int main(void)
{
    CHECK(snap_checking());
    snap_id id;
    long r = snap_take(&id);
    if (r < 3) {
        victim[0] = r;
        honest(victim);
        snap_restore(id, r + 1);
    }
    CHECK(victim[0] == 0 && victim[1] == 0);
    struct snap_stats st;
    snap_get_stats(&st);
    CHECK(st.check_bytes > 0);
    printf("SUCCESS\n");
    return 0;
}
