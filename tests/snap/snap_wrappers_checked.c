/* snap_wrappers.c under the checking mode: any write a wrapper missed is
 * reported (the checking mode compares all tracked memory at each restore). */

#include "snap_wrappers.c"
