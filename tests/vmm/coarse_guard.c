/* coarse_guard: a fault under a live guard snapshot (PLAT_COARSE_GUARD)
 * restores it: the guard's take returns 2 with the fault (signal, address,
 * pc), memory is as it was at the take, and the program runs on; the
 * newest live guard is the one restored; after the last guard is dropped,
 * a fault ends the program as usual.  Both backends: the monitor restores
 * under KVM, the fork chain natively. */
//! status: 139
//! stdout: guards checked
#include "check.h"
#include "plat.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int value = 1;
static volatile uintptr_t bad_addr = 16; /* volatile: no compiler may see it is bad */

static void fault(void) { *(volatile int *)bad_addr = 42; }

int main(void)
{
    long outer, inner;
    long g = plat_coarse_snapshot(PLAT_COARSE_GUARD, &outer);
    if (g == 0) {
        value = 2;
        long h = plat_coarse_snapshot(PLAT_COARSE_GUARD, &inner);
        if (h == 0) {
            value = 3;
            fault();
            CHECK(!"the fault returned");
        }
        /* the inner guard: value as at its take */
        CHECK(h == 2);
        CHECK(value == 2);
        struct plat_fault f;
        plat_coarse_fault(&f);
        CHECK(f.sig == SIGSEGV);
        CHECK(f.addr == 16);
        CHECK(f.rip != 0);
        CHECK(plat_coarse_snapshot(PLAT_COARSE_DROP, &inner) == 0);
        value = 4;
        fault(); /* now the outer guard */
        CHECK(!"the fault returned");
    } else {
        CHECK(g == 2);
        CHECK(value == 1);
        CHECK(plat_coarse_snapshot(PLAT_COARSE_DROP, &outer) == 0);
    }
    puts("guards checked");
    fflush(stdout);
    fault(); /* no guard left: the end */
    return 0;
}
