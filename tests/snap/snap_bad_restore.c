/* Restoring a dropped snapshot is refused with a message naming it, before
 * memory is touched ("never a corrupted restore"). */
//! status: 134
//! stdout: -
//! stderr: snapshot [0-9]+ is unknown or dropped
#include <stdio.h>

#include "snap.h"

int main(void)
{
    snap_id id;
    if (snap_take(&id) != 0) return 1;
    snap_drop(id);
    snap_restore(id, 1);
}
