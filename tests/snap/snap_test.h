/* snap_test.h: helpers shared by the tests of the snapshot runtime. */
#ifndef SNAP_TEST_H
#define SNAP_TEST_H

#include <stdio.h>
#include <stdlib.h>

#define CHECK(c)                                                                   \
    do {                                                                           \
        if (!(c)) {                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c); \
            exit(1);                                                               \
        }                                                                          \
    } while (0)

/* Runs BODY after a snapshot, restores it, and evaluates to 1 once back:
 * the statements after it see memory as before BODY. */
#define UNDONE(BODY)                                      \
    do {                                                  \
        snap_id undone_id_;                               \
        if (snap_take(&undone_id_) == 0) {                \
            BODY;                                         \
            snap_restore(undone_id_, 1);                  \
        }                                                 \
        CHECK(snap_drop(undone_id_) == 0);                \
    } while (0)

#endif
