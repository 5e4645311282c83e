/* snap_persist.c under the checking mode: a saved copy that a persistent
 * store did not patch would show as a difference after a restore. */

#include "snap_persist.c"
