/* snap_difftest.c under the checking mode (a full comparison of all tracked
 * memory at each restore, besides the test's own). */
//! args: 20000 2
#include "snap_difftest.c"
