/* plat_coarse.h: native coarse snapshots by fork (internal to plat.c). */
#ifndef PLAT_COARSE_H
#define PLAT_COARSE_H

#include "plat.h"

/* plat_coarse_native implements plat_coarse_snapshot() without snapvm. */
long plat_coarse_native(enum plat_coarse_op op, long *id);
/* The last fault a native guard recovered from. */
void plat_coarse_native_fault(struct plat_fault *f);

#endif
