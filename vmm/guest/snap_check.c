/* snap_check.c: the checking mode (SNAP_CHECK=1, or snap-cc -snap-check).
 * (filled in below) */
#include "snap_rt.h"
void snap_check_take(long serial) { (void)serial; }
void snap_check_restore(long serial) { (void)serial; }
void snap_check_drop(long serial) { (void)serial; }
