/* check.h: the one assertion the guest test programs use: on failure it
 * prints file:line and the condition, and exits 1. */
#ifndef VMM_CHECK_H
#define VMM_CHECK_H
#include <stdio.h>
#include <stdlib.h>
#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c)) {                                                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);                  \
            exit(1);                                                                               \
        }                                                                                          \
    } while (0)
#endif
