/* snap_bump.c under the checking mode: the fast path's unchecked stores go
 * only to memory no snapshot can see. */
#include "snap_bump.c"
