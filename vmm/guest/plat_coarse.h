/* plat_coarse.h: native coarse snapshots by fork (internal to plat.c). */
#ifndef PLAT_COARSE_H
#define PLAT_COARSE_H

#include "plat.h"

/* plat_coarse_native implements plat_coarse_snapshot() without snapvm. */
long plat_coarse_native(enum plat_coarse_op op, long *id);

#endif
